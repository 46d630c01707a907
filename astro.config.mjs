// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { delimiter } from 'node:path';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { headersIntegration } from './src/integrations/headers.ts';
import { pagefindIntegration } from './src/integrations/pagefind.ts';

export default defineConfig({
  // The deployed address; used for absolute links (copy link, print, canonical).
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Tests build fixture corpora side by side: each with its own output and cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [
    pagefindIntegration({
      shard: process.env.SHARD,
      assemble: (process.env.ASSEMBLE_SHARDS ?? '').split(delimiter).filter(Boolean),
    }),
    headersIntegration(),
  ],
  // A Content-Security-Policy <meta> on every page: scripts and styles only
  // from this site or by hash (Astro hashes what it emits), nothing from
  // other origins. WebAssembly compilation is for the Pagefind search runtime.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  server: { port: 4321 },
  // Markdown is only the site's own pages (about); seed text is never Markdown.
  markdown: {
    processor: unified({ remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }),
    // No code highlighting: Shiki's inline styles would need 'unsafe-inline' in the CSP.
    syntaxHighlight: false,
  },
});
