// electron-builder's afterPack hook: sets Electron's fuses in the packed executable, after the app's
// files (and, on Windows, the asar archive's integrity record) are in place and before signing.
// Fuses are switches compiled into the Electron binary; set here, no command-line flag or environment
// variable on the office laptop can turn them back.
import { FuseV1Options, FuseVersion } from '@electron/fuses';

/** @returns {import('@electron/fuses').FuseV1Config} */
export function fuseConfiguration() {
  return {
    version: FuseVersion.V1,
    // ELECTRON_RUN_AS_NODE would make the signed app a general Node.js interpreter for anything on the computer.
    [FuseV1Options.RunAsNode]: false,
    // The chair's session cookie is encrypted at rest with the system's key store.
    [FuseV1Options.EnableCookieEncryption]: true,
    // NODE_OPTIONS (--require a script) and --inspect would let another program run code inside the app.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // app.asar is checked against the hash recorded in the executable (Windows; macOS), and the app is
    // loaded from it alone, never from a resources/app folder put beside it.
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    // Our windows load the host's http://127.0.0.1 page, never file:// pages.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  };
}

/**
 * electron-builder's own flipper finds the executable under the name it gave it on each platform
 * (院落议事.exe, courtyard-council) and runs @electron/fuses' flipFuses on it.
 * @param {{ packager: { addElectronFuses(context: unknown, fuses: import('@electron/fuses').FuseConfig): Promise<unknown> | unknown } }} context
 */
export default async function afterPack(context) {
  await context.packager.addElectronFuses(context, fuseConfiguration());
}
