import fc from 'fast-check';
import { describe, it } from 'vitest';
import { channels } from '../../shared/api/contract';
import type { Caller } from '../../src-main/host/caller';
import { seedDemo } from '../../src-main/host/demo/seed';
import { dumpTables } from '../integration/access-fixture';
import { tempHost } from '../integration/temp-host';
import { fuzz, unclear } from './fuzz-kit';

/** Inputs shaped like the contract's: objects with its field names, any JSON values in them. */
const fieldNames = ['meetingId', 'councilId', 'personId', 'voteId', 'agendaItemId', 'name', 'title', 'text', 'code', 'fileName', 'dataBase64', 'updateBase64', 'confirm', 'role', 'status', 'date', 'choice', 'voterKey', 'orderedIds', 'rule', 'articles'];
const jsonish = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.jsonValue(), fc.integer({ min: -3, max: 12 }), fc.string(), fc.constant(null))),
);

const callers: Caller[] = [
  { kind: 'local' },
  { kind: 'public' },
  { kind: 'participant', participantId: 1, meetingId: 3, role: 'viewer', name: '看看' },
  { kind: 'participant', participantId: 1, meetingId: 3, role: 'door', name: '门口' },
  { kind: 'participant', participantId: 1, meetingId: 3, role: 'editor', name: '记录' },
];

describe('fuzz: the API boundary', () => {
  it('arbitrary JSON to every channel, from every kind of caller: a clear refusal and nothing changed, or a success', async () => {
    const host = tempHost();
    seedDemo(host.database, new Date());
    let before = dumpTables(host.database.sqlite, []);
    await fuzz(
      'api-boundary',
      fc.record({ channel: fc.oneof(fc.constantFrom(...channels), fc.string()), input: jsonish, caller: fc.constantFrom(...callers) }),
      async ({ channel, input, caller }) => {
        const result = await host.invoke(channel, input, caller);
        const problem = unclear(result);
        if (problem) return `${channel} ${JSON.stringify(input).slice(0, 200)} as ${caller.kind}: ${problem}`;
        const after = dumpTables(host.database.sqlite, []);
        if (!result.ok && after !== before) return `${channel} refused but changed stored data`;
        if (caller.kind !== 'local' && result.ok && after !== before && channel !== 'wish:submit' && channel !== 'wish:support' && channel !== 'access:join') {
          return `${channel} changed data for a ${caller.kind}`;
        }
        before = after;
        return null;
      },
    );
  }, 120_000);
});
