import { ComingSoon } from '../placeholders/ComingSoon';

/** Products: being built. */
export function ProductsScreen() {
  return <ComingSoon title="Products" />;
}
