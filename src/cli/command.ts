/**
 * What every command-line entry point shares: a failure is one line on
 * standard error (`error: …`, or a problem's own `file:line: reason` lines)
 * and exit code 1, never a stack trace. Only the entry points in this folder
 * set the process's exit code; what they call throws.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ProblemError } from '../lib/common/problem.ts';

/** A failure a command reports as `error: <message>`. */
export class CommandError extends Error {}

/** Stop the command with `error: <message>`. */
export function fail(message: string): never {
  throw new CommandError(message);
}

/**
 * Run a command's `main`: a {@link CommandError} or a {@link ProblemError} it
 * throws is printed as its line(s) and sets exit code 1; anything else is a
 * bug, and is thrown on.
 */
export async function runCommand(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof CommandError) process.stderr.write(`error: ${error.message}\n`);
    else if (error instanceof ProblemError) process.stderr.write(`${error.message}\n`);
    else throw error;
    process.exitCode = 1;
  }
}

/** `node:util`'s `parseArgs` over this process's arguments; an unknown option or a missing value fails with `usage`. */
export function commandArgs<T extends ParseArgsConfig['options']>(options: T, usage: string) {
  try {
    return parseArgs({ args: process.argv.slice(2), options, allowPositionals: true, strict: true });
  } catch {
    return fail(`usage: ${usage}`);
  }
}
