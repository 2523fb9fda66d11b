/**
 * What a refused input says is read by the chair at the desk: Chinese only. No "期望 object，实际接收
 * 数组", no English type name, no schema's internal words; a number given as text where an id belongs
 * says 编号无效 (the id is there, it is just not a number), and a missing one 缺少编号.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { channels, contract } from '../../shared/api/contract';
import type { ApiResult } from '../../shared/api/errors';
import { presets } from '../../shared/domain/voting/rules';
import { tempHost } from '../integration/temp-host';
import { fuzz, fuzzTimeout } from './fuzz-kit';

/** ASCII words a Chinese message may carry: file kinds, units and addresses, as people write them. */
const allowedWords = new Set(['PNG', 'MB', 'CSV', 'Excel', 'Word', 'http', 'https']);
const englishTypeWords = /\b(string|number|object|array|boolean|null|undefined|bigint|symbol|function|nan|int|date|instanceof|expected|received|invalid|input|key|value|values|regex|union)\b/i;

/** Every message a refusal shows (its headline and each issue), with what is wrong with it; empty when all are fine. */
function foreignWords(result: ApiResult<unknown>): string[] {
  if (result.ok) return [];
  const messages = [result.error.message, ...(result.error.issues ?? []).map((issue) => issue.message)];
  return messages.flatMap((message) => {
    // What the person typed may be quoted back (户号“abc”格式不对): their words, not the app's.
    const own = message.replace(/“[^”]*”/g, '“”');
    if (englishTypeWords.test(own)) return [message.slice(0, 160)];
    const words = (own.match(/[A-Za-z]+/g) ?? []).filter((word) => !allowedWords.has(word));
    return words.length ? [message.slice(0, 160)] : [];
  });
}

type Shape = Record<string, unknown>;
const shapeOf = (channel: (typeof channels)[number]): Shape => (contract[channel].input as unknown as { shape: Shape }).shape;

/** Values of every JSON type but the one a field wants (whichever that is, most of these are wrong). */
const wrongValues: unknown[] = [[], [1, 'a'], {}, { a: 1 }, 'abc', '12', '', 1.5, -3, 0, true, null, 'x'.repeat(5000), [{ a: [] }]];
/** Whole inputs that are not an object at all. */
const wrongInputs: unknown[] = [[], [{}], 'abc', 42, true];

describe('refusals in Chinese', () => {
  it('every channel, sent wrong-typed inputs and fields, refuses in Chinese words only', async () => {
    const host = tempHost();
    await host.ok('council:create', { name: '平安小区院落议事会' });
    const foreign = new Set<string>();
    const send = async (channel: string, input: unknown) => {
      const result = await host.invoke(channel, input);
      for (const message of foreignWords(result)) foreign.add(`${channel} ${JSON.stringify(input).slice(0, 80)}: ${message}`);
    };
    for (const channel of channels) {
      for (const input of wrongInputs) await send(channel, input);
      const fields = Object.keys(shapeOf(channel));
      if (fields.length === 0) continue;
      await send(channel, {});
      for (const field of fields) for (const value of wrongValues) await send(channel, { [field]: value });
    }
    // Inside the nested shapes: a rule, a compact's articles, step names, an order of matters.
    const rule = { ...presets['owners-ordinary-matter'], quorum: { bound: { ratio: { numerator: 'a', denominator: 0 }, inclusive: 'yes' }, measure: 'area' } };
    await send('vote:open', { meetingId: 1, title: '加装电梯', mode: 'show', rule });
    await send('council:setDefaultVote', { councilId: 1, mode: 'hands', rule: { ...presets['council-majority'], threshold: { base: 'all', bound: {}, measure: [] } } });
    await send('compacts:saveVersion', { compactId: 1, articles: [1, {}, 'x'.repeat(5000)], note: [] });
    await send('council:setSteps', { councilId: 1, stepNames: [1, '', null], secondsRequired: 'three' });
    await send('agenda:reorder', { meetingId: 1, orderedIds: ['1', -2, 1.5] });
    expect([...foreign].slice(0, 20)).toEqual([]);
  }, 120_000);

  it('an id given as text says 编号无效，a missing one 缺少编号', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '平安小区院落议事会' });
    expect(await host.invoke('vote:get', { voteId: '12' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: '编号无效' } });
    expect(await host.invoke('household:list', { councilId: String(council.id) })).toMatchObject({ ok: false, error: { message: '编号无效' } });
    expect(await host.invoke('meeting:get', { meetingId: [3] })).toMatchObject({ ok: false, error: { message: '编号无效' } });
    expect(await host.invoke('meeting:get', {})).toMatchObject({ ok: false, error: { message: '缺少编号' } });
    const ownerIds = await host.invoke('household:create', { councilId: council.id, code: '1-1-101', ownerIds: ['7'] });
    expect(ownerIds).toMatchObject({ ok: false, error: { issues: [{ path: 'ownerIds.0', message: '编号无效' }] } });
  });

  it('fuzz: arbitrary JSON in every channel’s own fields is refused in Chinese words only', async () => {
    const host = tempHost();
    await host.ok('council:create', { name: '平安小区院落议事会' });
    const input = fc.constantFrom(...channels).chain((channel) => {
      const fields = Object.keys(shapeOf(channel));
      const value = fc.oneof(fc.jsonValue(), fc.string(), fc.integer(), fc.constant(null));
      return fc.record({
        channel: fc.constant(channel),
        input: fields.length ? fc.dictionary(fc.constantFrom(...fields), value) : fc.jsonValue(),
      });
    });
    await fuzz('chinese-messages', input, async ({ channel, input: sent }) => {
      const messages = foreignWords(await host.invoke(channel, sent));
      return messages.length ? `${channel} ${JSON.stringify(sent).slice(0, 120)}: ${messages.join(' | ')}` : null;
    });
  }, fuzzTimeout);
});
