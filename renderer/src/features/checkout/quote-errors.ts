/**
 * What the checkout screen says when the core could not price the cart (`sales:quote`): a message
 * per marked line, from the issues' `lines.<i>.<field>` paths, and one banner for the cart.
 */
import { AppError } from '../../../../shared/errors';
import { messageFor } from '../../api/messages';
import { t } from '../../i18n';

const LINE_PATH = /^lines\.(\d+)\.(productId|discount|unitPrice)$/;

/** Line index → message for the lines the core refused. */
export function lineErrors(error: AppError | null): Map<number, string> {
  const map = new Map<number, string>();
  for (const issue of error?.issues ?? []) {
    const m = LINE_PATH.exec(issue.path);
    if (!m) continue;
    const field = m[2];
    map.set(
      Number(m[1]),
      // A discount over the limit or an open price: the core's own words name the limit.
      error!.code === 'OVERRIDE_REQUIRED' || field === 'unitPrice'
        ? issue.message
        : field === 'discount'
          ? t('checkout:quoteError.lineDiscount')
          : t('checkout:quoteError.lineUnavailable', { reason: issue.message }),
    );
  }
  return map;
}

/** The banner text for a cart the core could not price. */
export function quoteErrorMessage(error: AppError): string {
  const paths = (error.issues ?? []).map((i) => i.path);
  if (error.code === 'OVERRIDE_REQUIRED') {
    const sale = error.issues?.find((i) => i.path === 'discount');
    return sale
      ? t('checkout:quoteError.saleOverride', { reason: sale.message })
      : t('checkout:quoteError.linesOverride');
  }
  if (error.code === 'PRODUCT_UNAVAILABLE') return t('checkout:quoteError.unavailable');
  if (paths.includes('discount')) return t('checkout:quoteError.saleDiscount');
  if (paths.some((p) => /^lines\.\d+\.discount$/.test(p)))
    return t('checkout:quoteError.anyLineDiscount');
  if (error.code === 'VALIDATION_FAILED' && paths.includes('lines'))
    return t('checkout:quoteError.tooLarge');
  return messageFor(error);
}
