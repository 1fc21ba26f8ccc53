/**
 * What the checkout screen says when the core could not price the cart (`sales:quote`): a message
 * per marked line, from the issues' `lines.<i>.<field>` paths, and one banner for the cart.
 */
import { AppError } from '../../../../shared/errors';
import { messageFor } from '../../api/messages';

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
          ? 'This discount is more than the line. Change or remove it.'
          : `${issue.message} Remove it to continue.`,
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
      ? `${sale.message} Lower the sale discount, or ask a manager to complete the sale.`
      : 'The marked lines need a manager. Change them, or ask a manager to complete the sale.';
  }
  if (error.code === 'PRODUCT_UNAVAILABLE')
    return 'A product in the cart is not for sale any more. Remove the marked line to continue.';
  if (paths.includes('discount'))
    return 'The sale discount is more than the sale. Change or remove it.';
  if (paths.some((p) => /^lines\.\d+\.discount$/.test(p)))
    return 'A line discount is more than its line. Change or remove it.';
  if (error.code === 'VALIDATION_FAILED' && paths.includes('lines'))
    return 'A line is too large to sell. Lower its quantity.';
  return messageFor(error);
}
