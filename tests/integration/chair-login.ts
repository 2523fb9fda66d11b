/**
 * The chair's login for tests that talk to the browser host over HTTP: the login address is opened
 * once, as a browser would (without following the redirect), and the session cookie it sets goes
 * with every call that needs the chair. Loopback alone is no longer the chair.
 */
import type { ChairSessions } from '../../src-main/host/areas/lan/chair-sessions';

/** The login address as the host prints it: the host's address, then /login?key=…. */
export const printedLogin = /(http:\/\/127\.0\.0\.1:(\d+)\/)login\?key=[A-Za-z0-9_-]{43}/;

/** Opens a login address; resolves the session cookie (name=value). */
export async function logInAt(loginUrl: string): Promise<string> {
  const response = await fetch(loginUrl, { redirect: 'manual' });
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0] ?? '';
  if (response.status !== 303 || !cookie) throw new Error(`the login address did not log in: ${response.status}`);
  return cookie;
}

/** Logs the chair into a host started in this process (its login address is what serve would print). */
export function logInTo(server: { url: string }, host: { chair: ChairSessions }): Promise<string> {
  return logInAt(new URL(host.chair.loginPath(), server.url).toString());
}
