/**
 * Running the real `astro build` from tests: on the project's own `seeds/`, or
 * on a corpus of fixture files written to `tests/.build/<name>/seeds`, each
 * with its own output folder and cache so builds never see each other's data.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));
const astroBin = `${root}node_modules/astro/bin/astro.mjs`;

/** What a build printed and left. */
export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Absolute path of the output folder. */
  outDir: string;
  /** The seeds folder as the build named it (relative to the project root). */
  seedsDir: string;
}

/**
 * The environment of a build, server or command a test starts: the machine's,
 * without the variables Vitest sets in its own process (NODE_ENV=test, and
 * its `import.meta.env` copied into process.env: MODE, DEV=1, PROD, SSR,
 * BASE_URL, TEST). Inherited, they make Vite (and so Astro) build for
 * development (`import.meta.env.DEV`): the tests must see the production
 * build that `npm run build` makes.
 */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'TEST']);
export function commandEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const own = Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !VITEST_VARIABLES.has(k));
  return { ...Object.fromEntries(own), ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

/** Build the site from `seeds` (relative to the project root) into `outDir`. */
export function runBuild(seedsDir: string, outDir: string, env: Record<string, string> = {}): Promise<BuildResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [astroBin, 'build'],
      {
        cwd: root,
        env: commandEnv({ SEEDS_DIR: seedsDir, OUT_DIR: outDir, ...env }),
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr, outDir: `${root}${outDir}`, seedsDir });
      },
    );
  });
}

/** Write `files` as a fresh seeds folder under `tests/.build/<name>/` and build it there. */
export async function buildCorpus(name: string, files: Record<string, string | Uint8Array>, env: Record<string, string> = {}): Promise<BuildResult> {
  const base = `tests/.build/${name}`;
  rmSync(`${root}${base}`, { recursive: true, force: true });
  mkdirSync(`${root}${base}/seeds`, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(`${root}${base}/seeds/${file}`, content);
  return runBuild(`${base}/seeds`, `${base}/dist`, { ASTRO_CACHE_DIR: `${base}/cache`, ...env });
}
