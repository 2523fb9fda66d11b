/**
 * Peers that join the minutes at the same moment all mesh: 3, then 10 stock y-webrtc peers (Node,
 * @roamhq/wrtc, a process each: see netns/mesh-peer.ts) are told to join within the same 100 ms,
 * and every one of them ends up with an open data channel to every other and the names of all.
 * They keep the room meshed as the app's pages do (shared/collab/mesh-keeper.ts); without it,
 * simultaneous joins left pairs that never connected.
 *
 * Runs in a loopback-only network namespace, like minutes-peers.spec.ts.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { test, expect } from '@playwright/test';
import type { MinutesDocument } from '../../shared/api/areas/minutes';
import { startHost, tempDatabasePath, type HostProcess } from './host-process';
import { loopbackOnlyProblem } from './netns/loopback-only';
import { rerunInside } from './netns/rerun-inside';

rerunInside(
  { title: 'peers joining the minutes together mesh (run in a loopback-only network namespace)', script: 'run-in-netns.sh', specFile: 'tests/e2e/minutes-mesh.spec.ts' },
  defineMeshTests,
);

interface PeerView {
  names: string[];
  direct: number;
}

interface MeshPeer {
  child: ChildProcess;
  ready: Promise<void>;
  seen: PeerView | null;
  joinedAt: number | null;
  output: string;
}

function startPeer(host: HostProcess, room: MinutesDocument['room'], name: string): MeshPeer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/e2e/netns/mesh-peer.ts'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      MESH_ROOM: room.name,
      MESH_PASSWORD: room.password,
      MESH_SIGNAL: `${host.url.replace(/^http/, 'ws')}signal`,
      MESH_COOKIE: host.chairCookie,
      MESH_NAME: name,
    },
  });
  const peer: MeshPeer = { child, ready: Promise.resolve(), seen: null, joinedAt: null, output: '' };
  let buffered = '';
  peer.ready = new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`peer ${name} exited with ${code}:\n${peer.output}`)));
    child.stderr!.on('data', (chunk: Buffer) => (peer.output += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
        const line = buffered.slice(0, end);
        buffered = buffered.slice(end + 1);
        const said = line === 'ready' ? null : (JSON.parse(line) as PeerView | { joinedAt: number });
        if (!said) resolve();
        else if ('joinedAt' in said) peer.joinedAt = said.joinedAt;
        else peer.seen = said;
      }
    });
  });
  return peer;
}

function defineMeshTests() {
  test.describe.configure({ mode: 'serial' });
  let host: HostProcess | null = null;
  let peers: MeshPeer[] = [];

  test.beforeAll(() => {
    const problem = loopbackOnlyProblem();
    if (problem) throw new Error(problem);
  });
  test.afterEach(async () => {
    for (const peer of peers) peer.child.kill('SIGTERM');
    peers = [];
    await host?.stop();
    host = null;
  });

  async function openRoom(): Promise<MinutesDocument['room']> {
    host = await startHost(tempDatabasePath(), { demo: true });
    const opened = await fetch(`${host.url}api/call/minutes:open`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: host.chairCookie },
      body: JSON.stringify({ input: { meetingId: 3 } }),
    });
    return ((await opened.json()) as { value: MinutesDocument }).value.room;
  }

  /**
   * Starts `count` peers and tells them all the same moment to join, a little ahead. On this shared
   * 2-core machine a process is now and then not scheduled for a few hundred ms: when the peers'
   * own clocks say they did not all join within 100 ms, that try is no test of joining together,
   * and it is made again with new peers; after three such tries the test is skipped and says why
   * (seen with a load average above 20: the meshing itself never failed).
   */
  async function joinWithin100Ms(room: MinutesDocument['room'], count: number): Promise<{ started: MeshPeer[]; go: number }> {
    const spreads: number[] = [];
    for (let attempt = 1; ; attempt += 1) {
      const started = Array.from({ length: count }, (_, index) => startPeer(host!, room, `peer-${index}`));
      peers = started;
      await Promise.all(started.map((peer) => peer.ready));
      const go = Date.now() + 1500;
      for (const peer of started) peer.child.stdin!.write(`${go}\n`);
      await expect.poll(() => started.every((peer) => peer.joinedAt !== null), { timeout: 15_000 }).toBe(true);
      const joined = started.map((peer) => peer.joinedAt!);
      const spread = Math.max(...joined) - Math.min(...joined);
      if (spread < 100) return { started, go };
      spreads.push(spread);
      console.log(`try ${attempt}: the ${count} peers joined ${spread} ms apart, not within 100 ms`);
      test.skip(attempt >= 3, `this computer is too busy to start ${count} peers within 100 ms of each other (${spreads.join(', ')} ms apart in ${attempt} tries)`);
      for (const peer of started) peer.child.kill('SIGTERM');
      await Promise.all(started.map((peer) => new Promise((resolve) => (peer.child.exitCode !== null ? resolve(null) : peer.child.once('exit', resolve)))));
    }
  }

  async function joinTogether(count: number, meshWithinMs: number) {
    const room = await openRoom();
    const { started, go } = await joinWithin100Ms(room, count);
    const names = started.map((_, index) => `peer-${index}`).sort();
    await expect
      .poll(() => started.map((peer) => `${peer.seen?.names.length ?? 0} names, ${peer.seen?.direct ?? 0} direct`), { timeout: meshWithinMs, intervals: [100] })
      .toEqual(started.map(() => `${count} names, ${count - 1} direct`));
    for (const peer of started) expect(peer.seen!.names).toEqual(names);
    console.log(`${count} peers joining together meshed in ${Date.now() - go} ms`);
  }

  test('3 peers joining within the same 100 ms all connect to each other and converge', async () => {
    test.setTimeout(60_000);
    await joinTogether(3, 20_000);
  });

  test('10 peers joining within the same 100 ms all connect to each other and converge', async () => {
    test.setTimeout(120_000);
    await joinTogether(10, 60_000);
  });
}
