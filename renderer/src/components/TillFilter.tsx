import { Select } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTill } from '../../../shared/contract';
import { call } from '../api/client';
import { useStoreChangeCount } from '../hooks/useStoreChange';

const ALL = 'all';

/**
 * "Till: All tills / Till 1 / …" for a list or report of a store with several tills (the day
 * summary, the Z reports, the transactions): receipt numbers and shifts are per till. `tills` from
 * {@link useReportTills}; with fewer than two there is nothing to choose and nothing shows. A
 * retired till stays, marked, as its sales still count. `value` null is every till.
 */
export function TillFilter({
  tills,
  value,
  onChange,
}: {
  tills: readonly ReportTill[];
  value: number | null;
  onChange: (tillId: number | null) => void;
}) {
  const { t } = useTranslation('common');
  if (tills.length < 2) return null;
  return (
    <Select
      label={t('tills.label')}
      data={[
        { value: ALL, label: t('tills.all') },
        ...tills.map((till) => ({
          value: String(till.id),
          label: till.retiredAt ? t('tills.retired', { name: till.name }) : till.name,
        })),
      ]}
      value={value === null ? ALL : String(value)}
      onChange={(v) => onChange(v === null || v === ALL ? null : Number(v))}
      allowDeselect={false}
    />
  );
}

/**
 * The store's tills (`reports:tills`, by name), loaded when `allowed` (the member has
 * reports.view), and again when another till joins or is retired (the `tills` store change);
 * none until then, or on an error (then there is no filter: every till shows).
 */
export function useReportTills(allowed: boolean): ReportTill[] {
  const [tills, setTills] = useState<ReportTill[]>([]);
  const reads = useStoreChangeCount('tills');
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    call('reports:tills', {})
      .then(({ items }) => live && setTills(items))
      .catch(() => undefined); // Without the list there is no filter: every till is shown.
    return () => {
      live = false;
    };
  }, [allowed, reads]);
  return tills;
}
