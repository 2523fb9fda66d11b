/**
 * The installers' configuration, checked without building them: building downloads Electron and the
 * NSIS/AppImage tools, which these machines cannot. The configuration is loaded and validated by
 * electron-builder's own loader (the same code `electron-builder` runs first), and the afterPack
 * hook's fuse settings are read from the object it hands to @electron/fuses.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, matchesGlob } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration, TargetConfiguration } from 'electron-builder';
import { DebugLogger } from 'builder-util';
import { PNG } from 'pngjs';
import { build, type Rollup } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import afterPack, { fuseConfiguration } from '../../scripts/after-pack.mjs';

const projectDir = join(import.meta.dirname, '../..');
const packageJson = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string>; build?: unknown };

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(projectDir, null, null);
  await validateConfiguration(config, new DebugLogger(false));
});

function targetsOf(platform: 'win' | 'linux'): Array<{ target: string; arch: string[] }> {
  const targets = (config[platform]?.target ?? []) as TargetConfiguration[];
  return targets.map((entry) => ({ target: entry.target, arch: [...((entry.arch ?? []) as string[])].sort() }));
}

/** Whether electron-builder's `files` globs (with `!` exclusions, last match wins) take a project file. */
function packaged(path: string): boolean {
  // The loader turns the list into file sets; ours is one set, copied to the app's root.
  const patterns = [config.files ?? []].flat().flatMap((set) => (typeof set === 'string' ? [set] : [set.filter ?? []].flat()));
  let taken = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) taken = false;
    } else if (matchesGlob(path, pattern)) {
      taken = true;
    }
  }
  return taken;
}

describe('the installers’ configuration (electron-builder, loaded and validated as it would load it)', () => {
  it('lives in electron-builder.yml alone, not also in package.json', () => {
    expect(packageJson.build).toBeUndefined();
    expect(config.appId).toBe('cn.courtyard-council.app');
    expect(config.productName).toBe('院落议事');
  });

  it('builds an NSIS installer for Windows x64, and deb and AppImage for Linux x64 and arm64', () => {
    expect(targetsOf('win')).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(targetsOf('linux')).toEqual([
      { target: 'deb', arch: ['arm64', 'x64'] },
      { target: 'AppImage', arch: ['arm64', 'x64'] },
    ]);
  });

  it('packs the built app and the migrations the host reads at start, and no sources', () => {
    const migrations = readdirSync(join(projectDir, 'src-main/host/db/migrations'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(projectDir.length + 1).replaceAll('\\', '/'));
    expect(migrations).toContain('src-main/host/db/migrations/meta/_journal.json');
    for (const file of ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html', 'package.json', ...migrations]) {
      expect(packaged(file), file).toBe(true);
    }
    for (const file of ['src-main/index.ts', 'src-renderer/index.html', 'out/web/index.html', 'tests/unit/packaging.test.ts', 'README.md', 'electron-builder.yml']) {
      expect(packaged(file), file).toBe(false);
    }
    // index.ts finds them where the files keep them: under the app's own folder (app.getAppPath()).
    const index = readFileSync(join(projectDir, 'src-main/index.ts'), 'utf8');
    expect(index).toContain("join(app.getAppPath(), 'src-main/host/db/migrations')");
    expect(index).toContain("join(app.getAppPath(), 'out/renderer')");
  });

  it('builds package.json’s version into the main process: the packed app has no package.json three folders above out/main to read', async () => {
    // The host's version module bundled as electron-vite bundles the main process (Node, ES module).
    const built = (await build({
      configFile: false,
      logLevel: 'silent',
      build: { ssr: join(projectDir, 'src-main/host/core/version.ts'), write: false, minify: false },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const code = [built].flat()[0]!.output[0].code;
    // Nothing is read at run time, nor imported from a file beside the bundle.
    expect(code).not.toMatch(/readFileSync|import\.meta\.url|from ["'][^"']*package\.json/);
    expect(code).toContain(JSON.stringify(packageJson.version));
  });

  it('has the app’s own icon where electron-builder looks (buildResources): a 512×512 PNG for Linux and a 256×256 .ico for Windows', () => {
    expect(config.directories?.buildResources).toBe('build');
    const png = PNG.sync.read(readFileSync(join(projectDir, 'build/icon.png')));
    expect([png.width, png.height]).toEqual([512, 512]);
    // An .ico holding one PNG image (Windows Vista and later): header, one directory entry (0 = 256 px), the PNG.
    const ico = readFileSync(join(projectDir, 'build/icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([0, 0]);
    const image = PNG.sync.read(ico.subarray(ico.readUInt32LE(18), ico.readUInt32LE(18) + ico.readUInt32LE(14)));
    expect([image.width, image.height]).toEqual([256, 256]);
  });

  it('rebuilds better-sqlite3 for Electron’s ABI and keeps its .node file outside the asar archive', () => {
    expect(config.npmRebuild).toBe(true);
    expect(config.asar).toBe(true);
    const unpack = [config.asarUnpack ?? []].flat();
    expect(unpack.some((pattern) => matchesGlob('node_modules/better-sqlite3/build/Release/better_sqlite3.node', pattern))).toBe(true);
    expect(unpack.some((pattern) => matchesGlob('node_modules/better-sqlite3/lib/database.js', pattern))).toBe(false);
  });

  it('sets the fuses in its afterPack hook', () => {
    expect(config.afterPack).toBe('./scripts/after-pack.mjs');
    // Set once, in the hook: electron-builder's own electronFuses would flip them a second time.
    expect(config.electronFuses ?? null).toBeNull();
  });
});

describe('the afterPack hook’s fuses', () => {
  it('turns off running as Node, NODE_OPTIONS and the inspector; turns on cookie encryption, ASAR integrity and ASAR only', () => {
    expect(fuseConfiguration()).toEqual({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    });
  });

  it('hands exactly that configuration to electron-builder’s fuse flipper for the packed executable', async () => {
    const flipped: unknown[] = [];
    const context = {
      appOutDir: '/tmp/linux-unpacked',
      electronPlatformName: 'linux',
      packager: { addElectronFuses: (given: unknown, fuses: unknown) => void flipped.push({ given, fuses }) },
    };
    await afterPack(context);
    expect(flipped).toEqual([{ given: context, fuses: fuseConfiguration() }]);
  });
});

describe('npm scripts', () => {
  /** Every command a script runs, following `npm run X` into the scripts it names. */
  function commandsOf(name: string, seen = new Set<string>()): string[] {
    if (seen.has(name)) return [];
    seen.add(name);
    const script = packageJson.scripts[name] ?? '';
    const nested = [...script.matchAll(/npm run ([\w:-]+)/g)].flatMap((match) => commandsOf(match[1]!, seen));
    return [script, ...nested];
  }

  it('builds the installers with npm run dist, dist:win and dist:linux after building the app', () => {
    expect(packageJson.scripts.dist).toMatch(/^npm run build:desktop && electron-builder$/);
    expect(packageJson.scripts['dist:win']).toMatch(/^npm run build:desktop && electron-builder --win$/);
    expect(packageJson.scripts['dist:linux']).toMatch(/^npm run build:desktop && electron-builder --linux$/);
  });

  it('never runs electron-builder from npm start, npm test or an install', () => {
    for (const name of ['start', 'test', 'preinstall', 'install', 'postinstall', 'prepare']) {
      for (const command of commandsOf(name)) expect(command, name).not.toMatch(/electron-builder/);
    }
    expect(readFileSync(join(projectDir, 'scripts/start.mjs'), 'utf8')).not.toMatch(/electron-builder/);
  });
});
