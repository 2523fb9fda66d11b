/**
 * What a change event says, and which open screens it concerns. The host tells every open page
 * after each broadcast mutation; a page loads again only the live queries the change may have
 * touched. When in doubt a query loads again: a stale screen is worse than a few bytes.
 */

/** One successful change, as the host pushes it to the open pages. */
export interface HostChange {
  /** The call that made it, e.g. `attendance:checkIn`. */
  channel: string;
  /** Its area: the channel's prefix (`attendance`). */
  area: string;
  /** The meeting it changed, when only that meeting's screens can be concerned. */
  meetingId?: number;
  /** The vote it changed (a ballot), when known. */
  voteId?: number;
  /** The page that made it (its own answer already told it what changed). */
  origin?: string;
  /**
   * The changed record itself, where it is small and every screen that follows it shows the same
   * thing: the console's state after a console or speaker call. A screen sets its query from it
   * instead of asking again. Sent to the chair's pages and the participants of that meeting only.
   */
  state?: { channel: string; input: Record<string, number>; value: unknown };
}

/** The area of a channel: what comes before its colon. */
export function areaOf(channel: string): string {
  const colon = channel.indexOf(':');
  return colon < 0 ? channel : channel.slice(0, colon);
}

/**
 * What moving through the meeting (the console, the speakers' list) never changes. A written vote's
 * round (paper) is kept apart from the console: the projector need not ask for it again at each matter.
 */
const roomSideAreas = ['meeting', 'attendance', 'proxy', 'vote', 'paper', 'person', 'household', 'roster', 'council', 'access', 'backup', 'wish', 'compacts', 'followup'];

/**
 * The areas a change of each area cannot touch, listed only where known for certain (everything
 * else loads again). A sign-in moves the attendance counts, the vote tallies and the rolls, and
 * nothing of the agenda, the console, the council's settings or the LAN.
 */
const untouchedBy: Readonly<Record<string, readonly string[]>> = {
  attendance: ['meeting', 'agenda', 'console', 'speaker', 'council', 'access', 'backup'],
  proxy: ['meeting', 'agenda', 'console', 'speaker', 'council', 'access', 'backup'],
  vote: ['attendance', 'proxy', 'access', 'backup'],
  // The chair moving through the matters and the speakers: the room's screens follow, the door's
  // sheet, the roster and the votes stay as they are (a large estate's sheet is not read again).
  console: roomSideAreas,
  speaker: roomSideAreas,
  /** A paper ballot issued, returned or counted moves the round's register, tally and its matters' votes only. */
  paper: ['attendance', 'proxy', 'agenda', 'console', 'speaker', 'council', 'access', 'backup'],
};

/** The areas whose calls name the one meeting they change in `meetingId` (input or answer). */
export const meetingScopedAreas: ReadonlySet<string> = new Set(['attendance', 'proxy', 'vote', 'console', 'speaker']);

/** The change as the host tells it: the area, and the meeting and vote where the call names them. */
export function describeChange(channel: string, input: unknown, value: unknown, origin?: string): HostChange {
  const area = areaOf(channel);
  const change: HostChange = { channel, area };
  if (meetingScopedAreas.has(area)) {
    const meetingId = numberField(input, 'meetingId') ?? numberField(value, 'meetingId');
    if (meetingId !== undefined) change.meetingId = meetingId;
    const voteId = numberField(input, 'voteId');
    if (voteId !== undefined) change.voteId = voteId;
  }
  const carried = carriedQuery[area];
  const carriedMeeting = numberField(value, 'meetingId');
  if (carried && carriedMeeting !== undefined) change.state = { channel: carried, input: { meetingId: carriedMeeting }, value };
  if (origin !== undefined) change.origin = origin;
  return change;
}

/** The areas whose answer is the whole state a screen shows (the query it is), carried in their change events. */
const carriedQuery: Readonly<Record<string, string>> = { console: 'console:get', speaker: 'console:get' };

const carriedChannels: ReadonlySet<string> = new Set(Object.values(carriedQuery));

/** The change without the record it carries: what a participant's page is sent. */
export function withoutState({ state: _state, ...change }: HostChange): HostChange {
  return change;
}

function numberField(value: unknown, key: string): number | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'number' && Number.isInteger(field) ? field : undefined;
}

/**
 * Whether a live query (its channel and input) may show something this change altered. Unknown
 * areas, and queries not keyed by meeting or vote, are concerned.
 */
export function concerns(change: HostChange, channel: string, input: unknown): boolean {
  const area = areaOf(channel);
  if (untouchedBy[change.area]?.includes(area)) return false;
  const meetingId = numberField(input, 'meetingId');
  if (change.meetingId !== undefined && meetingId !== undefined && meetingId !== change.meetingId) return false;
  const voteId = numberField(input, 'voteId');
  if (change.voteId !== undefined && voteId !== undefined && voteId !== change.voteId) return false;
  return true;
}

/** Reads a change event's data line; anything unreadable is a change of unknown area (everything loads again). */
export function parseChange(data: string): HostChange {
  try {
    const parsed = JSON.parse(data) as Record<string, unknown>;
    if (parsed && typeof parsed === 'object' && typeof parsed.channel === 'string') {
      const change: HostChange = { channel: parsed.channel, area: typeof parsed.area === 'string' ? parsed.area : areaOf(parsed.channel) };
      const meetingId = numberField(parsed, 'meetingId');
      if (meetingId !== undefined) change.meetingId = meetingId;
      const voteId = numberField(parsed, 'voteId');
      if (voteId !== undefined) change.voteId = voteId;
      if (typeof parsed.origin === 'string') change.origin = parsed.origin;
      const state = parsed.state as HostChange['state'] | undefined;
      if (state && typeof state === 'object' && typeof state.channel === 'string' && carriedChannels.has(state.channel) && state.input && typeof state.input === 'object') {
        const meetingId = numberField(state.input, 'meetingId');
        if (meetingId !== undefined && state.value && typeof state.value === 'object') change.state = { channel: state.channel, input: { meetingId }, value: state.value };
      }
      return change;
    }
  } catch {
    // A line that is not JSON still says that something changed.
  }
  return { channel: '', area: '' };
}
