/**
 * Phone numbers as offices write them: full-width digits from Chinese input methods, and often two
 * numbers in one cell (本人 and 子女), separated by 、 / ， ； or spaces. Kept as one text, the numbers
 * joined by 、, so the roster shows them as written and the door never sees them.
 */
const NUMBER = /^[0-9+\-()]{1,20}$/;
/** At most this many numbers in one cell. */
const MOST = 3;

function toHalfWidth(text: string): string {
  return text.replace(/[０-９＋－（）]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The numbers of a cell joined by 、 ('' for an empty cell), or null when it is not phone numbers. */
export function normalisePhones(text: string): string | null {
  const clean = toHalfWidth(text).trim();
  if (clean === '') return '';
  const parts = clean
    .split(/\s*[、/,，;；|]\s*|\s{2,}|\s+(?=1\d{10}\b)/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (parts.length === 0 || parts.length > MOST) return null;
  // A number may keep single spaces inside it (010 6512 3456); each must still be a phone number.
  if (!parts.every((part) => NUMBER.test(part.replace(/ /g, '')) && part.length <= 20)) return null;
  return parts.join('、');
}
