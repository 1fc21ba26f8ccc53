import { Button, Group, Modal, Stack, Table, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupplierView } from '../../../../shared/contract';
import { call } from '../../api/client';
import { splitFormError } from '../../api/form-errors';
import { FormAlert } from '../../components/FormAlert';
import { useBusy } from '../../hooks/useBusy';

const FIELDS = ['name', 'contact', 'email', 'phone', 'notes'] as const;
type Field = (typeof FIELDS)[number];
const EMPTY: Record<Field, string> = { name: '', contact: '', email: '', phone: '', notes: '' };

/**
 * Suppliers (issue 11, section 3; stock.manage): the list, a form to add or edit one (name,
 * contact, e-mail, phone, notes) and Archive (never deleted; refused while it has open orders).
 */
export function SuppliersDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('receiving');
  const [items, setItems] = useState<SupplierView[]>([]);
  const [editing, setEditing] = useState<SupplierView | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => void call('suppliers:list', {}).then((r) => setItems(r.items));
  useEffect(() => {
    if (opened) load();
  }, [opened]);
  const archive = async (s: SupplierView) => {
    try {
      await call('suppliers:archive', { id: s.id });
      setError(null);
      load();
    } catch (e) {
      setError(splitFormError(e, [] as const).form);
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('suppliers.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
    >
      {editing !== null ? (
        <SupplierForm
          supplier={editing === 'new' ? null : editing}
          onDone={() => {
            setEditing(null);
            load();
          }}
        />
      ) : (
        <Stack gap="md">
          <FormAlert message={error} />
          {items.length === 0 ? (
            <Text c="gray.7">{t('suppliers.none')}</Text>
          ) : (
            <Table aria-label={t('suppliers.title')} className="k-data-table">
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td fw={600}>{s.name}</Table.Td>
                    <Table.Td>{[s.contact, s.email, s.phone].filter(Boolean).join(' · ')}</Table.Td>
                    <Table.Td>
                      <Group gap="xs" justify="flex-end">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('suppliers.editOf', { name: s.name })}
                          onClick={() => setEditing(s)}
                        >
                          {t('suppliers.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={t('suppliers.archiveOf', { name: s.name })}
                          onClick={() => void archive(s)}
                        >
                          {t('suppliers.archive')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Group justify="flex-end">
            <Button onClick={() => setEditing('new')}>{t('suppliers.add')}</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function SupplierForm({ supplier, onDone }: { supplier: SupplierView | null; onDone: () => void }) {
  const { t } = useTranslation('receiving');
  const { busy, run } = useBusy();
  const [values, setValues] = useState<Record<Field, string>>(
    supplier
      ? (Object.fromEntries(FIELDS.map((f) => [f, supplier[f] ?? ''])) as Record<Field, string>)
      : EMPTY,
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>> & { form?: string | null }>(
    {},
  );
  const submit = () =>
    run(async () => {
      if (values.name.trim() === '') {
        setErrors({ name: t('suppliers.nameRequired') });
        return;
      }
      try {
        if (supplier) await call('suppliers:update', { id: supplier.id, ...values });
        else await call('suppliers:create', values);
        onDone();
      } catch (error) {
        const split = splitFormError(error, FIELDS);
        setErrors({ ...split.fields, form: split.form });
      }
    });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="sm">
        <FormAlert message={errors.form ?? null} />
        {FIELDS.map((f) => (
          <TextInput
            key={f}
            label={t(`suppliers.field.${f}`)}
            data-autofocus={f === 'name' || undefined}
            value={values[f]}
            error={errors[f]}
            onChange={(event) => setValues({ ...values, [f]: event.currentTarget.value })}
          />
        ))}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onDone}>
            {t('common:actions.cancel')}
          </Button>
          <Button type="submit" loading={busy}>
            {t('suppliers.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
