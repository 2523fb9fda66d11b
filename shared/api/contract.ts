/**
 * THE contract: every call the UI can make, its input schema, its result type and who may make it,
 * declared once in its area's file (shared/api/areas/<area>.ts: a call's prefix is its address).
 * The IPC binding, the preload bridge, the browser transport, the renderer client and the host's
 * access policy are all derived from this object.
 */
import type { z } from 'zod';
import { appArea } from './areas/app';
import { archiveArea } from './areas/archive';
import { attendanceArea } from './areas/attendance';
import { auditArea } from './areas/audit';
import { backupArea } from './areas/backup';
import { compactsArea } from './areas/compacts';
import { consoleArea } from './areas/console';
import { councilsArea } from './areas/councils';
import { followupArea } from './areas/followup';
import { lanArea } from './areas/lan';
import { meetingsArea } from './areas/meetings';
import { minutesArea } from './areas/minutes';
import { paperArea } from './areas/paper';
import { processArea } from './areas/process';
import { rosterArea } from './areas/roster';
import { sealsArea } from './areas/seals';
import { votingArea } from './areas/voting';
import { wishesArea } from './areas/wishes';

export const contract = {
  ...appArea,
  ...councilsArea,
  ...rosterArea,
  ...meetingsArea,
  ...attendanceArea,
  ...votingArea,
  ...paperArea,
  ...consoleArea,
  ...wishesArea,
  ...processArea,
  ...followupArea,
  ...minutesArea,
  ...sealsArea,
  ...compactsArea,
  ...lanArea,
  ...backupArea,
  ...archiveArea,
  ...auditArea,
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type Input<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type Output<C extends Channel> = Contract[C]['output'];

export const channels = Object.keys(contract) as Channel[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}
