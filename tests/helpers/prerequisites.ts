/**
 * The system tools the tests need besides npm's packages, as .ci/system-packages lists them (Debian's package, and
 * the command it provides); .ci/run installs the same list. A test that lacks one fails with the one line that
 * installs them all: tests never pass by skipping.
 */
import { accessSync, constants, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { root } from './build.ts';

const packages = readFileSync(`${root}.ci/system-packages`, 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .map((line) => {
    const [name, command] = line.trim().split(/\s+/u);
    return { name: name!, command: command! };
  });

/** The line that installs every system tool the tests need (Debian). */
export const INSTALL_LINE = `apt-get install -y ${packages.map((p) => p.name).join(' ')}`;

const executable = (path: string) => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/**
 * The path of `command` (one that .ci/system-packages lists): `at` when given (a binary named by a variable, such as
 * CHROMIUM_PATH), else the first on PATH. Missing, it throws an error that says how to install it.
 */
export function requireTool(command: string, at?: { path: string; variable: string }): string {
  const known = packages.find((p) => p.command === command);
  if (!known) throw new Error(`${command} is not in .ci/system-packages: list it there with its Debian package`);
  const found = at
    ? executable(at.path)
      ? at.path
      : undefined
    : (process.env.PATH ?? '')
        .split(delimiter)
        .map((dir) => join(dir, command))
        .find(executable);
  if (found) return found;
  const where = at ? ` at ${at.path} (or set ${at.variable} to another)` : ' on PATH';
  throw new Error(`${command} not found${where}: the tests need Debian's ${packages.map((p) => p.name).join(', ')}. Install them with "${INSTALL_LINE}".`);
}
