import { Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VERIFICATION_POLICIES,
  type VerificationPolicy,
  type VerificationPolicyView,
} from '../../../../../shared/contract';
import { AppError } from '../../../../../shared/errors';
import { messageFor } from '../../../api/messages';
import { FormAlert } from '../../../components/FormAlert';
import { notifySuccess } from '../../../components/notify';
import { useVerificationPolicy } from './useVerificationPolicy';

/** Why an option cannot be chosen on this till (its channel is not set up), or null. */
function unavailableReason(policy: VerificationPolicy, view: VerificationPolicyView) {
  if (policy === 'email' && !view.mailAvailable) return 'mailOff';
  if (policy === 'phone' && !view.smsAvailable) return 'smsOff';
  if (policy === 'either' && !view.mailAvailable && !view.smsAvailable) return 'neitherOn';
  return null;
}

/**
 * Staff → Roles: "Verified before access" (issue 9, section 4), the store's rule that a member must
 * verify their e-mail or phone before the till does anything else for them. Shows what is asked
 * for now when a channel that is not set up narrows the rule, disables options whose channel is
 * not set up (with the reason), and says what to do about a refusal.
 */
export function VerificationPolicyPanel() {
  const { t } = useTranslation('staff');
  const { view, error, saving, save } = useVerificationPolicy();
  const [choice, setChoice] = useState<VerificationPolicy | null>(null);
  useEffect(() => {
    if (view) setChoice(view.policy);
  }, [view]);

  const refusal =
    error instanceof AppError && error.code === 'VERIFICATION_REQUIRED' && choice
      ? t(`verificationPolicy.verifyOwn.${choice}`)
      : error
        ? messageFor(error)
        : null;
  const submit = async () => {
    if (choice && (await save(choice))) notifySuccess(t('verificationPolicy.saved'));
  };

  return (
    <Paper withBorder radius="lg" p="lg" component="section" aria-labelledby="verification-policy">
      <Stack gap="sm">
        <Title order={2} size="h4" id="verification-policy">
          {t('verificationPolicy.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={720}>
          {t('verificationPolicy.intro')}
        </Text>
        <FormAlert message={refusal} />
        {view && choice && (
          <Radio.Group
            value={choice}
            onChange={(v) => setChoice(v as VerificationPolicy)}
            label={t('verificationPolicy.label')}
          >
            <Stack gap="sm" mt="xs">
              {VERIFICATION_POLICIES.map((policy) => {
                const reason = unavailableReason(policy, view);
                return (
                  <Radio
                    key={policy}
                    value={policy}
                    disabled={reason !== null}
                    label={t(`verificationPolicy.options.${policy}`)}
                    description={
                      reason
                        ? t(`verificationPolicy.unavailable.${reason}`)
                        : t(`verificationPolicy.help.${policy}`)
                    }
                  />
                );
              })}
            </Stack>
          </Radio.Group>
        )}
        {view && view.inForce !== view.policy && (
          <Text size="sm" role="status">
            {t(`verificationPolicy.inForce.${view.policy}_${view.inForce}`)}
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            onClick={() => void submit()}
            loading={saving}
            disabled={!view || choice === view.policy}
          >
            {t('verificationPolicy.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
