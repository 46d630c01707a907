// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeSlug from 'rehype-slug';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  // The deployed address; used for absolute links (copy link, print, canonical).
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Tests build fixture corpora side by side: each with its own output and cache.
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  devToolbar: { enabled: false },
  server: { port: 4321 },
  // Markdown is only the site's own pages (about); seed text is never Markdown.
  markdown: { processor: unified({ remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSlug] }) },
});
