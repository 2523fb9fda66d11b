#!/usr/bin/env node
/**
 * npm run audit:electron: Electronegativity over the Electron main process and preload sources,
 * failing on HIGH or MEDIUM findings that are not accepted, with a reason, in
 * scripts/electronegativity-allow.json. Prints: `electronegativity: N files, F findings
 * (H high, M medium, L low), A accepted, U unaccepted`.
 *
 * Electronegativity fetches translations and Electron's release list from GitHub on every run;
 * this app promises no outside contact, so it runs inside a network namespace with no network
 * (`unshare -n`, as root in CI) and its release check (AvailableSecurityFixesGlobalCheck) is off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;
const cli = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
const allow = JSON.parse(readFileSync(join(root, 'scripts/electronegativity-allow.json'), 'utf8')).allow;
/** The sources, and the built app (main, preload, renderer) when `npm run build:desktop` has made it: each scanned whole, as its global checks look across files. */
const inputs = ['src-main', 'out'].filter((input) => {
  try {
    return statSync(join(root, input)).isDirectory();
  } catch {
    return false;
  }
});

const work = mkdtempSync(join(tmpdir(), 'electronegativity-'));

/** RFC 4180-ish: quoted cells may hold commas, doubled quotes and line breaks (a CSP sample does). */
function parseCsv(text) {
  const records = [];
  let record = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(cell.trim());
      cell = '';
    } else if (ch === '\n') {
      record.push(cell.trim());
      records.push(record);
      record = [];
      cell = '';
    } else cell += ch;
  }
  if (cell.trim() || record.length) records.push([...record, cell.trim()]);
  return records
    .slice(1)
    .filter((cells) => cells.length >= 7)
    .map(([issue, severity, confidence, file, location, sample, description]) => ({ issue, severity, confidence, file, location, sample, description }));
}

const findings = [];
for (const input of inputs) {
  const output = join(work, `${input.replace(/\//g, '-')}.csv`);
  const args = [cli, '-i', join(root, input), '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-r', '-o', output];
  const run = spawnSync('unshare', ['-n', process.execPath, ...args], { encoding: 'utf8', cwd: root });
  if (run.error || run.status !== 0) {
    console.error(run.stderr || run.error?.message);
    console.error('electronegativity: could not run inside a network namespace (unshare -n needs root); not run, so that it cannot contact GitHub.');
    process.exit(2);
  }
  findings.push(...parseCsv(readFileSync(output, 'utf8')).map((f) => ({ ...f, file: `${input}/${f.file}` })));
}
rmSync(work, { recursive: true, force: true });
const countFiles = (dir) =>
  readdirSync(dir).reduce((sum, name) => {
    const path = join(dir, name);
    return sum + (statSync(path).isDirectory() ? countFiles(path) : /\.(ts|js|html)$/.test(name) ? 1 : 0);
  }, 0);
const files = inputs.reduce((sum, input) => sum + countFiles(join(root, input)), 0);
const serious = findings.filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM');
const accepted = serious.filter((f) => allow.some((a) => a.issue === f.issue && f.sample.includes(a.sample)));
const unaccepted = serious.filter((f) => !accepted.includes(f));
const by = (level) => findings.filter((f) => f.severity === level).length;
for (const f of findings) {
  const mark = unaccepted.includes(f) ? 'FAIL' : accepted.includes(f) ? 'accepted' : 'note';
  console.log(`  [${mark}] ${f.severity} ${f.issue} ${f.file}:${f.location} ${f.description}`);
}
console.log(
  `electronegativity: ${files} files, ${findings.length} findings (${by('HIGH')} high, ${by('MEDIUM')} medium, ${by('LOW') + by('INFORMATIONAL')} low), ${accepted.length} accepted, ${unaccepted.length} unaccepted`,
);
process.exit(unaccepted.length ? 1 : 0);
