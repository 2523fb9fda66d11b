/**
 * The six-step machine of each matter, stored: the step on agenda_items.step_index, every
 * transition in step_transitions (and the audit log), seconds in matter_seconds, the lock in
 * matter_locks. The rules are all in shared/domain/process; this file loads, applies, saves.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { MatterProcess, ProcessSettings, StepTransition } from '../../../../shared/api/areas/process';
import type { ParsedInput } from '../../../../shared/api/contract';
import { councilStepNames } from '../../../../shared/domain/process/step-names';
import { processTemplates, type ProcessTemplateId } from '../../../../shared/domain/process/templates';
import { apply, possibleMoves, type ProcessAction, type ProcessState } from '../../../../shared/domain/process/machine';
import { acceptedStep, hasRole, processDefinition, stepOf, type ProcessDefinition } from '../../../../shared/domain/process/step-roles';
import { checkStepNames, storedStepNames } from '../../../../shared/domain/process/step-names';
import { appendAudit } from '../audit/audit-log';
import type { Db } from '../../db/client';
import { preparedOnce } from '../../db/prepared';
import { councilSettings, councils } from '../councils/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { people } from '../roster/schema';
import { votes } from '../voting/schema';
import { wishes } from '../wishes/schema';
import { matterLocks, matterSeconds, stepTransitions } from './schema';
import { HostError, conflict, notFound } from '../../core/errors';
import { getCouncil } from '../councils/service';

const defaultSecondsRequired = 3;
const defaultNoticeDays = 3;

/** Whole calendar days from one date (YYYY-MM-DD) to another. */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** How many days before a meeting the council wants its notice posted. */
export function noticeDaysOf(db: Db, councilId: number): number {
  return settingsRow(db, councilId)?.noticeDays ?? defaultNoticeDays;
}

function settingsRow(db: Db, councilId: number) {
  return db.select().from(councilSettings).where(eq(councilSettings.councilId, councilId)).get();
}

/** The council's process: its template, its own step names, its 附议 threshold. */
export function councilDefinition(db: Db, councilId: number): ProcessDefinition {
  const council = getCouncil(db, councilId);
  const row = settingsRow(db, councilId);
  return processDefinition(council.processTemplate, councilStepNames(council.processTemplate, row?.stepNames ?? null), row?.secondsRequired ?? defaultSecondsRequired);
}

// The console's state carries the step names at every move of the chair: one compiled query.
const templateAndNames = preparedOnce((db) =>
  db
    .select({ template: councils.processTemplate, stepNames: councilSettings.stepNames })
    .from(councils)
    .leftJoin(councilSettings, eq(councilSettings.councilId, councils.id))
    .where(eq(councils.id, sql.placeholder('councilId')))
    .prepare(),
);

export function stepNamesOfCouncil(db: Db, councilId: number): string[] {
  const row = templateAndNames(db).get({ councilId });
  if (!row) throw notFound('议事会');
  const template = row.template as ProcessTemplateId;
  return processDefinition(template, councilStepNames(template, row.stepNames ?? null), defaultSecondsRequired).steps.map((step) => step.name);
}

export function processSettings(db: Db, councilId: number): ProcessSettings {
  const council = getCouncil(db, councilId);
  const row = settingsRow(db, councilId);
  const template = processTemplates[council.processTemplate];
  const definition = councilDefinition(db, councilId);
  return {
    councilId,
    templateId: council.processTemplate,
    templateName: template.name,
    templateSteps: [...template.steps],
    stepNames: row?.stepNames ? definition.steps.map((step) => step.name) : null,
    effectiveSteps: definition.steps.map((step) => step.name),
    secondsRequired: definition.secondsRequired,
    hasSecondStep: stepOf(definition, 'second') >= 0,
    noticeDays: row?.noticeDays ?? defaultNoticeDays,
  };
}

export function setSteps(db: Db, input: ParsedInput<'council:setSteps'>): ProcessSettings {
  const council = getCouncil(db, input.councilId);
  let names: string[] | null = null;
  if (input.stepNames !== null) {
    const checked = checkStepNames(input.stepNames);
    if (!checked.ok) throw new HostError('invalid_input', checked.error);
    names = checked.names;
  }
  const stored = storedStepNames(names, processTemplates[council.processTemplate].steps);
  const noticeDays = input.noticeDays ?? noticeDaysOf(db, council.id);
  db.insert(councilSettings)
    .values({ councilId: council.id, stepNames: stored, secondsRequired: input.secondsRequired, noticeDays })
    .onConflictDoUpdate({ target: councilSettings.councilId, set: { stepNames: stored, secondsRequired: input.secondsRequired, noticeDays } })
    .run();
  return processSettings(db, council.id);
}

interface LoadedMatter {
  item: typeof agendaItems.$inferSelect;
  meeting: typeof meetings.$inferSelect;
  definition: ProcessDefinition;
  templateId: ProcessTemplateId;
  state: ProcessState;
  seconders: Array<{ id: number; name: string; at: string }>;
  transitionIds: number[];
}

/** Whether the matter's result is locked (表决结果已锁定): what was voted on may not change after. */
export function isMatterLocked(db: Db, agendaItemId: number): boolean {
  return db.select().from(matterLocks).where(eq(matterLocks.agendaItemId, agendaItemId)).get() !== undefined;
}

function load(db: Db, agendaItemId: number): LoadedMatter {
  const item = db.select().from(agendaItems).where(eq(agendaItems.id, agendaItemId)).get();
  if (!item) throw notFound('议题');
  const meeting = db.select().from(meetings).where(eq(meetings.id, item.meetingId)).get()!;
  const definition = councilDefinition(db, meeting.councilId);
  const locked = isMatterLocked(db, item.id);
  const seconders = db
    .select({ id: matterSeconds.id, name: matterSeconds.name, at: matterSeconds.at })
    .from(matterSeconds)
    .where(eq(matterSeconds.agendaItemId, item.id))
    .orderBy(asc(matterSeconds.id))
    .all();
  // Residents' "me too" on the wish the matter came from are seconds too (六议: 居民附议).
  const support = db
    .select({ total: sql<number>`coalesce(sum(${wishes.supporters}), 0)` })
    .from(wishes)
    .where(eq(wishes.agendaItemId, item.id))
    .get()!.total;
  const rows = db.select().from(stepTransitions).where(eq(stepTransitions.agendaItemId, item.id)).orderBy(asc(stepTransitions.id)).all();
  const state: ProcessState = {
    stepIndex: item.stepIndex,
    locked,
    seconds: seconders.length + support,
    announced: meeting.noticePostedAt !== null,
    noticeLead: meeting.noticePostedAt === null ? null : { days: daysBetween(meeting.noticePostedAt, meeting.date), required: noticeDaysOf(db, meeting.councilId) },
    history: rows.map((row) => ({
      action: row.action as StepTransition['action'],
      from: row.fromStep,
      to: row.toStep,
      at: row.at,
      personId: row.personId,
      actorName: row.actorName,
      note: row.note,
      overrideReason: row.overrideReason,
    })),
  };
  return { item, meeting, definition, templateId: getCouncil(db, meeting.councilId).processTemplate, state, seconders, transitionIds: rows.map((row) => row.id) };
}

function view(matter: LoadedMatter): MatterProcess {
  const { item, meeting, definition, state } = matter;
  const name = (index: number) => definition.steps[index]?.name ?? '';
  const moves = possibleMoves(definition, state);
  return {
    agendaItemId: item.id,
    meetingId: meeting.id,
    title: item.title,
    templateId: matter.templateId,
    steps: definition.steps.map((step, index) => ({ index, name: step.name, roles: [...step.roles] })),
    stepIndex: state.stepIndex,
    locked: state.locked,
    announced: state.announced,
    noticePostedOn: meeting.noticePostedAt,
    seconds: state.seconds,
    secondsRequired: definition.secondsRequired,
    secondsNeeded: stepOf(definition, 'second') >= 0,
    seconders: matter.seconders,
    advance: moves.advance,
    back: moves.back,
    history: state.history.map((entry, index) => ({ ...entry, id: matter.transitionIds[index]!, fromName: name(entry.from), toName: name(entry.to) })),
  };
}

export function getMatterProcess(db: Db, agendaItemId: number): MatterProcess {
  return view(load(db, agendaItemId));
}

interface Who {
  personId: number | null;
}

/** Who is recorded: the person named (of this council), else the meeting's chair, else "主持人". */
function actorOf(db: Db, meeting: typeof meetings.$inferSelect, who: Who): { personId: number | null; name: string } {
  const personId = who.personId ?? meeting.chairId;
  if (personId === null) return { personId: null, name: '主持人' };
  const person = db.select().from(people).where(eq(people.id, personId)).get();
  if (!person || person.councilId !== meeting.councilId) throw new HostError('invalid_input', '所选的人不属于本议事会。');
  return { personId: person.id, name: person.name };
}

/** Refuses moving a matter off its vote step while a vote on it is still open. */
function assertNoOpenVote(db: Db, matter: LoadedMatter, toStep: number): void {
  if (toStep === matter.state.stepIndex) return;
  const open = db.select().from(votes).where(and(eq(votes.agendaItemId, matter.item.id), eq(votes.status, 'open'))).get();
  if (open) throw conflict(`“${open.title}”的表决正在进行，请先结束表决，再变更议题的步骤。`);
}

/** Applies one action and saves it: the step, the transition row, the audit entry. */
function perform(db: Db, matter: LoadedMatter, action: ProcessAction, actor: { personId: number | null; name: string }, now: Date): LoadedMatter {
  const at = now.toISOString();
  const result = apply(matter.definition, matter.state, action, at, actor);
  if (!result.ok) throw conflict(result.reason);
  const { entry } = result;
  if (entry.to !== entry.from) assertNoOpenVote(db, matter, entry.to);
  if (entry.to !== entry.from) db.update(agendaItems).set({ stepIndex: entry.to, updatedAt: at }).where(eq(agendaItems.id, matter.item.id)).run();
  if (action.type === 'lock') db.insert(matterLocks).values({ agendaItemId: matter.item.id, lockedAt: at }).run();
  db.insert(stepTransitions)
    .values({
      agendaItemId: matter.item.id,
      action: entry.action,
      fromStep: entry.from,
      toStep: entry.to,
      personId: entry.personId,
      actorName: entry.actorName,
      note: entry.note,
      overrideReason: entry.overrideReason,
      at,
    })
    .run();
  const name = (index: number) => matter.definition.steps[index]!.name;
  appendAudit(db, {
    kind: `process.${entry.action}`,
    meetingId: matter.meeting.id,
    at,
    payload: {
      agendaItemId: matter.item.id,
      title: matter.item.title,
      from: entry.from,
      to: entry.to,
      fromName: name(entry.from),
      toName: name(entry.to),
      personId: entry.personId,
      actor: entry.actorName,
      note: entry.note,
      overrideReason: entry.overrideReason,
    },
  });
  return load(db, matter.item.id);
}

export function advanceMatter(db: Db, input: ParsedInput<'process:advance'>, now: Date): MatterProcess {
  const matter = load(db, input.agendaItemId);
  return view(perform(db, matter, { type: 'advance', note: input.note }, actorOf(db, matter.meeting, input), now));
}

export function backMatter(db: Db, input: ParsedInput<'process:back'>, now: Date): MatterProcess {
  const matter = load(db, input.agendaItemId);
  return view(perform(db, matter, { type: 'back', note: input.note }, actorOf(db, matter.meeting, input), now));
}

export function overrideMatter(db: Db, input: ParsedInput<'process:override'>, now: Date): MatterProcess {
  const matter = load(db, input.agendaItemId);
  return view(perform(db, matter, { type: 'override', toStep: input.toStep, reason: input.reason }, actorOf(db, matter.meeting, input), now));
}

/** 附议: a member or resident seconds the matter, named by roster entry or by name; once each. */
export function secondMatter(db: Db, input: ParsedInput<'process:second'>, now: Date): MatterProcess {
  const matter = load(db, input.agendaItemId);
  let name = input.name;
  if (input.personId !== null) name = actorOf(db, matter.meeting, { personId: input.personId }).name;
  if (!name) throw new HostError('invalid_input', '请选择或填写附议人。');
  if (matter.seconders.some((seconder) => seconder.name === name)) throw conflict(`${name} 已经附议过了。`);
  // A refusal throws and the transaction takes the row back with it.
  db.insert(matterSeconds).values({ agendaItemId: matter.item.id, personId: input.personId, name, at: now.toISOString() }).run();
  return view(perform(db, matter, { type: 'second', note: `${name} 附议` }, { personId: input.personId, name }, now));
}

export function lockMatter(db: Db, input: ParsedInput<'process:lock'>, now: Date): MatterProcess {
  const matter = load(db, input.agendaItemId);
  return view(perform(db, matter, { type: 'lock', note: input.note }, actorOf(db, matter.meeting, input), now));
}

/**
 * Opening a vote on a matter. At or past the vote step: nothing to do (a correction is voted
 * at the same step). At the announce or deliberation step of an announced meeting, opening the
 * vote is the chair bringing the matter to the floor: it moves on one recorded step at a time
 * (announce → deliberate → vote). Anywhere else, or unannounced, the vote is refused with the
 * machine's reason.
 */
export function prepareVoteOnMatter(db: Db, agendaItemId: number, now: Date): void {
  let matter = load(db, agendaItemId);
  const voteStep = stepOf(matter.definition, 'vote');
  const actor = actorOf(db, matter.meeting, { personId: null });
  while (matter.state.stepIndex < voteStep) {
    const from = matter.state.stepIndex;
    const step = matter.definition.steps[from]!;
    if (!hasRole(matter.definition, from, 'announce') && !hasRole(matter.definition, from, 'deliberate')) {
      throw conflict(`议题“${matter.item.title}”还在“${step.name}”这一步，还没有审议列入会议，不能表决。`);
    }
    const refusal = possibleMoves(matter.definition, matter.state).advance?.reason;
    if (refusal) throw conflict(`不能对“${matter.item.title}”表决：${refusal}`);
    matter = perform(db, matter, { type: 'advance', note: '开始表决' }, actor, now);
  }
}

/** Locking a vote's result locks the matter: no going back. A correction's lock leaves the first one. */
export function lockMatterForVote(db: Db, agendaItemId: number, now: Date): void {
  const matter = load(db, agendaItemId);
  if (matter.state.locked) return;
  if (matter.state.stepIndex < stepOf(matter.definition, 'vote')) return;
  perform(db, matter, { type: 'lock', note: '表决结果锁定' }, actorOf(db, matter.meeting, { personId: null }), now);
}

/**
 * A wish accepted at vetting becomes a matter at step 0 and walks, one recorded step at a time,
 * to where accepted matters stand (the announce step); under 六议 it waits at 附议 until it has
 * enough seconds.
 */
export function walkAcceptedMatter(db: Db, agendaItemId: number, now: Date): void {
  let matter = load(db, agendaItemId);
  const target = acceptedStep(matter.definition);
  while (matter.state.stepIndex < target && possibleMoves(matter.definition, matter.state).advance?.allowed) {
    matter = perform(db, matter, { type: 'advance', note: '审议采纳，列入会议议程' }, { personId: null, name: '议事会审议' }, now);
  }
}
