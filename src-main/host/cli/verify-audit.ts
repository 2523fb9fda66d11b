/**
 * `npm run verify:audit -- [--db PATH]`: checks the hash chain of the audit log and
 * names the first entry that was changed behind the app's back. Exit code 0 when the
 * chain is whole, 1 when it is broken, 2 when the file cannot be checked.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { describeChain, verifyAuditChain } from '../areas/audit/audit-log';
import { defaultDatabasePath } from '../core/paths';

const { values } = parseArgs({ options: { db: { type: 'string' } }, strict: false });
const path = typeof values.db === 'string' ? values.db : defaultDatabasePath();
if (!existsSync(path)) {
  console.error(`找不到数据库文件:${path}`);
  process.exit(2);
}
try {
  // Read-only: checking must never change the file it checks.
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  const report = describeChain(verifyAuditChain(sqlite));
  sqlite.close();
  console.log(report.message);
  process.exit(report.ok ? 0 : 1);
} catch (error) {
  console.error(`无法检查 ${path}:${(error as Error).message}`);
  process.exit(2);
}
