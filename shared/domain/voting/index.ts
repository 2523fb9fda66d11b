export * from './electorate';
export * from './ratio';
export * from './result';
export * from './rules';
export * from './tally';
