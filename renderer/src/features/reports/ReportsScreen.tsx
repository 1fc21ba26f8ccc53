import { ComingSoon } from '../placeholders/ComingSoon';

/** Reports: being built. */
export function ReportsScreen() {
  return <ComingSoon title="Reports" />;
}
