/** The council's dashboard: gathers the rows; shared/domain/followup/dashboard.ts decides what they mean. */
import { eq, ne, and, inArray } from 'drizzle-orm';
import type { Dashboard } from '../../../../shared/api/areas/followup';
import { dashboardFigures, definitions, referenceRate } from '../../../../shared/domain/followup/dashboard';
import { localDate } from '../../../../shared/domain/followup/dates';
import { councilStepNames } from '../../../../shared/domain/process/step-names';
import type { Db } from '../../db/client';
import { councilSettings } from '../councils/schema';
import { agendaItems, meetings } from '../meetings/schema';
import { wishes } from '../wishes/schema';
import { ratings, tasks } from './schema';
import { getCouncil } from '../councils/service';
import { councilResolutionIds } from './resolutions';

export function councilDashboard(db: Db, councilId: number, now: Date): Dashboard {
  const council = getCouncil(db, councilId);
  const today = localDate(now);
  const override = db.select({ stepNames: councilSettings.stepNames }).from(councilSettings).where(eq(councilSettings.councilId, councilId)).get();
  const items = db
    .select({ agendaItemId: agendaItems.id, stepIndex: agendaItems.stepIndex })
    .from(agendaItems)
    .innerJoin(meetings, eq(agendaItems.meetingId, meetings.id))
    .where(and(eq(meetings.councilId, councilId), ne(meetings.status, 'cancelled')))
    .all();
  const itemIds = items.map((item) => item.agendaItemId);
  const figures = dashboardFigures({
    stepNames: councilStepNames(council.processTemplate, override?.stepNames ?? null),
    matters: items,
    wishes: db.select({ status: wishes.status, agendaItemId: wishes.agendaItemId }).from(wishes).where(eq(wishes.councilId, councilId)).all(),
    resolutions: councilResolutionIds(db, councilId),
    tasks: itemIds.length
      ? db.select({ agendaItemId: tasks.agendaItemId, status: tasks.status, deadline: tasks.deadline }).from(tasks).where(inArray(tasks.agendaItemId, itemIds)).all()
      : [],
    ratings: itemIds.length ? db.select({ rating: ratings.rating }).from(ratings).where(inArray(ratings.agendaItemId, itemIds)).all() : [],
    today,
  });
  return { ...figures, councilId, councilName: council.name, today, referenceRate, definitions: { ...definitions } };
}
