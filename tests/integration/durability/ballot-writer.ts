/**
 * Child process for the durability test: records roll-call ballots one by one
 * through the real host and prints `ack <voterKey>` only after each call answered
 * ok, i.e. after its transaction committed. The test kills it with SIGKILL.
 */
import { createHost } from '../../../src-main/host/core/host';

const [databasePath, voteIdText, ...keys] = process.argv.slice(2);
const host = createHost({ databasePath: databasePath!, host: 'browser' });
const choices = ['for', 'against', 'abstain'] as const;

for (const [index, voterKey] of keys.entries()) {
  const result = await host.invoke('vote:castBallot', { voteId: Number(voteIdText), voterKey, choice: choices[index % 3] });
  if (!result.ok) {
    console.error(JSON.stringify(result.error));
    process.exit(3);
  }
  process.stdout.write(`ack ${voterKey}\n`);
}
host.close();
