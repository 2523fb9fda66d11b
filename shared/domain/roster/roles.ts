export const personRoles = [
  'chair',
  'secretary',
  'member',
  'representative',
  'supervisor',
  'observer',
] as const;
export type PersonRole = (typeof personRoles)[number];

export const tenures = ['owner', 'tenant'] as const;
export type Tenure = (typeof tenures)[number];

export const meetingStatuses = ['planned', 'in_progress', 'closed', 'cancelled'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];
