/**
 * The chair's login in the browser host. At every start the host makes a random login key, printed
 * once in an address (`/login?key=…`); opening it from this computer exchanges the key for a session
 * token in an HttpOnly cookie. Only SHA-256 hashes of the tokens are kept, in a file beside the
 * database (`<database>.chair-sessions`, mode 0600), so the chair stays logged in across a restart of
 * the host on the same file, and stays out once the session has been idle too long.
 *
 * Why a file and not a table: the recovery mode (a damaged database) must let the chair in too, and a
 * table would travel in every backup and archive; the file is the host's alone (one process per
 * database, see db/lock.ts).
 *
 * Everything fails closed: a token that is unknown, expired or not of the right shape is no session;
 * a sessions file that cannot be read is no sessions (the chair opens the printed address again).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';

/** A session unused this long ends: a forgotten browser is no longer the chair the next day. */
export const chairIdleMs = 12 * 60 * 60 * 1000;
/** However active, a session ends after this long; the cookie's Max-Age says the same. */
export const chairLifetimeMs = 30 * 24 * 60 * 60 * 1000;
/** Last use is written to the file at most this often (every request updates it in memory). */
const persistEveryMs = 5 * 60 * 1000;

/** 32 random bytes in base64url: the only shape a login key or a session token has. */
const tokenShape = /^[A-Za-z0-9_-]{43}$/;
export const isWellFormedToken = (token: string | null | undefined): token is string => typeof token === 'string' && tokenShape.test(token);

const newToken = () => randomBytes(32).toString('base64url');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface StoredSession {
  /** SHA-256 hex of the token; the token itself lives only in the chair's browser. */
  hash: string;
  createdAt: string;
  lastSeenAt: string;
}

export const chairSessionsPathOf = (databasePath: string) => `${databasePath}.chair-sessions`;

export class ChairSessions {
  /** The key of this run of the host, printed once in the login address. */
  readonly loginKey = newToken();
  private sessions: StoredSession[];
  private persistedAt = 0;

  /**
   * @param file where the hashes are kept; null keeps them in memory only (a database in memory).
   * @param now the clock (tests move it to let sessions expire).
   */
  constructor(
    private readonly file: string | null,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.sessions = this.read();
  }

  /** The login address's path and query for this run: `/login?key=…`. */
  loginPath(): string {
    return `/login?key=${this.loginKey}`;
  }

  /** Exchanges this run's login key for a new session token, or null when the key is not this run's. */
  login(key: string | null): string | null {
    if (!isWellFormedToken(key)) return null;
    const given = Buffer.from(key);
    const expected = Buffer.from(this.loginKey);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    const token = newToken();
    const at = this.now().toISOString();
    this.sessions = [...this.live(), { hash: sha256(token), createdAt: at, lastSeenAt: at }];
    this.write();
    return token;
  }

  /** Whether the token is a live chair session; a live one counts as used now. */
  identify(token: string | null): boolean {
    if (!isWellFormedToken(token)) return false;
    const hash = sha256(token);
    const found = this.live().find((session) => session.hash === hash);
    if (!found) return false;
    const now = this.now();
    found.lastSeenAt = now.toISOString();
    if (now.getTime() - this.persistedAt > persistEveryMs) this.write();
    return true;
  }

  /** Ends every chair session (the next login needs the address printed at the next start). */
  endAll(): void {
    this.sessions = [];
    this.write();
  }

  /** Sessions neither idle too long nor too old. */
  private live(): StoredSession[] {
    const now = this.now().getTime();
    return this.sessions.filter((session) => now - Date.parse(session.lastSeenAt) < chairIdleMs && now - Date.parse(session.createdAt) < chairLifetimeMs);
  }

  private read(): StoredSession[] {
    if (!this.file || !existsSync(this.file)) return [];
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as { sessions?: unknown };
      if (!Array.isArray(parsed.sessions)) return [];
      return parsed.sessions.filter(
        (entry): entry is StoredSession =>
          typeof entry === 'object' &&
          entry !== null &&
          typeof (entry as StoredSession).hash === 'string' &&
          /^[0-9a-f]{64}$/.test((entry as StoredSession).hash) &&
          !Number.isNaN(Date.parse((entry as StoredSession).createdAt)) &&
          !Number.isNaN(Date.parse((entry as StoredSession).lastSeenAt)),
      );
    } catch {
      console.error(`主持人登录记录无法读取，已忽略：请重新打开主机启动时显示的登录地址。`);
      return [];
    }
  }

  /** Written whole to a temporary file (0600) and renamed into place, so a crash leaves the old file or the new. */
  private write(): void {
    this.persistedAt = this.now().getTime();
    this.sessions = this.live();
    if (!this.file) return;
    const temporary = `${this.file}.partial`;
    try {
      writeFileSync(temporary, JSON.stringify({ version: 1, sessions: this.sessions }), { mode: 0o600 });
      chmodSync(temporary, 0o600);
      renameSync(temporary, this.file);
    } catch (error) {
      rmSync(temporary, { force: true });
      // The sessions still hold in memory; only a restart would ask the chair to log in again.
      console.error(`主持人登录记录无法保存：${(error as Error).message}`);
    }
  }
}
