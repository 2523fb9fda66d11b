/** Issue 7: courtyard compacts (院落公约). */
/** Calls of the compacts area; spread into the contract in ../contract.ts. */
export const compactsContract = {} as const;
