import { Alert, Button, Checkbox, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OnlineRetailReport, TillSettings } from '../../../../shared/contract';
import { BrandMark } from '../../components/BrandMark';
import { FormAlert } from '../../components/FormAlert';
import { useServerSubmit } from '../../forms/useServerSubmit';
import { useSettingsStore } from '../../stores/settings';
import { ImportProblemAlert, ImportProgressBar } from '../data-import/ImportPieces';
import { type ImportProblem, importProblem } from '../data-import/import-errors';
import { useImportProgress } from '../data-import/use-import-progress';
import { StoreFields } from '../settings/StoreFields';
import {
  setUpInput,
  STORE_FIELDS,
  type StoreFormValues,
  storeFormValues,
  validateStoreForm,
} from '../settings/store-form';
import { DEMO_CURRENCY, loadDemoData } from './demo-data';
import { ReauthDialog } from '../reauth/ReauthDialog';
import './setup.css';

interface Props {
  /** The settings as they are now (defaults on a new store). */
  settings: TillSettings;
  /** Called once the store is set up (and the demo, if asked for, is in). */
  onDone: (demo: OnlineRetailReport | null) => void;
}

/**
 * First run, step 2 of 2 (after the first admin): the store's name, address and VAT number, its
 * country, currency (locked after the first sale), tax, time zone, receipt footer and language,
 * sent at once with `settings:setUpStore`. The screens switch to the chosen language as soon as it
 * is saved. Optionally loads the demo catalogue and sales, which are in pounds sterling, so the
 * option is offered only for a GBP store.
 */
export function StoreSetupScreen({ settings, onDone }: Props) {
  const { t } = useTranslation('setup');
  const setUpStore = useSettingsStore((s) => s.setUpStore);
  const [demo, setDemo] = useState(false);
  const [demoProblem, setDemoProblem] = useState<ImportProblem | null>(null);
  const { progress, track } = useImportProgress();
  const form = useForm<StoreFormValues>({
    mode: 'controlled',
    initialValues: { ...storeFormValues(settings), storeName: '' },
    validate: validateStoreForm,
  });
  const gbp = form.getValues().currency.trim().toUpperCase() === DEMO_CURRENCY;

  const { busy, formError, submit } = useServerSubmit(form, STORE_FIELDS, async (values) => {
    setDemoProblem(null);
    await setUpStore(setUpInput(values));
    if (!(demo && gbp)) return onDone(null);
    try {
      onDone(await track((jobId) => loadDemoData(jobId)));
    } catch (error) {
      // The store is set up; only the demo failed. Say so and let them go on.
      setDemoProblem(importProblem(error));
    }
  });

  return (
    <main className="k-auth">
      <Stack gap="lg" className="k-setup-column">
        <Group justify="center">
          <BrandMark size={44} />
        </Group>
        <Paper shadow="sm" radius="lg" p="xl" withBorder>
          <form onSubmit={form.onSubmit(submit)} noValidate>
            <Stack gap="lg">
              <Stack gap={4}>
                <Title order={1} size="h2">
                  {t('title')}
                </Title>
                <Text c="dimmed">{t('store.subtitle')}</Text>
              </Stack>
              <FormAlert message={formError} />
              <StoreFields form={form} countryFillsDefaults idPrefix="setup" />
              <Checkbox
                label={t('store.demo')}
                description={gbp ? t('store.demoHelp') : t('store.demoGbpOnly')}
                checked={demo && gbp}
                disabled={!gbp || busy}
                onChange={(e) => setDemo(e.currentTarget.checked)}
              />
              <ImportProgressBar progress={progress} />
              {demoProblem && (
                <Stack gap="sm">
                  <ImportProblemAlert problem={demoProblem} />
                  <Alert color="blue" variant="light">
                    {t('store.demoFailed')}
                  </Alert>
                  <Button variant="default" onClick={() => onDone(null)}>
                    {t('store.continue')}
                  </Button>
                </Stack>
              )}
              {!demoProblem && (
                <Button type="submit" size="lg" loading={busy}>
                  {t('store.submit')}
                </Button>
              )}
            </Stack>
          </form>
        </Paper>
      </Stack>
      <ReauthDialog />
    </main>
  );
}
