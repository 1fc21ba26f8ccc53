import { Button, Group, Stack, TextInput } from '@mantine/core';
import { IconMail } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { emailSchema, type SaleDetail } from '../../../../shared/contract';
import { call } from '../../api/client';
import { messageFor } from '../../api/messages';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useBusy } from '../../hooks/useBusy';
import './receipt-pdf.css';

/**
 * "E-mail receipt" on the receipt screen (issue 10, section 3): the sale's PDF (80 mm receipt,
 * or an A4 invoice for a business customer) to the customer's e-mail, filled in when the sale
 * has a customer with one, or to an address typed here (checked before sending). A mail server
 * that is down shows the core's clear error; the sale is never changed.
 */
export function EmailReceipt({ sale }: { sale: SaleDetail }) {
  const { t } = useTranslation('receiptPdf');
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const send = useBusy();
  const customerId = sale.customer?.id;

  useEffect(() => {
    if (!open || customerId === undefined) return;
    call('customers:get', { id: customerId }).then(
      (c) => setTo((typed) => typed || c.customer.email || ''),
      () => undefined, // No customer e-mail to offer: the field stays for typing.
    );
  }, [open, customerId]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const address = emailSchema.safeParse(to);
    if (!address.success) return setFieldError(t('email.invalid'));
    setFieldError(null);
    void send.run(async () => {
      setError(null);
      try {
        const sent = await call('receipts:email', { saleId: sale.id, to: address.data });
        notifySuccess(t('email.sent', { to: sent.to }));
        setOpen(false);
      } catch (err) {
        setError(messageFor(err));
      }
    });
  };

  if (!open)
    return (
      <Button
        size="lg"
        variant="default"
        leftSection={<IconMail size={20} />}
        onClick={() => setOpen(true)}
      >
        {t('email.open')}
      </Button>
    );
  return (
    <form onSubmit={submit} aria-label={t('email.open')} noValidate className="k-email-receipt">
      <Stack gap="xs">
        <FormAlert message={error} />
        <TextInput
          type="email"
          label={t('email.to')}
          value={to}
          error={fieldError}
          autoFocus
          onChange={(e) => setTo(e.currentTarget.value)}
        />
        <Group gap="xs" wrap="wrap">
          <Button
            type="submit"
            variant="default"
            loading={send.busy}
            leftSection={<IconMail size={18} />}
          >
            {t('email.send')}
          </Button>
          <Button variant="subtle" onClick={() => setOpen(false)}>
            {t('email.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
