/**
 * Household signatures on an adopted compact: every household signs once per adopted version,
 * by hand on the screen or on the printed sheet (then the date it signed on paper is recorded).
 */
import { compareHouseholdCodes, normaliseHouseholdCode } from '../roster/household-code';

export interface SigningHousehold {
  id: number;
  code: string;
}

export interface SignedRecord {
  householdId: number;
}

export interface SigningProgress<H extends SigningHousehold> {
  signed: number;
  total: number;
  /** Households that have not signed, in household-number order. */
  unsigned: H[];
}

export function signingProgress<H extends SigningHousehold>(households: readonly H[], signatures: readonly SignedRecord[]): SigningProgress<H> {
  const signedIds = new Set(signatures.map((signature) => signature.householdId));
  const unsigned = households.filter((household) => !signedIds.has(household.id)).sort((a, b) => compareHouseholdCodes(a.code, b.code));
  return { signed: households.length - unsigned.length, total: households.length, unsigned };
}

/**
 * Finds households by what a worker types at the door: "3-2-501", "3栋2单元501", or the start
 * of one ("3-2" finds every flat of building 3, unit 2; "501" finds every room 501).
 */
export function matchesHouseholdQuery(code: string, query: string): boolean {
  const raw = query.trim();
  if (!raw) return true;
  const full = normaliseHouseholdCode(raw);
  if (full) return code === full;
  const typed = raw.replace(/[－—–_/\s]+/g, '-').replace(/号楼|[栋幢]/g, '-').replace(/单元/g, '-').replace(/[室号]$/, '').toUpperCase();
  const parts = typed.split('-').filter(Boolean);
  if (parts.length === 0) return true;
  const codeParts = code.split('-');
  const lastFinished = typed.endsWith('-');
  // "3-2" or "3-2-5" while typing: the parts so far, the last one possibly unfinished ("3-2-": finished).
  const fromStart = parts.every((part, index) =>
    index < parts.length - 1 || lastFinished ? codeParts[index] === part : (codeParts[index] ?? '').startsWith(part),
  );
  // "501" or "2-501": the room (and unit) at the end.
  const fromEnd = parts.length < codeParts.length && parts.every((part, index) => codeParts[codeParts.length - parts.length + index] === part);
  return fromStart || fromEnd;
}

export type SignatureMode = 'pad' | 'paper';

/** Checks a signature as it is recorded: a drawn image, or signed on paper with its date. */
export function signatureProblem(input: { mode: SignatureMode; hasImage: boolean; signedOn: string; today: string; adopted: boolean; alreadySigned: boolean }): string | null {
  if (!input.adopted) return '这一版公约还没有经表决通过，通过后才能签字。';
  if (input.alreadySigned) return '这一户已经在这一版公约上签过字了。';
  if (input.mode === 'pad' && !input.hasImage) return '请先在签名区域签字。';
  if (input.mode === 'paper' && input.hasImage) return '纸面签字不需要签名图片。';
  if (input.signedOn > input.today) return '签字日期不能晚于今天。';
  return null;
}
