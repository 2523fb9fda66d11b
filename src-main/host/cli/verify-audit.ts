/**
 * `npm run verify:audit -- [--db PATH]`: checks the audit log of a database file: the hash chain,
 * the heads signed with the councils' keys (entries deleted from the end, or edited with every
 * later hash recomputed), and the ballots, counts, results and sign-ins against the log. Names
 * every problem it finds. Exit code 0 when all is whole, 1 when something was changed behind the
 * app's back, 2 when the file cannot be checked.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkAudit } from '../areas/audit/integrity';
import { defaultDatabasePath } from '../core/paths';

const { values } = parseArgs({ options: { db: { type: 'string' } }, strict: false });
const path = typeof values.db === 'string' ? values.db : defaultDatabasePath();
if (!existsSync(path)) {
  console.error(`找不到数据库文件：${path}`);
  process.exit(2);
}
try {
  // Read-only: checking must never change the file it checks.
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  const report = checkAudit(sqlite);
  sqlite.close();
  if (report.ok) console.log(report.message);
  else {
    console.log(`审计记录有 ${report.problems.length} 处问题，该数据文件在本程序之外被改动过：`);
    for (const problem of report.problems) console.log(`  · ${problem}`);
  }
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  console.error(`无法检查 ${path}：${(error as Error).message}`);
  process.exit(2);
}
