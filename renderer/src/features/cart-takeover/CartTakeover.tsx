import { Button, Modal, Stack, Text } from '@mantine/core';
import { IconArchive, IconUserCheck } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/FormAlert';
import { notifySuccess } from '../../components/notify';
import { useCartTakeoverStore, type CartNotice } from '../../stores/cart-takeover';

/**
 * Shown after sign-in when the till holds another member's sale in progress (issue 8, item 4):
 * "Take over" carries on with it as the new owner; "Park under <name>" puts it in the parked
 * sales under the first member's name. There is no third way out (no close button, Escape or
 * outside click), so the sale is never dropped silently. Also shows the outcome as a toast.
 */
export function CartTakeover() {
  const { t } = useTranslation('cartTakeover');
  const offer = useCartTakeoverStore((s) => s.offer);
  const busy = useCartTakeoverStore((s) => s.busy);
  const error = useCartTakeoverStore((s) => s.error);
  const notice = useCartTakeoverStore((s) => s.notice);
  const takeOver = useCartTakeoverStore((s) => s.takeOver);
  const park = useCartTakeoverStore((s) => s.park);
  const clearNotice = useCartTakeoverStore((s) => s.clearNotice);

  useEffect(() => {
    if (!notice) return;
    notifySuccess(noticeText(notice, t));
    clearNotice();
  }, [notice, t, clearNotice]);

  const name = offer?.owner?.name ?? '';
  const count = offer?.cart.lines.length ?? 0;
  return (
    <Modal
      opened={offer !== null}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
      title={t('title')}
      size="md"
    >
      <Stack gap="md">
        <Text>{t('body', { name, count })}</Text>
        <FormAlert message={error} />
        <Stack gap="sm">
          <Button
            size="lg"
            fullWidth
            leftSection={<IconUserCheck size={20} />}
            loading={busy}
            onClick={() => void takeOver()}
            data-autofocus
          >
            {t('takeOver')}
          </Button>
          <Button
            size="lg"
            fullWidth
            variant="default"
            leftSection={<IconArchive size={20} />}
            loading={busy}
            onClick={() => void park()}
          >
            {t('park', { name })}
          </Button>
        </Stack>
      </Stack>
    </Modal>
  );
}

function noticeText(notice: CartNotice, t: TFunction<'cartTakeover'>): string {
  switch (notice.kind) {
    case 'takenOver':
      return t('takenOver', { name: notice.name });
    case 'parked':
      return t('parked', { name: notice.name });
    case 'changedElsewhere':
      return t('changedElsewhere');
  }
}
