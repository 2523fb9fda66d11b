import { describe, expect, it } from 'vitest';
import { presets } from '../../shared/domain/voting/rules';
import { verifyAuditChain } from '../../src-main/host/areas/audit/audit-log';
import { tempHost } from './temp-host';

/** The council-majority preset as a council adjusts it: two thirds of the votes cast. */
const adjusted = {
  ...presets['council-majority'],
  threshold: { ...presets['council-majority'].threshold, bound: { ratio: { numerator: 2, denominator: 3 }, inclusive: true } },
};

describe('the council’s default voting rule', () => {
  it('is none until the council saves one; then it is kept, survives a restart and is in the audit log', async () => {
    let host = tempHost();
    const council = await host.ok('council:create', { name: '平安小区院落议事会' });
    expect((await host.ok('council:getSettings', { councilId: council.id })).defaultVote).toBeNull();

    const saved = await host.ok('council:setDefaultVote', { councilId: council.id, rule: adjusted, mode: 'roll_call' });
    expect(saved.defaultVote).toEqual({ rule: adjusted, mode: 'roll_call' });

    // Saving the door rules leaves the voting default alone.
    await host.ok('council:updateSettings', { councilId: council.id, maxProxiesPerHolder: 2, requireSignature: true, intakeOpen: false });
    host = host.reopen();
    const reopened = await host.ok('council:getSettings', { councilId: council.id });
    expect(reopened).toMatchObject({ maxProxiesPerHolder: 2, defaultVote: { rule: adjusted, mode: 'roll_call' } });

    const entries = host.database.sqlite.prepare("SELECT payload FROM audit_log WHERE kind = 'council.default-vote'").pluck().all() as string[];
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0]!)).toMatchObject({ councilId: council.id, mode: 'roll_call' });
    expect(verifyAuditChain(host.database.sqlite).ok).toBe(true);
  });

  it('refuses a rule or a mode it does not know, in Chinese, and keeps the saved default', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '平安小区院落议事会' });
    await host.ok('council:setDefaultVote', { councilId: council.id, rule: presets['owners-ordinary-matter'], mode: 'secret' });

    const badMode = await host.invoke('council:setDefaultVote', { councilId: council.id, rule: adjusted, mode: 'shouting' as never });
    expect(badMode).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!badMode.ok) expect(badMode.error.message).toContain('未知的表决方式');
    const zeroDenominator = { ...adjusted, threshold: { ...adjusted.threshold, bound: { ratio: { numerator: 1, denominator: 0 }, inclusive: true } } };
    const badRule = await host.invoke('council:setDefaultVote', { councilId: council.id, rule: zeroDenominator, mode: 'hands' });
    expect(badRule).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!badRule.ok) expect(badRule.error.message).toContain('分母');
    const noCouncil = await host.invoke('council:setDefaultVote', { councilId: council.id + 99, rule: adjusted, mode: 'hands' });
    expect(noCouncil.ok).toBe(false);

    expect((await host.ok('council:getSettings', { councilId: council.id })).defaultVote).toEqual({
      rule: presets['owners-ordinary-matter'],
      mode: 'secret',
    });
  });

  it('a stored default that no longer fits the rules’ form is not offered （the app’s own default is used）', async () => {
    const host = tempHost();
    const council = await host.ok('council:create', { name: '平安小区院落议事会' });
    await host.ok('council:setDefaultVote', { councilId: council.id, rule: adjusted, mode: 'hands' });
    for (const damaged of ['{"id":"council-majority"}', 'not json at all']) {
      host.database.sqlite.prepare('UPDATE council_settings SET default_vote_rule = ? WHERE council_id = ?').run(damaged, council.id);
      expect((await host.ok('council:getSettings', { councilId: council.id })).defaultVote).toBeNull();
    }
  });
});
