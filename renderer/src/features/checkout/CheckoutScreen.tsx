import { ComingSoon } from '../placeholders/ComingSoon';

/** Checkout: being built. */
export function CheckoutScreen() {
  return <ComingSoon title="Checkout" />;
}
