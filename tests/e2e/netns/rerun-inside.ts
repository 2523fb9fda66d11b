/**
 * For a spec that must run inside a network namespace: inside it, the spec's own tests; anywhere
 * else (e.g. `npm run test:e2e`), a single test that runs the spec file again inside the namespace
 * through the script, prints what it printed and passes or fails with it.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

/** Each script and the COURTYARD_NETNS it sets inside its namespace. */
const namespaces = {
  /** Loopback only. */
  'run-in-netns.sh': '1',
  /** Loopback and a private LAN. */
  'run-in-lan-netns.sh': 'lan',
} as const;

export function rerunInside(
  run: { title: string; script: keyof typeof namespaces; specFile: string },
  defineTests: () => void,
): void {
  if (process.env.COURTYARD_NETNS === namespaces[run.script]) {
    defineTests();
    return;
  }
  test(run.title, () => {
    test.setTimeout(600_000);
    const rerun = spawnSync('sh', [`tests/e2e/netns/${run.script}`, 'node_modules/.bin/playwright', 'test', run.specFile], {
      encoding: 'utf8',
      timeout: 580_000,
    });
    const output = `${rerun.stdout ?? ''}${rerun.stderr ?? ''}${rerun.error ? String(rerun.error) : ''}`;
    console.log(output);
    expect(rerun.status, output).toBe(0);
  });
}
