/**
 * The roster import's two calls: the preview (the file checked against the roster, nothing
 * written) and the commit (checked again and written in one transaction, or nothing at all).
 */
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../../../shared/api/contract';
import {
  previewIssueLimit,
  previewRowLimit,
  type ImportIssue,
  type ImportPreview,
  type ImportResult,
  type ImportRowPreview,
} from '../../../../shared/api/areas/roster';
import type { RollChange } from '../../../../shared/domain/roster/roll-changes';
import type { DatabaseHandle, Db } from '../../db/client';
import { HostError, conflict } from '../../core/errors';
import { getCouncil } from '../councils/service';
import { fileIssue, planImport, refusedPlan, type Plan } from './import-plan';
import { writePlan } from './import-write';
import { rollChangeBlocked } from './roll-guard';
import { readTable, UnreadableFile, type RawTable } from './read-table';

/** What writing the plan would change that a running vote may count. */
function rollChangesOf(plan: Plan): Set<RollChange> {
  const changes = new Set<RollChange>();
  for (const household of plan.households.values()) {
    if (!household.existing) changes.add('units');
    else {
      if (household.areaCenti !== null && household.areaCenti !== household.existing.areaCenti) changes.add('area');
      if (household.tenure !== null && household.tenure !== household.existing.tenure) changes.add('tenure');
    }
  }
  if (plan.titles.length > 0) changes.add('owners');
  for (const entry of plan.entries) {
    if (entry.titleHolder) changes.add('owners');
    if (entry.name && entry.code) changes.add('residence');
    if (entry.name && entry.roles.length > 0) changes.add('roles');
  }
  return changes;
}

/** A roster is imported whole or not at all: one change a running vote counts holds back the file. */
function rollIssue(db: Db, councilId: number, plan: Plan): ImportIssue | null {
  const refusal = rollChangeBlocked(db, councilId, rollChangesOf(plan));
  return refusal ? fileIssue(`${refusal}名册没有导入。`) : null;
}

/**
 * The table read from the file last previewed, by the digest of its bytes: the commit that
 * follows the preview of the same file takes it instead of reading the file again (reading an
 * .xlsx is most of a large import's time). A table depends on the file's bytes alone, and is
 * frozen so no step can change it; the checks against the roster run again in the commit.
 */
const lastPreviewed = new WeakMap<DatabaseHandle, { digest: string; table: RawTable }>();

const digestOf = (dataBase64: string) => createHash('sha256').update(dataBase64).digest('base64');

function frozen(table: RawTable): RawTable {
  for (const row of table.rows) Object.freeze(row);
  for (const row of table.titles ?? []) Object.freeze(row);
  Object.freeze(table.rows);
  if (table.titles) Object.freeze(table.titles);
  return Object.freeze(table);
}

async function readPayload(
  database: DatabaseHandle,
  input: ParsedInput<'roster:previewImport'>,
  step: 'preview' | 'commit',
): Promise<RawTable | ImportIssue> {
  getCouncil(database.db, input.councilId);
  const digest = digestOf(input.dataBase64);
  const kept = lastPreviewed.get(database);
  if (kept?.digest === digest) {
    if (step === 'commit') lastPreviewed.delete(database);
    return kept.table;
  }
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length === 0) return fileIssue('文件是空的，没有读到任何内容。');
  try {
    const table = frozen(await readTable(bytes));
    if (step === 'preview') lastPreviewed.set(database, { digest, table });
    return table;
  } catch (error) {
    if (error instanceof UnreadableFile) return fileIssue(error.message);
    throw error;
  }
}

function rowPreview(plan: Plan, entry: Plan['entries'][number]): ImportRowPreview {
  const household = entry.code ? plan.households.get(entry.code) : undefined;
  return {
    row: entry.row,
    name: entry.name,
    householdCode: entry.code ?? '',
    // What the household will hold after the import.
    areaCenti: household ? (household.areaCenti ?? household.existing?.areaCenti ?? null) : null,
    tenure: household ? (household.tenure ?? household.existing?.tenure ?? 'owner') : 'owner',
    phone: entry.phone,
    roles: entry.roles,
    titleHolder: entry.titleHolder,
    // A person who lives elsewhere changes no household; the type has no word for "none".
    household: household?.status ?? 'existing',
  };
}

/** Counts every row and problem; answers with the first ones only, so a 20,000-row file previews in a small answer. */
export async function previewRosterImport(
  database: DatabaseHandle,
  input: ParsedInput<'roster:previewImport'>,
): Promise<ImportPreview> {
  const table = await readPayload(database, input, 'preview');
  const plan = 'rows' in table ? planImport(database.db, input.councilId, table) : refusedPlan([table]);
  const held = rollIssue(database.db, input.councilId, plan);
  if (held) plan.issues.unshift(held);
  let householdsNew = 0;
  let householdsUpdated = 0;
  for (const household of plan.households.values()) {
    if (household.status === 'new') householdsNew += 1;
    else if (household.status === 'updated') householdsUpdated += 1;
  }
  let peopleNew = 0;
  let titlesNew = plan.titles.length;
  for (const entry of plan.entries) {
    if (entry.name !== '') peopleNew += 1;
    if (entry.titleHolder) titlesNew += 1;
  }
  return {
    fileName: input.fileName,
    encoding: 'rows' in table ? table.encoding : 'utf-8',
    rows: plan.entries.slice(0, previewRowLimit).map((entry) => rowPreview(plan, entry)),
    rowCount: plan.entries.length,
    issues: plan.issues.slice(0, previewIssueLimit),
    issueCount: plan.issues.length,
    notes: plan.notes,
    householdsNew,
    householdsUpdated,
    peopleNew,
    titlesNew,
  };
}

/** The refusal names every problem by count and the first ones by row and column. */
function refuse(issues: ImportIssue[]): HostError {
  return new HostError(
    'invalid_input',
    `名册有 ${issues.length} 处错误，没有导入任何数据。请改正后重新导入。`,
    issues.slice(0, previewIssueLimit).map(({ row, column, message }) => ({ path: `第${row}行${column ? ` ${column}` : ''}`, message })),
  );
}

/**
 * Reads the file again unless it is the one just previewed, checks it again, then writes every household and person in one transaction, or nothing at all. The
 * checks run inside the transaction, so they see exactly the roster that is written to.
 */
export async function commitRosterImport(
  database: DatabaseHandle,
  input: ParsedInput<'roster:commitImport'>,
  now: Date,
): Promise<ImportResult> {
  const { db, sqlite } = database;
  const table = await readPayload(database, input, 'commit');
  if (!('rows' in table)) throw refuse([table]);
  return sqlite.transaction((): ImportResult => {
    getCouncil(db, input.councilId);
    const plan = planImport(db, input.councilId, table);
    const held = rollIssue(db, input.councilId, plan);
    if (held) throw conflict(held.message);
    if (plan.issues.length > 0) throw refuse(plan.issues);
    return writePlan(sqlite, input.councilId, plan, now);
  })();
}
