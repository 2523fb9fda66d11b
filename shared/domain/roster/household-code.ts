/**
 * Household numbers are written building-unit-room, e.g. `3-2-501`. Offices also
 * write them as `3栋2单元501室` or with full-width dashes; all of those mean the same
 * household, so they are normalised to the dashed form before anything is stored.
 */
export interface HouseholdCode {
  building: string;
  unit: string;
  room: string;
}

const PART = '[0-9A-Za-z]{1,8}';
const DASHED = new RegExp(`^(${PART})\\s*[-－—–_/]\\s*(${PART})\\s*[-－—–_/]\\s*(${PART})$`);
const WORDED = new RegExp(`^(${PART})\\s*(?:号楼|栋|幢|号|楼)\\s*(${PART})\\s*单元\\s*(${PART})\\s*[室号]?$`);

function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseHouseholdCode(text: string): HouseholdCode | null {
  const clean = toHalfWidth(text.trim());
  const match = DASHED.exec(clean) ?? WORDED.exec(clean);
  if (!match) return null;
  const [, building, unit, room] = match as unknown as [string, string, string, string];
  return { building: building.toUpperCase(), unit: unit.toUpperCase(), room: room.toUpperCase() };
}

export function formatHouseholdCode(code: HouseholdCode): string {
  return `${code.building}-${code.unit}-${code.room}`;
}

/** Normalised dashed form, or null when the text is not a household number. */
export function normaliseHouseholdCode(text: string): string | null {
  const parsed = parseHouseholdCode(text);
  return parsed ? formatHouseholdCode(parsed) : null;
}

/** Sort key that orders 2-1-101 before 10-1-101 (numeric parts compare as numbers). */
export function compareHouseholdCodes(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
