/**
 * A call's prefix is its address: `roster:…` is declared in shared/api/areas/roster.ts and nowhere
 * else. This checks every area file against the one table of prefixes, and that the contract is
 * exactly the areas put together (a call declared in two files would silently hide one of them).
 */
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, contract } from './contract';

/** Each prefix and the area that owns it. */
const areaOfPrefix: Record<string, string> = {
  app: 'app',
  council: 'councils',
  household: 'roster',
  person: 'roster',
  roster: 'roster',
  meeting: 'meetings',
  agenda: 'meetings',
  attendance: 'attendance',
  proxy: 'attendance',
  vote: 'voting',
  paper: 'paper',
  console: 'console',
  speaker: 'console',
  wish: 'wishes',
  process: 'process',
  followup: 'followup',
  minutes: 'minutes',
  seals: 'seals',
  compacts: 'compacts',
  access: 'lan',
  backup: 'backup',
  recovery: 'backup',
  archive: 'archive',
  audit: 'audit',
};

const folder = join(import.meta.dirname, 'areas');
const areaFiles = readdirSync(folder).filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'));

async function declaredIn(file: string): Promise<string[]> {
  const area = basename(file, '.ts');
  const module = (await import(join(folder, file))) as Record<string, object>;
  const calls = module[`${area}Area`];
  if (!calls) throw new Error(`${file} exports no ${area}Area`);
  return Object.keys(calls);
}

describe('the contract areas', () => {
  it("declares every call in the area file its prefix names, and each call once", async () => {
    const misplaced: string[] = [];
    const declared: string[] = [];
    for (const file of areaFiles) {
      const area = basename(file, '.ts');
      for (const channel of await declaredIn(file)) {
        declared.push(channel);
        const owner = areaOfPrefix[channel.split(':')[0]!];
        if (owner !== area) misplaced.push(`${channel} is in ${file}, its prefix belongs to ${owner ?? 'no area'}`);
      }
    }
    expect(misplaced).toEqual([]);
    expect([...declared].sort()).toEqual([...channels].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('has a file for every area the prefixes name, and no other', () => {
    const areas = new Set(Object.values(areaOfPrefix));
    expect(areaFiles.map((file) => basename(file, '.ts')).sort()).toEqual([...areas].sort());
  });

  it('names every call group:verb, with a known prefix', () => {
    const unknown = channels.filter((channel) => !/^[a-z]+:[a-zA-Z]+$/.test(channel) || !(channel.split(':')[0]! in areaOfPrefix));
    expect(unknown).toEqual([]);
    expect(Object.keys(contract).length).toBe(channels.length);
  });
});
