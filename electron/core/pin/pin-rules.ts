/**
 * What makes a PIN too easy to guess, beyond its 4-8 digits (the contract checks those): one digit
 * repeated ("0000") or a straight run up or down ("1234", "87654"), the PINs tried first (NIST SP
 * 800-63B 5.1.1.2 asks to refuse values that are commonly used or sequential).
 */
export function pinTooSimple(pin: string): string | null {
  const digits = [...pin].map(Number);
  if (digits.every((d) => d === digits[0])) return 'Choose a PIN that is not one digit repeated.';
  const steps = digits.slice(1).map((d, i) => d - digits[i]!);
  if (steps.every((s) => s === 1) || steps.every((s) => s === -1))
    return 'Choose a PIN that is not a straight run of digits.';
  return null;
}
