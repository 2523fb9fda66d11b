/**
 * A random id this browser keeps for the public page, sent with "me too" so the host counts one
 * support per browser. crypto.getRandomValues (not randomUUID): the LAN page is plain HTTP, not a
 * secure context. Where storage is refused (private mode) the id lasts as long as the page.
 */
const storageKey = 'courtyard.browserId';
let fallback: string | null = null;

function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function browserId(): string {
  try {
    const kept = localStorage.getItem(storageKey);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
    const made = newId();
    localStorage.setItem(storageKey, made);
    return made;
  } catch {
    fallback ??= newId();
    return fallback;
  }
}
