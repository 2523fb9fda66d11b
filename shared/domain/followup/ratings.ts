/** Residents' satisfaction with a resolution's outcome (满意 / 基本满意 / 不满意). */
export const ratingValues = ['satisfied', 'basically', 'unsatisfied'] as const;
export type RatingValue = (typeof ratingValues)[number];

export interface RatingSummary {
  satisfied: number;
  basically: number;
  unsatisfied: number;
  total: number;
  /**
   * Satisfaction rate = (满意 + 基本满意) / all ratings, as councils report it; null when no
   * one has rated yet (no figure is better than a made-up 0 % or 100 %).
   */
  satisfactionRate: number | null;
}

export function summarizeRatings(ratings: Iterable<RatingValue>): RatingSummary {
  const counts: Record<RatingValue, number> = { satisfied: 0, basically: 0, unsatisfied: 0 };
  for (const rating of ratings) counts[rating] += 1;
  return fromCounts(counts);
}

export function fromCounts(counts: Record<RatingValue, number>): RatingSummary {
  const total = counts.satisfied + counts.basically + counts.unsatisfied;
  return { ...counts, total, satisfactionRate: total === 0 ? null : (counts.satisfied + counts.basically) / total };
}

export function addSummaries(a: RatingSummary, b: RatingSummary): RatingSummary {
  return fromCounts({ satisfied: a.satisfied + b.satisfied, basically: a.basically + b.basically, unsatisfied: a.unsatisfied + b.unsatisfied });
}

/** 0.9523 → "95.2%"; null → "—". One decimal: councils compare against 95 %. */
export function percent(rate: number | null): string {
  if (rate === null) return '—';
  const tenths = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}
