/**
 * Print lines: a receipt or report laid out for a fixed number of columns, before it becomes
 * printer bytes. The same lines become ESC/POS (escpos.ts) or plain text for driver printers,
 * so every connection prints the same layout.
 */
export type PrintLine =
  { kind: 'text'; text: string; align: 'left' | 'center'; bold?: boolean } | { kind: 'rule' };

/** Text as a thermal printer can take it: no-break and narrow spaces become plain spaces. */
export function printable(text: string): string {
  return text.replace(/[\u00a0\u202f\u2007]/g, ' ').replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * Cuts `text` into pieces of at most `width` characters, at spaces when it can: not at a no-break
 * space, so an amount stays whole ("IDR 2,875,000", "12,50 €": Intl joins the currency to the
 * figure with one), and is cut mid-word only when a word is longer than the line.
 */
export function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let rest = text.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
  while (rest.length > width) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > 0 ? cut : width;
    out.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  out.push(rest);
  return out.map(printable);
}

/**
 * A label on the left and an amount on the right of one line of `width` columns; a label too long
 * for the line wraps, and the amount goes on its last piece. When a word of the label (or an
 * amount in it, "Net 88.063.063 IDR") is wider than the room beside the amount, the label takes
 * whole lines and the amount a line of its own, at the right, so neither is cut.
 */
export function columns(left: string, right: string, width: number, bold = false): PrintLine[] {
  const amount = printable(right);
  const room = Math.max(1, width - amount.length - 1);
  const widest = Math.max(...left.split(/[ \t\n]/).map((word) => word.length));
  const text = (line: string) => ({
    kind: 'text' as const,
    align: 'left' as const,
    bold,
    text: line,
  });
  if (widest > room) return [...wrap(left, width), amount.padStart(width)].map(text);
  const pieces = wrap(left, room);
  return pieces.map((piece, i) =>
    text(i === pieces.length - 1 ? piece.padEnd(width - amount.length) + amount : piece),
  );
}

/** Centred text, wrapped to `width`. */
export function centred(text: string, width: number, bold = false): PrintLine[] {
  return wrap(text, width).map((t) => ({
    kind: 'text' as const,
    align: 'center' as const,
    text: t,
    bold,
  }));
}

/** Left-aligned text, wrapped to `width`. */
export function left(text: string, width: number): PrintLine[] {
  return wrap(text, width).map((t) => ({ kind: 'text' as const, align: 'left' as const, text: t }));
}

/** Plain text of the lines, `width` columns wide (centred lines padded), for driver printers. */
export function asText(lines: readonly PrintLine[], width: number): string {
  return lines
    .map((l) => {
      if (l.kind === 'rule') return '-'.repeat(width);
      if (l.align === 'left') return l.text;
      const pad = Math.max(0, Math.floor((width - l.text.length) / 2));
      return ' '.repeat(pad) + l.text;
    })
    .join('\n');
}
