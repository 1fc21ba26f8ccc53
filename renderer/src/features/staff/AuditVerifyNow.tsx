import { Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { notifyError } from '../../components/notify';
import { useFormat } from '../../format/locale';
import { useSessionStore } from '../../stores/session';

type Verdict = ChannelOutput<'audit:verifyChain'>;

/**
 * "Verify now" (L2): runs the full check (the database file and the whole audit chain against its
 * seal) and says what it found; the notice above then shows the new state from app:status.
 */
export function AuditVerifyNow() {
  const { t } = useTranslation('audit');
  const { count } = useFormat();
  const refreshStatus = useSessionStore((s) => s.refreshStatus);
  const [busy, setBusy] = useState(false);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const verify = async () => {
    setBusy(true);
    try {
      setVerdict(await call('audit:verifyChain'));
      await refreshStatus();
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="sm" wrap="wrap">
      <Button size="xs" variant="default" loading={busy} onClick={() => void verify()}>
        {t('chain.verify')}
      </Button>
      {verdict && (
        <Text
          size="sm"
          role="status"
          c={verdict.ok ? 'teal.9' : 'red.9'}
          fw={verdict.ok ? 400 : 700}
        >
          {verdict.ok
            ? t('chain.verifiedOk', { rows: count(verdict.auditChain.rowsChecked) })
            : verdict.auditChain.state === 'broken'
              ? t('chain.verifiedBroken', { detail: verdict.auditChain.detail ?? '' })
              : t('chain.verifiedFileFailed', { detail: verdict.integrity })}
        </Text>
      )}
    </Group>
  );
}
