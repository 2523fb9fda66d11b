/** Issue 7: signatures on the minutes, seals, Word export and verification. */
/** Calls of the seals area; spread into the contract in ../contract.ts. */
export const sealsContract = {} as const;
