/** Issue 4: the six-step state machine per matter, seconds (附议), locks, overrides, wish merging. */
/** Calls of the process area; spread into the contract in ../contract.ts. */
export const processContract = {} as const;
