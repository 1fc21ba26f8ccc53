import { ComingSoon } from '../placeholders/ComingSoon';

/** Customers: being built. */
export function CustomersScreen() {
  return <ComingSoon title="Customers" />;
}
