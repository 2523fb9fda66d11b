/** The areas of the door's own taps, whose answers the door patches its sheet and absent list from. */
export const doorAreas = ['attendance', 'proxy'] as const;
