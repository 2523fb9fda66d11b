export interface FileReader {
  existsSync(path: string): boolean;
  readFileSync(path: string, encoding: 'utf8'): string;
}

export type Environment = Record<string, string | undefined>;

export type StartDecision =
  | { desktop: true; binary: string }
  | { desktop: false; reason: 'no-electron-binary' | 'no-display' };

export function electronPackageDir(): string;
export function electronBinaryPath(options: { electronDir: string; env: Environment; fs: FileReader }): string | null;
export function hasDisplay(env: Environment, platform: string): boolean;
export function desktopAvailable(options?: {
  env?: Environment;
  platform?: string;
  electronDir?: string;
  fs?: FileReader;
}): StartDecision;
