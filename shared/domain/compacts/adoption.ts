/**
 * When a version of a compact counts as adopted (通过): only by a meeting's vote on a matter,
 * and only when that vote is finished and passed under the council's rule. A version once
 * adopted is frozen; a later change is a new version that needs its own vote.
 */
export interface AdoptionVote {
  id: number;
  agendaItemId: number | null;
  status: 'open' | 'closed' | 'locked';
  /** The outcome under the council's rule; null while it cannot be decided. */
  passed: boolean | null;
  /** A later vote on the same matter exists (a re-vote or correction): that one speaks for the matter. */
  superseded: boolean;
  /** The matter's title and text, as the meeting put it to the vote. */
  matter: string;
}

export interface AdoptionTarget {
  /** The compact's name: the matter voted on must name it. */
  title: string;
  version: number;
  adoptedAt: string | null;
  /** The highest version of the same compact already adopted, if any. */
  latestAdoptedVersion: number | null;
}

/** Why this version cannot be adopted by this vote, in plain Chinese; null when it can. */
export function adoptionProblem(target: AdoptionTarget, vote: AdoptionVote): string | null {
  if (target.adoptedAt !== null) return `第 ${target.version} 版已经通过，不能再次通过。如需修改，请保存为新版本后再表决。`;
  if (target.latestAdoptedVersion !== null && target.latestAdoptedVersion > target.version) {
    return `更新的第 ${target.latestAdoptedVersion} 版已经通过，不能再通过较早的第 ${target.version} 版。`;
  }
  return voteProblem(vote) ?? matterProblem(target.title, vote.matter);
}

/** A title as people write it: without 书名号, quotation marks or spaces. */
const bare = (text: string) => text.replace(/[《》〈〉“”"'‘’「」\s]/g, '');

/**
 * Why this matter's vote cannot adopt the compact `title`, in plain Chinese; null when the matter
 * names it (in its title or text): a vote adopts what was put to the vote, not another matter
 * that happened to pass (加装电梯 cannot adopt a courtyard compact).
 */
export function matterProblem(title: string, matter: string): string | null {
  if (bare(matter).includes(bare(title))) return null;
  return `这项议题没有写明《${title}》，它的表决不能作为这份公约通过的依据。请在议题名称或内容中写明公约名称，再对它表决。`;
}

/** Why a vote cannot adopt anything, in plain Chinese; null when it can. */
export function voteProblem(vote: AdoptionVote): string | null {
  if (vote.agendaItemId === null) return '这次表决没有对应的议题，不能作为公约通过的依据。';
  if (vote.status === 'open') return '表决还没有结束，结束并得出结果后才能据此通过公约。';
  if (vote.superseded) return '该议题后来又重新表决过，请选择最近一次表决。';
  if (vote.passed === null) return '这次表决还没有结果。';
  if (!vote.passed) return '这次表决没有通过，公约不能据此通过。';
  return null;
}

/** The version in force: the highest adopted one, or null while every version is a draft. */
export function versionInForce<T extends { version: number; adoptedAt: string | null }>(versions: readonly T[]): T | null {
  let found: T | null = null;
  for (const version of versions) if (version.adoptedAt !== null && (!found || version.version > found.version)) found = version;
  return found;
}
