/**
 * Checks that this process runs in a network namespace whose only interface is loopback, so a
 * WebRTC test cannot reach any other address. Fails with a sentence that says how to run it.
 */
import { execFileSync } from 'node:child_process';

export function loopbackOnlyProblem(): string | null {
  let links: string[];
  try {
    links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split(':')[1]!.trim().split('@')[0]!);
  } catch (error) {
    return `cannot list network interfaces (${(error as Error).message})`;
  }
  if (links.length === 1 && links[0] === 'lo') return null;
  return (
    `this test must run in a network namespace that has only loopback, but it sees: ${links.join(', ')}. ` +
    'Run it as: sh tests/e2e/netns/run-in-netns.sh node_modules/.bin/playwright test <spec> (npm run test:netns)'
  );
}
