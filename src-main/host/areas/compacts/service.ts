/**
 * Courtyard compacts: a compact, its versions (each a frozen list of articles), the vote that
 * adopted a version, and the households' signatures on the version in force. The rules are in
 * shared/domain/compacts; this module loads, checks with them, and stores.
 */
import { createHash } from 'node:crypto';
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import type { ParsedInput } from '../../../../shared/api/contract';
import type { CompactDetail, CompactSignature, CompactSummary, CompactVersion, UnsignedHousehold } from '../../../../shared/api/areas/compacts';
import { normaliseArticles, sameArticles } from '../../../../shared/domain/compacts/articles';
import { adoptionProblem, versionInForce } from '../../../../shared/domain/compacts/adoption';
import { signatureProblem, signingProgress } from '../../../../shared/domain/compacts/signing';
import { localDate } from '../../../../shared/domain/followup/dates';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../../db/client';
import { households, people } from '../roster/schema';
import { compactSignatures, compacts, compactVersions } from './schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getCouncil } from '../councils/service';
import { adoptionVote, adoptionView, voteContext } from './votes';

type VersionRow = typeof compactVersions.$inferSelect;
type CompactRow = typeof compacts.$inferSelect;

const invalid = (message: string) => new HostError('invalid_input', message);

export function compactRow(db: Db, compactId: number): CompactRow {
  const row = db.select().from(compacts).where(eq(compacts.id, compactId)).get();
  if (!row) throw notFound('公约');
  return row;
}

export function versionRow(db: Db, versionId: number): VersionRow {
  const row = db.select().from(compactVersions).where(eq(compactVersions.id, versionId)).get();
  if (!row) throw notFound('公约版本');
  return row;
}

function versionRows(db: Db, compactId: number): VersionRow[] {
  return db.select().from(compactVersions).where(eq(compactVersions.compactId, compactId)).orderBy(asc(compactVersions.version)).all();
}

function isAdopted(row: VersionRow): row is VersionRow & { adoptedAt: string } {
  return row.adoptedAt !== null;
}

/** The council's households with the people who can sign for them (a representative first). */
export function signingHouseholds(db: Db, councilId: number): UnsignedHousehold[] {
  const rows = db.select().from(households).where(eq(households.councilId, councilId)).all();
  const residents = db
    .select({ name: people.name, householdId: people.householdId, roles: people.roles })
    .from(people)
    .where(and(eq(people.councilId, councilId), isNotNull(people.householdId)))
    .orderBy(asc(people.id))
    .all();
  const byHousehold = new Map<number, Array<{ name: string; representative: boolean }>>();
  for (const person of residents) {
    const list = byHousehold.get(person.householdId!) ?? [];
    list.push({ name: person.name, representative: person.roles.includes('representative') });
    byHousehold.set(person.householdId!, list);
  }
  return rows.map((row) => {
    const listed = byHousehold.get(row.id) ?? [];
    const suggested = listed.find((person) => person.representative) ?? listed[0];
    return { householdId: row.id, code: row.code, suggestedSigner: suggested?.name ?? null, people: listed.map((person) => person.name) };
  });
}

export function signatureViews(db: Db, versionId: number): CompactSignature[] {
  return db
    .select({
      id: compactSignatures.id,
      householdId: compactSignatures.householdId,
      householdCode: households.code,
      signerName: compactSignatures.signerName,
      onPaper: compactSignatures.onPaper,
      image: compactSignatures.image,
      signedOn: compactSignatures.signedOn,
      recordedAt: compactSignatures.recordedAt,
    })
    .from(compactSignatures)
    .innerJoin(households, eq(compactSignatures.householdId, households.id))
    .where(eq(compactSignatures.versionId, versionId))
    .orderBy(asc(compactSignatures.id))
    .all()
    .map(({ image, ...rest }) => ({ ...rest, hasImage: image !== null }));
}

function signatureCounts(db: Db, versionIds: number[]): Map<number, number> {
  if (versionIds.length === 0) return new Map();
  return new Map(
    db
      .select({ versionId: compactSignatures.versionId, n: count() })
      .from(compactSignatures)
      .where(inArray(compactSignatures.versionId, versionIds))
      .groupBy(compactSignatures.versionId)
      .all()
      .map((row) => [row.versionId, row.n]),
  );
}

function versionView(db: Db, row: VersionRow, signatures: number): CompactVersion {
  return {
    id: row.id,
    version: row.version,
    articles: row.articles,
    note: row.note,
    createdAt: row.createdAt,
    adoption: isAdopted(row) ? adoptionView(db, row) : null,
    signatureCount: signatures,
  };
}

export function getCompact(db: Db, compactId: number): CompactDetail {
  const compact = compactRow(db, compactId);
  const rows = versionRows(db, compactId);
  const counts = signatureCounts(db, rows.map((row) => row.id));
  const inForce = versionInForce(rows);
  let signing: CompactDetail['signing'] = null;
  if (inForce) {
    const signatures = signatureViews(db, inForce.id);
    const progress = signingProgress(
      signingHouseholds(db, compact.councilId).map((household) => ({ ...household, id: household.householdId })),
      signatures,
    );
    signing = {
      versionId: inForce.id,
      version: inForce.version,
      signed: progress.signed,
      total: progress.total,
      signatures,
      unsigned: progress.unsigned.map(({ id: _id, ...household }) => household),
    };
  }
  return {
    id: compact.id,
    councilId: compact.councilId,
    title: compact.title,
    createdAt: compact.createdAt,
    versions: rows.map((row) => versionView(db, row, counts.get(row.id) ?? 0)),
    inForceVersionId: inForce?.id ?? null,
    signing,
  };
}

export function listCompacts(db: Db, councilId: number): CompactSummary[] {
  getCouncil(db, councilId);
  const householdCount = db.select({ n: count() }).from(households).where(eq(households.councilId, councilId)).get()?.n ?? 0;
  return db
    .select()
    .from(compacts)
    .where(eq(compacts.councilId, councilId))
    .orderBy(asc(compacts.id))
    .all()
    .map((compact) => {
      const rows = versionRows(db, compact.id);
      const inForce = versionInForce(rows);
      return {
        id: compact.id,
        councilId: compact.councilId,
        title: compact.title,
        createdAt: compact.createdAt,
        versionCount: rows.length,
        latestVersion: rows.at(-1)?.version ?? null,
        inForceVersion: inForce?.version ?? null,
        adoptedAt: inForce?.adoptedAt ?? null,
        signed: inForce ? (signatureCounts(db, [inForce.id]).get(inForce.id) ?? 0) : 0,
        households: householdCount,
      };
    });
}

function assertTitleFree(db: Db, councilId: number, title: string, exceptId?: number): void {
  const same = db
    .select({ id: compacts.id })
    .from(compacts)
    .where(and(eq(compacts.councilId, councilId), eq(compacts.title, title)))
    .all()
    .find((row) => row.id !== exceptId);
  if (same) throw conflict(`已经有一份名为“${title}”的公约了。`);
}

export function createCompact(db: Db, input: ParsedInput<'compacts:create'>, now: Date): CompactDetail {
  getCouncil(db, input.councilId);
  assertTitleFree(db, input.councilId, input.title);
  const row = db.insert(compacts).values({ councilId: input.councilId, title: input.title, createdAt: now.toISOString() }).returning().get();
  return getCompact(db, row.id);
}

export function renameCompact(db: Db, input: ParsedInput<'compacts:rename'>): CompactDetail {
  const compact = compactRow(db, input.compactId);
  assertTitleFree(db, compact.councilId, input.title, compact.id);
  db.update(compacts).set({ title: input.title }).where(eq(compacts.id, compact.id)).run();
  return getCompact(db, compact.id);
}

export function deleteCompact(db: Db, compactId: number): { deleted: true } {
  compactRow(db, compactId);
  if (versionRows(db, compactId).some(isAdopted)) throw conflict('这份公约已经表决通过，不能删除。如需废止，请另行表决并保存新版本。');
  db.delete(compacts).where(eq(compacts.id, compactId)).run();
  return { deleted: true };
}

export function saveVersion(db: Db, input: ParsedInput<'compacts:saveVersion'>, now: Date): CompactDetail {
  compactRow(db, input.compactId);
  const checked = normaliseArticles(input.articles);
  if (!checked.ok) throw invalid(checked.error);
  const latest = versionRows(db, input.compactId).at(-1);
  if (latest && sameArticles(latest.articles, checked.value)) {
    throw conflict(`条款与第 ${latest.version} 版完全相同，没有需要保存的修改。`);
  }
  db.insert(compactVersions)
    .values({
      compactId: input.compactId,
      version: (latest?.version ?? 0) + 1,
      articles: checked.value,
      note: input.note,
      createdAt: now.toISOString(),
    })
    .run();
  return getCompact(db, input.compactId);
}

export function adoptVersion(db: Db, input: ParsedInput<'compacts:adopt'>, now: Date): CompactDetail {
  const version = versionRow(db, input.versionId);
  const compact = compactRow(db, version.compactId);
  const context = voteContext(db, input.voteId);
  if (!context || context.councilId !== compact.councilId) throw notFound('表决');
  const adopted = versionRows(db, compact.id).filter(isAdopted);
  const problem = adoptionProblem(
    { title: compact.title, version: version.version, adoptedAt: version.adoptedAt, latestAdoptedVersion: adopted.at(-1)?.version ?? null },
    adoptionVote(context),
  );
  if (problem) throw conflict(problem);
  const at = now.toISOString();
  db.update(compactVersions)
    .set({ adoptedAgendaItemId: context.state.agendaItemId, adoptedVoteId: context.state.id, adoptedAt: at })
    .where(eq(compactVersions.id, version.id))
    .run();
  const articles = version.articles;
  appendAudit(db, {
    kind: 'compact.adopt',
    meetingId: context.meetingId,
    at,
    payload: {
      compactId: compact.id,
      title: compact.title,
      version: version.version,
      articlesSha256: createHash('sha256').update(JSON.stringify(articles)).digest('hex'),
      voteId: context.state.id,
      agendaItemId: context.state.agendaItemId,
      votes: { for: context.state.totals.for.headcount, against: context.state.totals.against.headcount, abstain: context.state.totals.abstain.headcount },
      ruleName: context.state.outcome?.ruleName ?? context.state.rule.name,
    },
  });
  return getCompact(db, compact.id);
}

export function signCompact(db: Db, input: ParsedInput<'compacts:sign'>, now: Date): CompactDetail {
  const version = versionRow(db, input.versionId);
  const compact = compactRow(db, version.compactId);
  const household = db.select().from(households).where(eq(households.id, input.householdId)).get();
  if (!household || household.councilId !== compact.councilId) throw notFound('住户');
  const inForce = versionInForce(versionRows(db, compact.id));
  const today = localDate(now);
  const signedOn = input.signedOn ?? today;
  const alreadySigned = db
    .select({ id: compactSignatures.id })
    .from(compactSignatures)
    .where(and(eq(compactSignatures.versionId, version.id), eq(compactSignatures.householdId, household.id)))
    .get();
  const problem = signatureProblem({
    mode: input.mode,
    hasImage: input.signaturePngBase64 !== null,
    signedOn,
    today,
    adopted: version.adoptedAt !== null,
    alreadySigned: alreadySigned !== undefined,
  });
  if (problem) throw (alreadySigned ? conflict(`${household.code} ${problem}`) : invalid(problem));
  if (inForce && inForce.id !== version.id) throw conflict(`第 ${inForce.version} 版是现行版本，请在现行版本上签字。`);
  const image = input.signaturePngBase64 === null ? null : Buffer.from(input.signaturePngBase64, 'base64');
  const at = now.toISOString();
  db.insert(compactSignatures)
    .values({ versionId: version.id, householdId: household.id, signerName: input.signerName, image, onPaper: input.mode === 'paper', signedOn, recordedAt: at })
    .run();
  appendAudit(db, {
    kind: 'compact.sign',
    meetingId: null,
    at,
    payload: {
      compactId: compact.id,
      version: version.version,
      householdCode: household.code,
      signerName: input.signerName,
      onPaper: input.mode === 'paper',
      signedOn,
      imageSha256: image ? createHash('sha256').update(image).digest('hex') : null,
    },
  });
  return getCompact(db, compact.id);
}

export function removeSignature(db: Db, input: ParsedInput<'compacts:removeSignature'>, now: Date): CompactDetail {
  const row = db.select().from(compactSignatures).where(eq(compactSignatures.id, input.signatureId)).get();
  if (!row) throw notFound('签字');
  const version = versionRow(db, row.versionId);
  const household = db.select({ code: households.code }).from(households).where(eq(households.id, row.householdId)).get();
  db.delete(compactSignatures).where(eq(compactSignatures.id, row.id)).run();
  appendAudit(db, {
    kind: 'compact.signature-removed',
    meetingId: null,
    at: now.toISOString(),
    payload: { compactId: version.compactId, version: version.version, householdCode: household?.code ?? '', signerName: row.signerName, signedOn: row.signedOn, reason: input.reason },
  });
  return getCompact(db, version.compactId);
}

export function signatureImage(db: Db, signatureId: number): { pngBase64: string } {
  const row = db.select({ image: compactSignatures.image }).from(compactSignatures).where(eq(compactSignatures.id, signatureId)).get();
  if (!row) throw notFound('签字');
  if (!row.image) throw new HostError('not_found', '这一户是在纸面上签的字，没有签名图片。');
  return { pngBase64: row.image.toString('base64') };
}

/** Every signature image of a version, by household, for the Word export. */
export function signatureImages(db: Db, versionId: number): Map<number, Buffer> {
  const rows = db
    .select({ householdId: compactSignatures.householdId, image: compactSignatures.image })
    .from(compactSignatures)
    .where(eq(compactSignatures.versionId, versionId))
    .all();
  return new Map(rows.filter((row) => row.image !== null).map((row) => [row.householdId, row.image!]));
}
