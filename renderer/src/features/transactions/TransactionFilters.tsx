import { Button, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { TillFilter, useReportTills } from '../../components/TillFilter';
import { currentLocale } from '../../i18n';
import type {
  SaleKind,
  SaleStatus,
  TransactionFilters as Filters,
} from '../../stores/transactions';
import { CustomerPicker } from './CustomerPicker';
import { isBusinessDay } from './business-days';

const ANY = 'any';

const isStatus = (v: string | null): v is SaleStatus => v === 'completed' || v === 'voided';
const isKind = (v: string | null): v is SaleKind => v === 'sale' || v === 'refund';

export interface TransactionFiltersProps {
  filters: Filters;
  /** Today's business day from the core (the latest day to pick from); null until known. */
  today: string | null;
  /** True when the member may list staff (staff.view): shows the Staff filter. */
  canFilterStaff: boolean;
  /** True when the member sees every till's sales (reports.view): shows the Till filter. */
  canFilterTill: boolean;
  onChange: (filters: Partial<Filters>) => void;
}

/**
 * The filters above the transactions list: a range of business days (today by default), staff (when
 * the member may see the staff list), till (when they see every till's sales and the store has
 * several), customer, status, kind and an exact receipt number.
 */
export function TransactionFilters({
  filters,
  today,
  canFilterStaff,
  canFilterTill,
  onChange,
}: TransactionFiltersProps) {
  const { t } = useTranslation('transactions');
  const [receipt, setReceipt] = useState(
    filters.receiptNo === null ? '' : String(filters.receiptNo),
  );
  const [receiptError, setReceiptError] = useState<string | null>(null);
  const pushReceipt = useDebouncedCallback((text: string) => {
    const trimmed = text.trim();
    if (trimmed === '') {
      setReceiptError(null);
      onChange({ receiptNo: null });
    } else if (/^\d{1,9}$/.test(trimmed) && Number(trimmed) > 0) {
      setReceiptError(null);
      onChange({ receiptNo: Number(trimmed) });
    } else {
      setReceiptError(t('filters.receiptInvalid'));
    }
  }, 300);

  const staff = useStaffOptions(canFilterStaff);
  const tills = useReportTills(canFilterTill);
  const rangeError = filters.fromDay > filters.toDay ? t('filters.rangeInvalid') : null;

  return (
    <div className="k-tx-filters">
      <TextInput
        label={t('filters.from')}
        type="date"
        value={filters.fromDay}
        max={today ?? undefined}
        error={rangeError}
        onChange={(event) => {
          const day = event.currentTarget.value;
          if (isBusinessDay(day)) onChange({ fromDay: day });
        }}
      />
      <TextInput
        label={t('filters.to')}
        type="date"
        value={filters.toDay}
        error={rangeError !== null}
        onChange={(event) => {
          const day = event.currentTarget.value;
          if (isBusinessDay(day)) onChange({ toDay: day });
        }}
      />
      {canFilterStaff && (
        <Select
          label={t('filters.staff')}
          data={[{ value: ANY, label: t('filters.anyone') }, ...staff]}
          value={filters.staffId === null ? ANY : String(filters.staffId)}
          onChange={(v) => onChange({ staffId: v === null || v === ANY ? null : Number(v) })}
          allowDeselect={false}
          searchable
        />
      )}
      <TillFilter
        tills={tills}
        value={filters.tillId}
        onChange={(tillId) => onChange({ tillId })}
      />
      <CustomerPicker
        label={t('filters.customer')}
        placeholder={t('filters.anyCustomer')}
        className="k-tx-filter-customer"
        value={filters.customer}
        onChange={(customer) => onChange({ customer })}
      />
      <Select
        label={t('filters.status')}
        data={[
          { value: ANY, label: t('filters.anyStatus') },
          { value: 'completed', label: t('filters.completed') },
          { value: 'voided', label: t('filters.voided') },
        ]}
        value={filters.status ?? ANY}
        onChange={(v) => onChange({ status: isStatus(v) ? v : null })}
        allowDeselect={false}
      />
      <Select
        label={t('filters.kind')}
        data={[
          { value: ANY, label: t('filters.allKinds') },
          { value: 'sale', label: t('filters.sales') },
          { value: 'refund', label: t('filters.refunds') },
        ]}
        value={filters.kind ?? ANY}
        onChange={(v) => onChange({ kind: isKind(v) ? v : null })}
        allowDeselect={false}
      />
      <TextInput
        label={t('filters.receiptNo')}
        inputMode="numeric"
        placeholder={t('filters.receiptPlaceholder')}
        value={receipt}
        error={receiptError}
        onChange={(event) => {
          setReceipt(event.currentTarget.value);
          pushReceipt(event.currentTarget.value);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') pushReceipt.flush();
        }}
      />
      {today !== null && (filters.fromDay !== today || filters.toDay !== today) && (
        <Button
          variant="default"
          className="k-tx-today"
          onClick={() => onChange({ fromDay: today, toDay: today })}
        >
          {t('filters.today')}
        </Button>
      )}
    </div>
  );
}

/** The staff as select options (staff:list), loaded once when allowed. */
function useStaffOptions(allowed: boolean): { value: string; label: string }[] {
  const [options, setOptions] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    call('staff:list', { limit: 200 })
      .then(({ items }) => {
        if (!live) return;
        const byName = new Intl.Collator(currentLocale()).compare;
        const sorted = [...items].sort((a, b) => byName(a.displayName, b.displayName));
        setOptions(sorted.map((m) => ({ value: String(m.id), label: m.displayName })));
      })
      .catch(() => undefined); // Without the list the filter offers "Anyone" only.
    return () => {
      live = false;
    };
  }, [allowed]);
  return options;
}
