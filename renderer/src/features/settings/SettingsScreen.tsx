import { Button, Group, Loader, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { FormAlert } from '../../components/FormAlert';
import { notifyError, notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import { useSettingsStore } from '../../stores/settings';

const MINUTE_OPTIONS = Array.from({ length: 15 }, (_, i) => {
  const minutes = String(i + 1);
  return { value: minutes, label: i === 0 ? '1 minute' : `${minutes} minutes` };
});

/** Till settings: the idle-lock time (changing it asks for the password again). */
export function SettingsScreen() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.error);
  const load = useSettingsStore((s) => s.load);
  const save = useSettingsStore((s) => s.setIdleLockMinutes);
  const { busy, run } = useBusy();
  const [minutes, setMinutes] = useState<string | null>(null);

  useEffect(() => {
    void load();
  }, [load]);

  const value = minutes ?? (settings ? String(settings.idleLockMinutes) : null);
  const submit = () =>
    run(async () => {
      if (!value) return;
      try {
        await save(Number(value));
        setMinutes(null);
        notifySuccess('Idle lock updated.');
      } catch (error) {
        notifyError(error, 'Settings not saved');
      }
    });

  return (
    <Stack gap="lg" maw={560}>
      <Title order={1} size="h2">
        Settings
      </Title>
      <FormAlert message={loadError} />
      {!settings && !loadError && <Loader aria-label="Loading settings" />}
      {settings && (
        <Paper withBorder radius="lg" p="xl">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="md">
              <TextInput label="Till name" value={settings.terminalName} readOnly />
              <Select
                label="Lock the till after"
                description="The till locks itself when nobody has used it for this long."
                data={MINUTE_OPTIONS}
                value={value}
                onChange={setMinutes}
                allowDeselect={false}
              />
              <Group justify="flex-end">
                <Button
                  type="submit"
                  loading={busy}
                  disabled={value === String(settings.idleLockMinutes)}
                >
                  Save
                </Button>
              </Group>
              <Text size="sm" c="dimmed">
                Changes are recorded in the audit log.
              </Text>
            </Stack>
          </form>
        </Paper>
      )}
    </Stack>
  );
}
