/**
 * When a whole site is built in one build, the build says how large it is
 * and which static hosts take it (src/lib/publish/hosts.ts). Not a shard,
 * which is part of a site, nor an assembled one: a site built in shards is
 * beyond the page hosts (100,000 documents are 7 GB), and measuring its
 * million files would take a minute of the assemble step.
 */
import { existsSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { settings } from '../config/settings.ts';
import { hostReport, type SiteSize } from '../lib/publish/hosts.ts';
import { VOICE_LIST } from '../lib/seed/document.ts';
import { walkFolder } from './folder-walk.ts';

/**
 * Count a built site's files, folders and bytes, its largest file, its focus views' pages
 * (`/<slug>/statement/index.html`) and the folders that hold nothing else, and whether it has `_redirects`.
 * Synchronously (see walkFolder; 10,000 documents: 2 s, not 12).
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
  for (const item of walkFolder(root)) {
    if ('folder' in item) {
      const { folder, depth, entries } = item;
      if (depth > 0) site.folders++;
      const focusView = depth === 2 && views.has(basename(folder)) && entries.some((e) => e.name === 'index.html');
      if (focusView) site.focusViewPages++;
      if (focusView && entries.length === 1) site.focusViewFolders++;
      continue;
    }
    const { size } = statSync(item.file);
    site.files++;
    site.bytes += size;
    if (size > site.largest.bytes) site.largest = { path: relative(root, item.file), bytes: size };
  }
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
