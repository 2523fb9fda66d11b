/**
 * Who may make which call, checked on the host before any handler runs (the UI hiding a button is
 * a courtesy, not a lock).
 *
 * - local (the desktop window, a browser on this computer): everything;
 * - public (anyone else without a session): the residents' wish page and joining, nothing more;
 * - participant: the calls whose declaration names their role, and every id in the input must lead
 *   to the participant's own meeting (or its council). An id we do not know how to trace is refused:
 *   default deny, so a call added to the contract later stays closed until its declaration opens it.
 *
 * The sets are derived from each call's declaration in shared/api/areas/<area>.ts, so a renamed
 * call keeps its access.
 */
import type { Database } from 'better-sqlite3';
import { channels, contract, isChannel, type Channel } from '../../../shared/api/contract';
import type { ParticipantRole, RateLimit } from '../../../shared/api/kit';
import type { Caller } from './caller';
import { HostError } from './errors';

/** Open to anyone who can reach the host, with or without a session. */
export const publicChannels: ReadonlySet<Channel> = new Set(channels.filter((channel) => contract[channel].access.public));

const callsOf = (role: ParticipantRole): ReadonlySet<Channel> =>
  new Set(channels.filter((channel) => contract[channel].access.roles?.includes(role)));

/** The calls each participant role may make. */
export const roleChannels: Readonly<Record<ParticipantRole, ReadonlySet<Channel>>> = {
  viewer: callsOf('viewer'),
  editor: callsOf('editor'),
  door: callsOf('door'),
  counter: callsOf('counter'),
};

/** How often one address may make a call, where its declaration limits it. */
export function rateLimitOf(channel: string): RateLimit | undefined {
  return isChannel(channel) ? contract[channel].access.rateLimit : undefined;
}

type Scope = { meetingId: number } | { councilId: number } | null;

/** How an id in an input leads to a meeting or a council. */
const idScopes: Record<string, (sqlite: Database, value: number) => Scope> = {
  meetingId: (_, value) => ({ meetingId: value }),
  councilId: (_, value) => ({ councilId: value }),
  agendaItemId: (sqlite, value) => meetingOf(sqlite, 'SELECT meeting_id AS id FROM agenda_items WHERE id = ?', value),
  voteId: (sqlite, value) => meetingOf(sqlite, 'SELECT meeting_id AS id FROM votes WHERE id = ?', value),
  proxyId: (sqlite, value) => meetingOf(sqlite, 'SELECT meeting_id AS id FROM proxies WHERE id = ?', value),
  personId: (sqlite, value) => councilOf(sqlite, 'SELECT council_id AS id FROM people WHERE id = ?', value),
  grantorId: (sqlite, value) => councilOf(sqlite, 'SELECT council_id AS id FROM people WHERE id = ?', value),
  holderId: (sqlite, value) => councilOf(sqlite, 'SELECT council_id AS id FROM people WHERE id = ?', value),
  roundId: (sqlite, value) => meetingOf(sqlite, 'SELECT meeting_id AS id FROM paper_rounds WHERE id = ?', value),
  correctionId: (sqlite, value) =>
    meetingOf(
      sqlite,
      'SELECT r.meeting_id AS id FROM paper_corrections c JOIN paper_ballots b ON b.id = c.ballot_id JOIN paper_rounds r ON r.id = b.round_id WHERE c.id = ?',
      value,
    ),
};

function meetingOf(sqlite: Database, sql: string, value: number): Scope {
  const row = sqlite.prepare(sql).get(value) as { id: number } | undefined;
  return row ? { meetingId: row.id } : null;
}

function councilOf(sqlite: Database, sql: string, value: number): Scope {
  const row = sqlite.prepare(sql).get(value) as { id: number } | undefined;
  return row ? { councilId: row.id } : null;
}

export function councilOfMeeting(sqlite: Database, meetingId: number): number | null {
  const row = sqlite.prepare('SELECT council_id AS id FROM meetings WHERE id = ?').get(meetingId) as { id: number } | undefined;
  return row?.id ?? null;
}

const notAllowed = () => new HostError('forbidden', '您没有权限进行这个操作。如有需要，请向主持人说明。');
const notYourMeeting = () => new HostError('forbidden', '只能查看和操作您加入的这次会议。');

/** Keys of an input that name something stored: every one must be traced to the caller's meeting. */
function idKeys(input: unknown): Array<[string, unknown]> {
  if (!input || typeof input !== 'object') return [];
  return Object.entries(input as Record<string, unknown>).filter(([key]) => /Id$|Ids$/.test(key));
}

/**
 * The first check, on the channel alone, before the input is even read: someone who may not make
 * this call learns nothing from it, not even what a valid input would look like.
 */
export function checkChannel(channel: string, caller: Caller): void {
  if (caller.kind === 'local' || (isChannel(channel) && publicChannels.has(channel))) return;
  if (caller.kind === 'public') throw new HostError('unauthenticated', '请先输入主持人给的加入码。');
  if (!isChannel(channel) || !roleChannels[caller.role].has(channel)) throw notAllowed();
}

export function authorizeCall(sqlite: () => Database | null, channel: Channel, input: unknown, caller: Caller): void {
  if (caller.kind === 'local') return;
  if (publicChannels.has(channel)) return;
  if (caller.kind === 'public') {
    throw new HostError('unauthenticated', '请先输入主持人给的加入码。');
  }
  if (!roleChannels[caller.role].has(channel)) throw notAllowed();
  const database = sqlite();
  if (!database?.open) throw notAllowed();
  const ownCouncil = councilOfMeeting(database, caller.meetingId);
  for (const [key, value] of idKeys(input)) {
    const trace = idScopes[key];
    if (!trace || typeof value !== 'number') throw notYourMeeting();
    const scope = trace(database, value);
    if (!scope) throw notYourMeeting();
    if ('meetingId' in scope ? scope.meetingId !== caller.meetingId : scope.councilId !== ownCouncil) throw notYourMeeting();
  }
}
