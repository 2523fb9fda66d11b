/**
 * A person's roles, as the roster keeps them (a JSON array of these words). Offices write them in
 * a 身份 column: 主任, 副主任, 理事, 记录人 or 秘书, 监事, 党员, 楼栋长, 单元长, 网格员, 户代表, 户主.
 */
export const personRoles = [
  'chair',
  'vice_chair',
  'secretary',
  'member',
  'representative',
  'supervisor',
  'observer',
  'party_member',
  'building_head',
  'unit_head',
  'grid_worker',
  'household_head',
] as const;
export type PersonRole = (typeof personRoles)[number];

/** The council's officers are council members: counted in a members' vote, listed as members in the minutes. */
export const councilOfficers: readonly PersonRole[] = ['chair', 'vice_chair', 'secretary'];

/**
 * The roles as stored: each once, in the order given, and 'member' added (last) for an officer,
 * so every reader that asks for members finds the chair and the secretary among them.
 */
export function withImpliedRoles<R extends string>(roles: readonly R[]): R[] {
  const unique = [...new Set(roles)];
  const officer = unique.some((role) => (councilOfficers as readonly string[]).includes(role));
  if (officer && !unique.includes('member' as R)) unique.push('member' as R);
  return unique;
}

export const tenures = ['owner', 'tenant'] as const;
export type Tenure = (typeof tenures)[number];

export const meetingStatuses = ['planned', 'in_progress', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
