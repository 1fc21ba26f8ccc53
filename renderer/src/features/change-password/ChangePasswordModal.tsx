import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Lets a signed-in member change their own password from the app shell. */
export function ChangePasswordModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation('auth');
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common:actions.close') }}
      opened={opened}
      onClose={onClose}
      title={t('changePassword.dialogTitle')}
      size="md"
    >
      <ChangePasswordForm
        onCancel={onClose}
        onDone={() => {
          notifySuccess(t('changePassword.done'));
          onClose();
        }}
      />
    </Modal>
  );
}
