import { Modal, type ModalProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Mantine's Modal as every checkout dialog uses it: the close button has a name (axe
 * `button-name`; WCAG 4.1.2), and help texts use the readable grey of checkout.css.
 */
export function CheckoutModal({ className, ...props }: ModalProps) {
  const { t } = useTranslation('checkout');
  return (
    <Modal
      {...props}
      className={className ? `k-co-modal ${className}` : 'k-co-modal'}
      closeButtonProps={{ 'aria-label': t('dialog.close') }}
    />
  );
}
