/**
 * `npm run verify -- FILE.docx [--db PATH]`: checks a Word file of the minutes against this
 * council's database (its registered keys and seals) and says in plain words whether it is
 * exactly what was signed; for a signed file, also whether the audit chain's head printed in it
 * is still in the database's chain. Exit code 0 signed, 1 altered, 3 unknown, 4 signed but the
 * database's audit chain no longer has the head the file was signed with, 2 when it cannot check.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDatabasePath } from '../core/paths';
import { verifyMinutesFile } from '../areas/seals/verify';
import { compareMinutesHead, sealedAuditHead } from '../areas/audit/minutes-anchor';
import { schema } from '../db/schema';

const { values, positionals } = parseArgs({ options: { db: { type: 'string' } }, allowPositionals: true, strict: false });
const file = positionals[0];
const path = typeof values.db === 'string' ? values.db : defaultDatabasePath();
if (!file) {
  console.error('用法：npm run verify -- 会议记录.docx [--db 数据库文件]');
  process.exit(2);
}
if (!existsSync(file)) {
  console.error(`找不到文件：${file}`);
  process.exit(2);
}
if (!existsSync(path)) {
  console.error(`找不到数据库文件：${path}（用 --db 指定本议事会的数据库）`);
  process.exit(2);
}
try {
  // Read-only: checking must never change the database it checks against.
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  const data = readFileSync(file);
  const report = await verifyMinutesFile(drizzle(sqlite, { schema }), data);
  const head = report.verdict === 'signed' ? await sealedAuditHead(data) : null;
  const chain = head ? compareMinutesHead(sqlite, head) : null;
  sqlite.close();
  const label = { signed: '【已签署，未改动】', altered: '【已被改动】', unknown: '【无法确认】' }[report.verdict];
  console.log(`${label}${report.headline}`);
  for (const line of report.details) console.log(`  ${line}`);
  if (chain) console.log(`  ${chain.message}`);
  process.exit(chain && !chain.ok ? 4 : { signed: 0, altered: 1, unknown: 3 }[report.verdict]);
} catch (error) {
  console.error(`无法核验 ${file}：${(error as Error).message}`);
  process.exit(2);
}
