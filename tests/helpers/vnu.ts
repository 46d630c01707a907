/**
 * The Nu Html Checker (vnu, the W3C validator: `vnu-jar` on npm, run with
 * Java) over many pages in one run. Starting the JVM and loading the HTML
 * schema cost about 5 s, a page about 20 ms: so one run for every page, not
 * one a page. Java's quick compiler alone (TieredStopAtLevel=1) halves a
 * run of a hundred pages (14 → 7 s); it needs a larger thread stack than
 * the default for the schema's recursion (-Xss).
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { requireTool } from './prerequisites.ts';

const jar = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

/** One message of vnu's JSON report (`--format json`). */
interface VnuMessage {
  type: 'error' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

/** A message vnu reported on a page. */
export interface VnuProblem {
  /** The page's absolute path. */
  file: string;
  line: number | undefined;
  /** `error`, `fatal` (vnu stops reading the page there) or `io` (the page could not be read). */
  severity: 'error' | 'fatal' | 'io';
  message: string;
}

/** vnu's errors on `files` (absolute paths); its warnings are left out. Java not being there fails with the line that installs it. */
export function vnu(files: readonly string[]): Promise<VnuProblem[]> {
  return new Promise((resolve, reject) => {
    execFile(
      requireTool('java'), // thrown here, it rejects the promise
      ['-Xss4m', '-XX:TieredStopAtLevel=1', '-jar', jar, '--format', 'json', '--errors-only', ...files],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        // vnu exits 1 when it finds an error: only a report it did not write is a failure here.
        let report: { messages: VnuMessage[] };
        try {
          report = JSON.parse(stderr) as { messages: VnuMessage[] };
        } catch {
          reject(new Error(`vnu wrote no report: ${error?.message ?? ''}\n${stderr.slice(0, 2000)}`));
          return;
        }
        resolve(
          report.messages.map((m) => ({
            file: m.url ? decodeURIComponent(new URL(m.url).pathname) : '(vnu)',
            line: m.lastLine,
            severity: m.type === 'non-document-error' ? 'io' : m.subType === 'fatal' ? 'fatal' : 'error',
            message: m.message,
          })),
        );
      },
    );
  });
}
