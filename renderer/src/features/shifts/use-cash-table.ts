import { currencyExponent } from '../../../../shared/money';
import { useShiftsStore } from '../../stores/shifts';

/**
 * The store currency, its minor-unit exponent and its denomination table (values in minor units,
 * largest first), from the shift settings; GBP with no table until they are loaded.
 */
export function useCashTable(): { currency: string; exponent: number; denominations: number[] } {
  const settings = useShiftsStore((s) => s.settings);
  const currency = settings?.currency ?? 'GBP';
  return {
    currency,
    exponent: currencyExponent(currency),
    denominations: (settings?.denominations ?? []).map((d) => d.value),
  };
}
