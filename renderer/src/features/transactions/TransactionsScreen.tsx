import { ComingSoon } from '../placeholders/ComingSoon';

/** Transactions: being built. */
export function TransactionsScreen() {
  return <ComingSoon title="Transactions" />;
}
