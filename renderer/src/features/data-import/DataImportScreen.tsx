import { ComingSoon } from '../placeholders/ComingSoon';

/** Import data: being built. */
export function DataImportScreen() {
  return <ComingSoon title="Import data" />;
}
