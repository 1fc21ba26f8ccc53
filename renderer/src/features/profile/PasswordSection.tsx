import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../components/notify';
import { ChangePasswordForm } from '../change-password/ChangePasswordForm';

/** Change your own password, with the same form and rules as everywhere else (A2, A3). */
export function PasswordSection() {
  const { t } = useTranslation('profile');
  // A fresh, empty form after each change.
  const [round, setRound] = useState(0);
  return (
    <ChangePasswordForm
      key={round}
      autoFocus={false}
      onDone={() => {
        notifySuccess(t('password.changed'));
        setRound((r) => r + 1);
      }}
    />
  );
}
