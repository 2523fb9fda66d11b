/**
 * The app's version, from package.json, taken in when the code is built (the desktop's bundle) or
 * loaded (serve, the tests): nothing is read from beside the running file at run time, where the
 * packed app (out/main/index.js inside app.asar) has no package.json three folders up.
 */
import { version } from '../../../package.json';

export const appVersion: string = version;
