/**
 * When a whole site is built in one build, the build says how large it is
 * and which static hosts take it (src/lib/publish/hosts.ts). Not a shard,
 * which is part of a site, nor an assembled one: a site built in shards is
 * beyond the page hosts (100,000 documents are 7 GB), and measuring its
 * million files would take a minute of the assemble step.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { settings } from '../config/settings.ts';
import { hostReport, type SiteSize } from '../lib/publish/hosts.ts';
import { VOICE_LIST } from '../lib/seed/document.ts';

/**
 * Count a built site's files, folders and bytes, its largest file, its focus views' pages
 * (`/<slug>/statement/index.html`) and the folders that hold nothing else, and whether it has `_redirects`.
 * Synchronously: a file's size is one system call, which the asynchronous API would make five times slower
 * (10,000 documents: 2 s, not 12).
 */
export function measureSite(root: string): SiteSize {
  const site: SiteSize = {
    bytes: 0,
    files: 0,
    folders: 0,
    largest: { path: '', bytes: -1 },
    focusViewPages: 0,
    focusViewFolders: 0,
    rulesFile: existsSync(join(root, '_redirects')),
  };
  const views = new Set<string>(VOICE_LIST);
  const walk = (dir: string, depth: number): void => {
    const entries = readdirSync(dir, { withFileTypes: true });
    const focusView = depth === 2 && views.has(basename(dir)) && entries.some((e) => e.name === 'index.html');
    if (focusView) site.focusViewPages++;
    if (focusView && entries.length === 1) site.focusViewFolders++;
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        site.folders++;
        walk(path, depth + 1);
        continue;
      }
      const { size } = statSync(path);
      site.files++;
      site.bytes += size;
      if (size > site.largest.bytes) site.largest = { path: relative(root, path), bytes: size };
    }
  };
  walk(root, 0);
  return site;
}

/** Log the site's size and the hosts that take it, once a whole site is built. */
export function siteSizeIntegration(): AstroIntegration {
  return {
    name: 'annotated-reader:site-size',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const { shard, assembleShards } = settings();
        if (shard || assembleShards.length) return;
        for (const line of hostReport(measureSite(fileURLToPath(dir)))) logger.info(line);
      },
    },
  };
}
