/**
 * Writes `dist/_headers` (the format Netlify and Cloudflare Pages read) with
 * the same Content-Security-Policy the pages carry in their `<meta>` tag —
 * the union of every page's script and style hashes — and a few headers a
 * `<meta>` tag cannot set.
 */
import { open, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const META = /<meta http-equiv="content-security-policy" content="([^"]+)"/u;

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** The CSP meta of a page: it is in the head, so the first 16 KB hold it. */
async function pagePolicy(path: string): Promise<string | undefined> {
  const file = await open(path);
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(16_384), 0, 16_384, 0);
    return META.exec(buffer.subarray(0, bytesRead).toString('utf8'))?.[1];
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

/** The Astro integration that writes `_headers` after the build. */
export function headersIntegration(): AstroIntegration {
  return {
    name: 'annotated-reader:headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const policies = new Set<string>();
        for await (const path of htmlFiles(root)) {
          const policy = await pagePolicy(path);
          if (policy) policies.add(policy);
        }
        const csp = mergePolicies(policies);
        const lines = [
          '/*',
          `  Content-Security-Policy: ${csp}; frame-ancestors 'none'`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          '/_astro/*',
          '  Cache-Control: public, max-age=31536000, immutable',
          '',
        ];
        await writeFile(join(root, '_headers'), lines.join('\n'));
        logger.info(`_headers written from ${policies.size} distinct page policies`);
      },
    },
  };
}
