/**
 * The short verification code printed on every page: the first 60 bits of the seal's digest in
 * Crockford base32 (no I, L, O, U, so it reads aloud and types without mix-ups), in three groups of four.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function verificationCode(digestHex: string): string {
  let bits = BigInt(`0x${digestHex.slice(0, 15)}`);
  let code = '';
  for (let i = 0; i < 12; i += 1) {
    code = alphabet[Number(bits & 31n)]! + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}

/** Normalises what a person typed (lower case, spaces, O for 0 …) to the printed form. */
export function normaliseCode(typed: string): string {
  const clean = typed
    .toUpperCase()
    .replace(/[OＯ]/g, '0')
    .replace(/[IL]/g, '1')
    .replace(/[^0-9A-Z]/g, '');
  return clean.length === 12 ? `${clean.slice(0, 4)}-${clean.slice(4, 8)}-${clean.slice(8, 12)}` : clean;
}
