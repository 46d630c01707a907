// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';
import { settings } from './src/config/settings.ts';
import { headersIntegration } from './src/integrations/headers.ts';
import { buildWorkerIntegration } from './src/integrations/build-worker.ts';
import { siteAddressIntegration } from './src/integrations/site-address.ts';
import { siteSizeIntegration } from './src/integrations/site-size.ts';

// Every environment variable, validated once (src/lib/corpus/environment.ts): a bad one stops here with its line.
const env = settings();

export default defineConfig({
  // The deployed address; used for absolute links (copy link, print, canonical).
  site: env.siteUrl,
  // The path the site is served under (BASE_PATH): every address the site writes starts with it.
  base: env.basePath,
  // Tests build fixture corpora side by side: each with its own output and cache.
  outDir: env.outDir,
  cacheDir: env.cacheDir,
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always', concurrency: 4 },
  devToolbar: { enabled: false },
  integrations: [
    siteAddressIntegration(),
    buildWorkerIntegration({
      shard: env.shard && `${env.shard.index}/${env.shard.count}`,
      assemble: env.assembleShards,
    }),
    headersIntegration(),
    // Last: the site is complete when it measures it.
    siteSizeIntegration(),
  ],
  // A Content-Security-Policy <meta> on every page: scripts and styles only
  // from this site or by hash (Astro hashes what it emits), nothing from
  // other origins. WebAssembly compilation is for the Pagefind search runtime.
  security: {
    csp: {
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  server: { port: 4321 },
  // The dev server watches the project for changes: not build output, caches and the benchmark's
  // corpora (hundreds of thousands of files), which would cost it gigabytes and minutes.
  vite: {
    // Scripts stay files of their own, cached once for every page, not inlined into each page's HTML.
    build: { assetsInlineLimit: 0 },
    // Code that pages load on use is imported as `…?worker&url` (see src/scripts/lazy.ts): an ES module
    // of its own, in _astro/ with Astro's other assets (cached for a year: their names change with their content).
    worker: { format: 'es', rolldownOptions: { output: { entryFileNames: '_astro/[name].[hash].js', chunkFileNames: '_astro/[name].[hash].js' } } },
    server: {
      watch: {
        ignored: (path) => /\/(node_modules|dist|bench\/\.work|tests\/artifacts|tests\/\.build\/[^/]+\/(dist|cache))(\/|$)/u.test(path),
      },
    },
  },
  // Markdown is only the site's own pages (about); seed text is never Markdown.
  markdown: {
    processor: unified({ remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }),
    // No code highlighting: Shiki's inline styles would need 'unsafe-inline' in the CSP.
    syntaxHighlight: false,
  },
});
