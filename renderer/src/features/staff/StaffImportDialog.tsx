import { Alert, Code, CopyButton, Button, Radio, Group, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_IMPORT_COLUMNS, type StaffImportReport } from '../../../../shared/contract';
import { useFormat } from '../../format/locale';
import { importStaffCsv } from '../../stores/staff-import';
import { CsvImportDialog } from '../data-import/CsvImportDialog';

/**
 * Staff → Import staff (staff.manage; issue 9, section 7): the shared CSV import dialog (check
 * first, then all or nothing), with the choice of active or pending members, and, once imported,
 * the temporary passwords of members who came without a password hash, shown this once (R1).
 */
export function StaffImportDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('staff');
  const [activate, setActivate] = useState<'active' | 'pending'>('active');
  const [result, setResult] = useState<StaffImportReport | null>(null);
  const close = () => {
    setResult(null); // R1: the temporary passwords leave memory with the dialog.
    onClose();
  };
  return (
    <CsvImportDialog
      opened={opened}
      onClose={close}
      title={t('import.title')}
      noun={t('import.noun')}
      columns={STAFF_IMPORT_COLUMNS}
      columnsHelp={t('import.columnsHelp')}
      duplicateRule={t('import.duplicateRule')}
      allOrNothing
      run={async (input) => {
        const report = await importStaffCsv({ ...input, activate: activate === 'active' });
        if (input.commit) setResult(report);
        return report;
      }}
      options={
        <Radio.Group
          label={t('import.startAs')}
          value={activate}
          onChange={(v) => setActivate(v === 'pending' ? 'pending' : 'active')}
        >
          <Group gap="lg" mt={6}>
            <Radio value="active" label={t('import.startActive')} />
            <Radio value="pending" label={t('import.startPending')} />
          </Group>
        </Radio.Group>
      }
      afterImport={result && <TemporaryPasswords report={result} />}
    />
  );
}

function TemporaryPasswords({ report }: { report: StaffImportReport }) {
  const { t } = useTranslation('staff');
  const { dateTime, count } = useFormat();
  const kept = report.withPasswordHash;
  return (
    <Stack gap="sm">
      {kept > 0 && (
        <Text>{t('import.keptPasswords', { count: kept, formatted: count(kept) })}</Text>
      )}
      {report.temporaryPasswords.length > 0 && report.temporaryPasswordsExpireAt && (
        <>
          <Alert color="yellow" variant="light" title={t('import.temporaryTitle')}>
            {t('import.temporaryHelp', {
              time: dateTime(report.temporaryPasswordsExpireAt, { dateStyle: undefined }),
            })}
          </Alert>
          <Table withTableBorder aria-label={t('import.temporaryTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.username')}</Table.Th>
                <Table.Th>{t('import.temporaryPassword')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.temporaryPasswords.map((p) => (
                <Table.Tr key={p.username}>
                  <Table.Td>{p.username}</Table.Td>
                  <Table.Td>
                    <Code className="k-secret-value">{p.temporaryPassword}</Code>
                  </Table.Td>
                  <Table.Td>
                    <CopyButton value={p.temporaryPassword}>
                      {({ copied, copy }) => (
                        <Button
                          size="xs"
                          variant={copied ? 'light' : 'default'}
                          leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                          onClick={copy}
                          aria-label={t('import.copyFor', { username: p.username })}
                        >
                          {copied ? t('temporary.copied') : t('temporary.copy')}
                        </Button>
                      )}
                    </CopyButton>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
