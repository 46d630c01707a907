/**
 * Writes `dist/_headers` (the format Netlify and Cloudflare Pages read) with
 * the same Content-Security-Policy the pages carry in their `<meta>` tag —
 * the union of every page's script and style hashes — and a few headers a
 * `<meta>` tag cannot set.
 */
import { open, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { filesUnder } from './folder-walk.ts';

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/u;

/** The CSP meta of a page: it is early in the head, so the first 8 KB hold it (the whole page is read when they do not). */
async function pagePolicy(path: string): Promise<string | undefined> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(8192), 0, 8192, 0);
    const head = META.exec(buffer.subarray(0, bytesRead).toString('utf8'))?.[1];
    if (head || bytesRead < 8192) return head;
    return META.exec((await file.readFile()).toString('utf8'))?.[1];
  } finally {
    await file.close();
  }
}

/** Merge policies: each directive keeps the union of its sources, in first-seen order. */
export function mergePolicies(policies: Iterable<string>): string {
  const directives = new Map<string, Set<string>>();
  for (const policy of policies) {
    for (const part of policy.split(';')) {
      const [name, ...sources] = part.trim().split(/\s+/u);
      if (!name) continue;
      const set = directives.get(name) ?? new Set<string>();
      for (const s of sources) set.add(s);
      directives.set(name, set);
    }
  }
  return [...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

/** The Content-Security-Policy a `_headers` file sends, if any. */
export function headersPolicy(text: string): string | undefined {
  return /^\s+Content-Security-Policy: (.*?); frame-ancestors 'none'$/mu.exec(text)?.[1];
}

/** The `_headers` file for a site served under `base` (`/`, `/reader/`) whose pages carry `policies`. */
export function headersFile(policies: Iterable<string>, base: string): string {
  const csp = mergePolicies(policies);
  return [
    `${base}*`,
    `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  Referrer-Policy: strict-origin-when-cross-origin',
    `${base}_astro/*`,
    '  Cache-Control: public, max-age=31536000, immutable',
    '',
  ].join('\n');
}

/** The Astro integration that writes `_headers` after the build. */
export function headersIntegration(): AstroIntegration {
  let base = '/';
  return {
    name: 'annotated-reader:headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = new Set<string>();
        // Read 64 pages at a time: a large corpus has tens of thousands.
        let batch: Promise<string | undefined>[] = [];
        const drain = async () => {
          for (const policy of await Promise.all(batch)) if (policy) policies.add(policy);
          batch = [];
        };
        for (const path of filesUnder(root)) {
          if (!path.endsWith('.html')) continue;
          batch.push(pagePolicy(path));
          if (batch.length >= 64) await drain();
        }
        await drain();
        await writeFile(join(root, '_headers'), headersFile(policies, base));
        logger.info(`_headers written from ${policies.size} distinct page policies`);
      },
    },
  };
}
