import type { FuseV1Config } from '@electron/fuses';

export function fuseConfiguration(): FuseV1Config;
export default function afterPack(context: {
  packager: { addElectronFuses(context: unknown, fuses: FuseV1Config): Promise<unknown> | unknown };
}): Promise<void>;
