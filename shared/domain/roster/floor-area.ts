/**
 * Exclusive floor areas are kept as whole hundredths of a square metre (centi-m²),
 * so that sums and later vote thresholds never meet floating point.
 */
const AREA_TEXT = /^(\d{1,7})(?:\.(\d{1,2}))?$/;

/** Parses "85", "85.5", "85.50", "85.50㎡", "85.50 m2"; null when not an area. */
export function parseAreaToCenti(text: string): number | null {
  const clean = text
    .trim()
    .replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)))
    .replace(/\s*(㎡|m²|m2|平方米|平米)$/i, '')
    .replace(/,/g, '');
  const match = AREA_TEXT.exec(clean);
  if (!match) return null;
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  return whole * 100 + fraction;
}

/** 8550 -> "85.50"; with grouping for large totals: 345620 -> "3,456.20". */
export function formatCentiArea(centi: number, options: { grouping?: boolean } = {}): string {
  const whole = Math.trunc(centi / 100);
  const fraction = String(centi % 100).padStart(2, '0');
  const wholeText = options.grouping ? whole.toLocaleString('en-US') : String(whole);
  return `${wholeText}.${fraction}`;
}
