/** Step 2, vet: merging a duplicate wish into another, and residents' "me too". */

export interface MergeableWish {
  id: number;
  councilId: number;
  status: 'new' | 'accepted' | 'declined' | 'merged';
  supporters: number;
}

/** Why `duplicate` cannot be merged into `target`, or null. */
export function mergeRefusal(duplicate: MergeableWish, target: MergeableWish): string | null {
  if (duplicate.id === target.id) return '不能把议题合并到它自己。';
  if (duplicate.councilId !== target.councilId) return '只能合并同一议事会的议题。';
  if (duplicate.status !== 'new') return '只有待审议的议题可以合并到别的议题。';
  if (target.status === 'declined') return '不能合并到已经不采纳的议题。';
  if (target.status === 'merged') return '这条议题已经合并到别的议题了，请选择合并后的那一条。';
  return null;
}

/**
 * The target's supporters after the merge: its own, the duplicate's, and the resident who
 * raised the duplicate (who asked for the same thing).
 */
export const mergedSupporters = (duplicate: MergeableWish, target: MergeableWish): number => target.supporters + duplicate.supporters + 1;

/** Residents may say "me too" to a matter still open: waiting to be vetted, or accepted onto an agenda. */
export function supportRefusal(wish: MergeableWish): string | null {
  if (wish.status === 'declined') return '这条议题已经答复不采纳，不能再支持。';
  if (wish.status === 'merged') return '这条议题已经和别的议题合并，请支持合并后的那一条。';
  return null;
}
