// Types of scripts/build.js (plain JavaScript: it runs where TypeScript is not installed).
export const ROOT: string;
export const DIST: string;
export function sourceHash(root?: string): string;
export function staleness(root?: string, dist?: string): string | undefined;
interface BuildOptions {
  root?: string;
  out?: string;
  log?: (message: string) => void;
}
export function build(options?: BuildOptions): Promise<string>;
export function ensureBuilt(options?: Omit<BuildOptions, 'out'>): Promise<string>;
