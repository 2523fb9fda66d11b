/** Issue 8: LAN join codes, participants and roles; backups, restore, council archives. */
/** Calls of the access area; spread into the contract in ../contract.ts. */
export const accessContract = {} as const;
