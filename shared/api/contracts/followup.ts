/** Issue 4: notices (step 3 and 6), tasks, report-back, satisfaction ratings, the dashboard. */
/** Calls of the followup area; spread into the contract in ../contract.ts. */
export const followupContract = {} as const;
