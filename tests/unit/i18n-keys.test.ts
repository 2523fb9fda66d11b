/**
 * The renderer's messages against the renderer's source: every key the code asks for exists in
 * Chinese and in English, every key in the locale files is asked for somewhere, and each top-level
 * namespace lives in exactly one file (src-renderer/locales/join.ts joins the files without merging).
 *
 * Keys are found as string literals in t('…') calls. A key built at run time (t(`vote.modes.${mode}`))
 * must have its prefix declared below with the values it can take, so adding a mode means adding it
 * here and to both languages; a t(…) call with anything else must be in a file listed in keyTables.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { meetingStatuses, personRoles, tenures } from '../../shared/domain/roster/roles';

const root = join(import.meta.dirname, '../../src-renderer');
const languages = ['zh-CN', 'en'] as const;

/** Keys built from a prefix and a value at run time: the prefix, and every value it is built with. */
const dynamicKeys: Record<string, readonly string[]> = {
  ...Object.fromEntries(['Title', 'Text', 'Done', 'Go'].map((field) => [`firstRun.step${field}.`, ['council', 'members', 'roster', 'meeting', 'notice']])),
  'nav.': ['roster', 'meetings', 'wishes', 'tasks', 'compacts', 'dashboard', 'settings'],
  'status.': meetingStatuses,
  'role.': personRoles,
  'tenure.': tenures,
  'access.roles.': ['viewer', 'editor', 'door', 'counter'],
  'access.roleHints.': ['viewer', 'editor', 'door', 'counter'],
  'backups.kinds.': ['daily', 'manual', 'pre-migration', 'pre-restore'],
  'files.refused.': ['too-large', 'wrong-type', 'unreadable'],
  'seals.': ['chair', 'secretary'],
  'followup.status.': ['open', 'in_progress', 'done'],
  'followup.rating.': ['satisfied', 'basically', 'unsatisfied'],
  'vote.choices.': ['for', 'against', 'abstain', 'blank'],
  'projector.units.': ['members', 'households', 'owners'],
  'vote.bases.': ['cast', 'present', 'entitled'],
  'vote.modes.': ['hands', 'roll_call', 'secret', 'paper'],
  'vote.status.': ['open', 'closed', 'locked'],
  'console.views.': ['for', 'against', 'suggestion'],
  'process.actions.': ['advance', 'back', 'override', 'second', 'lock'],
  'wish.status.': ['new', 'accepted', 'declined', 'merged'],
  'paper.choices.': ['for', 'against', 'abstain'],
  'paper.status.': ['open', 'closed', 'counting', 'sealed'],
  'paper.issueHow.': ['in_person', 'door', 'mailbox'],
  'paper.register.shows.': ['all', 'notIssued', 'notReturned', 'returned'],
  'paper.counter.reasons.': ['twoMarks', 'unreadable', 'notOurs'],
};

/** Files that keep keys in a table and call t(entry.label): every 'a.b' string literal in them is a key. */
const keyTables = ['features/console/key-legend.tsx'];

function filesUnder(folder: string, test: (name: string) => boolean): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(path, test);
    return test(entry.name) ? [path] : [];
  });
}

type Messages = { [key: string]: string | Messages };

function leafKeys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

const localeFiles = filesUnder(root, (name) => /\.(zh-CN|en)\.json$/.test(name));
const sources = filesUnder(root, (name) => /\.tsx?$/.test(name));

function localeKeys(language: (typeof languages)[number]): Set<string> {
  const keys = new Set<string>();
  for (const file of localeFiles.filter((path) => path.endsWith(`.${language}.json`))) {
    for (const key of leafKeys(JSON.parse(readFileSync(file, 'utf8')) as Messages)) keys.add(key);
  }
  return keys;
}

interface Usage {
  keys: Map<string, string>; // key → the file that uses it first
  unexplained: string[]; // dynamic keys or t(…) calls the test cannot read
}

function usedKeys(): Usage {
  const keys = new Map<string, string>();
  const unexplained: string[] = [];
  const use = (key: string, file: string) => {
    if (!keys.has(key)) keys.set(key, file);
  };
  for (const path of sources) {
    const file = relative(root, path);
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*(?:'([^']+)'|"([^"]+)"|`([^`]*)`|([^'"`\s)][^,)]*))/g)) {
      const [, single, double, template, other] = match;
      const literal = single ?? double;
      if (literal !== undefined) use(literal, file);
      else if (template !== undefined && !template.includes('${')) use(template, file);
      else if (template !== undefined) {
        const prefix = template.slice(0, template.indexOf('${'));
        const values = dynamicKeys[prefix];
        if (values && /^\$\{[^}]+\}$/.test(template.slice(prefix.length))) for (const value of values) use(prefix + value, file);
        else unexplained.push(`${file}: t(\`${template}\`)`);
      } else if (!keyTables.includes(file)) unexplained.push(`${file}: t(${other})`);
    }
    if (keyTables.includes(file)) {
      for (const match of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z]+)+)'/g)) use(match[1]!, file);
    }
  }
  return { keys, unexplained };
}

describe('renderer messages', () => {
  const usage = usedKeys();

  it('finds the locale files and the source', () => {
    expect(localeFiles.length).toBeGreaterThan(20);
    expect(usage.keys.size).toBeGreaterThan(500);
  });

  it('reads every t（…） call: a key built at run time has its prefix declared in this test', () => {
    expect(usage.unexplained).toEqual([]);
  });

  it('has every key the code uses in both languages', () => {
    for (const language of languages) {
      const known = localeKeys(language);
      const missing = [...usage.keys].filter(([key]) => !known.has(key)).map(([key, file]) => `${key} (${file})`);
      expect(missing, `missing in ${language}`).toEqual([]);
    }
  });

  it('has no key that no code uses', () => {
    for (const language of languages) {
      const unused = [...localeKeys(language)].filter((key) => !usage.keys.has(key));
      expect(unused, `unused in ${language}`).toEqual([]);
    }
  });

  it('has the same keys in Chinese and in English', () => {
    expect([...localeKeys('en')].sort()).toEqual([...localeKeys('zh-CN')].sort());
  });

  it('keeps each namespace in one file per language, beside the pages that use it', () => {
    for (const language of languages) {
      const owner = new Map<string, string>();
      for (const file of localeFiles.filter((path) => path.endsWith(`.${language}.json`))) {
        const name = relative(root, file);
        expect(name, 'a locale file is named after its folder').toMatch(/^(app\/app|features\/([a-z-]+)\/\2)\.(zh-CN|en)\.json$/);
        for (const namespace of Object.keys(JSON.parse(readFileSync(file, 'utf8')) as Messages)) {
          expect(owner.get(namespace), `${namespace} is in ${owner.get(namespace)} and ${name}`).toBeUndefined();
          owner.set(namespace, name);
        }
      }
    }
  });
});
