/**
 * Every environment variable the site reads, declared once: its name, what
 * it accepts, its default and how it is read. Nothing else in the project
 * reads `process.env` for a setting; the config, the content loader, the
 * pages, the build worker and `npm run check:seeds` all go through
 * {@link readSettings} (src/data/settings.ts reads the process's
 * environment once). A bad value is one line naming the variable, the value
 * and what it accepts. A test keeps the README's table of settings in step
 * with {@link SETTINGS}.
 *
 * (Astro's `astro:env` validates only inside Astro's own modules; the build
 * worker and the seeds check run outside them, so the declarations live
 * here, in plain TypeScript, for all of them.)
 */
import { parseShard, type Shard } from './shard.ts';

/** The site's settings, read and validated. */
export interface Settings {
  siteUrl: string;
  seedsDir: string;
  outDir: string;
  cacheDir: string;
  pageSize: number;
  shard: Shard | undefined;
  assembleShards: string[];
  cards: number;
  cardCacheDir: string;
  extraIndexes: string[];
  historyRequired: boolean;
}

/** One environment variable. */
export interface Setting<K extends keyof Settings = keyof Settings> {
  name: string;
  key: K;
  /** What it accepts, as the error and the README say it. */
  accepts: string;
  /** The default, as the README shows it. */
  defaultText: string;
  /** What it does, for the README. */
  does: string;
  /** Its value; throws when the value is not accepted (the error names the variable and {@link accepts}). */
  read(value: string | undefined): Settings[K];
}

/** Separates the folders of `ASSEMBLE_SHARDS` (POSIX's path delimiter). */
export const PATH_DELIMITER = ':';

function path(defaultPath: string) {
  return (value: string | undefined) => {
    if (value === undefined || value.trim() === '') return defaultPath;
    if (/[\0\n]/u.test(value)) throw new Error();
    return value;
  };
}

/** The address a build uses when SITE_URL is not set: right for `astro dev` and local previews, wrong anywhere else. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

function setting<K extends keyof Settings>(s: Setting<K>): Setting<K> {
  return s;
}

/** Every setting, in the README's order. */
export const SETTINGS = [
  setting({
    name: 'SITE_URL',
    key: 'siteUrl',
    accepts: 'an http(s) address, like https://reader.example/',
    defaultText: DEFAULT_SITE_URL,
    does: 'the deployed address, for canonical links and printed addresses',
    read(value) {
      if (value === undefined || value === '') return DEFAULT_SITE_URL;
      if (!URL.canParse(value) || !/^https?:$/u.test(new URL(value).protocol)) throw new Error();
      return value;
    },
  }),
  setting({
    name: 'SEEDS_DIR',
    key: 'seedsDir',
    accepts: 'a folder, relative to the project',
    defaultText: 'seeds',
    does: 'the folder of seeds, relative to the project',
    read: (value) => path('seeds')(value).replace(/\/+$/u, ''),
  }),
  setting({
    name: 'PAGE_SIZE',
    key: 'pageSize',
    accepts: 'a whole number from 1 to 1000',
    defaultText: '20',
    does: 'documents per page of the document list',
    read(value) {
      if (value === undefined || value === '') return 20;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error();
      return n;
    },
  }),
  setting({
    name: 'OUT_DIR',
    key: 'outDir',
    accepts: 'a folder',
    defaultText: './dist',
    does: 'where the build writes the site',
    read: path('./dist'),
  }),
  setting({
    name: 'SHARD',
    key: 'shard',
    accepts: 'k/n with 1 ≤ k ≤ n, like 3/10',
    defaultText: '(all)',
    does: '`k/n`: build shard k of n only (see [Corpora larger than one build](#corpora-larger-than-one-build))',
    read(value) {
      return parseShard(value);
    },
  }),
  setting({
    name: 'ASSEMBLE_SHARDS',
    key: 'assembleShards',
    accepts: 'shard output folders, separated by :',
    defaultText: '(none)',
    does: 'set by `npm run assemble`: the shard builds this build assembles',
    read: (value) => (value ?? '').split(PATH_DELIMITER).filter(Boolean),
  }),
  setting({
    name: 'CARDS',
    key: 'cards',
    accepts: 'a whole number, or all',
    defaultText: '1000',
    does: 'how many of the newest documents get a preview image: a number, or `all`',
    read(value) {
      // The newest 1,000 by default: cards cost build time, and old documents are rarely shared.
      if (value === undefined || value === '') return 1000;
      if (value === 'all') return Infinity;
      const n = Number(value);
      if (!/^\d+$/u.test(value.trim()) || !Number.isSafeInteger(n)) throw new Error();
      return n;
    },
  }),
  setting({
    name: 'CARD_CACHE_DIR',
    key: 'cardCacheDir',
    accepts: 'a folder',
    defaultText: 'node_modules/.cache/reader-cards',
    does: 'where preview images are cached by content between builds',
    read: path('node_modules/.cache/reader-cards'),
  }),
  setting({
    name: 'ASTRO_CACHE_DIR',
    key: 'cacheDir',
    accepts: 'a folder',
    defaultText: './node_modules/.astro',
    does: "Astro's cache, which also holds the loader's `entries.jsonl`",
    read: path('./node_modules/.astro'),
  }),
  setting({
    name: 'EXTRA_INDEXES',
    key: 'extraIndexes',
    accepts: 'space-separated addresses, each starting with / or http(s)://',
    defaultText: '(none)',
    does: 'space-separated addresses of other Pagefind indexes every search merges',
    read(value) {
      const list = (value ?? '').split(/\s+/u).filter(Boolean);
      if (list.some((a) => !/^(\/|https?:\/\/)/u.test(a))) throw new Error();
      return list;
    },
  }),
  setting({
    name: 'HISTORY',
    key: 'historyRequired',
    accepts: 'optional or required',
    defaultText: 'optional',
    does: '`required`: stop the build when the seeds have no git history (not a repository, a shallow clone) instead of building each text as one version',
    read(value) {
      if (value === undefined || value === '' || value === 'optional') return false;
      if (value === 'required') return true;
      throw new Error();
    },
  }),
] as const satisfies readonly Setting[];

/** Bad settings: one line each, naming the variable, its value and what it accepts. */
export class SettingsError extends Error {
  readonly lines: string[];
  constructor(lines: string[]) {
    super(lines.join('\n'));
    this.lines = lines;
  }
}

/** The settings from an environment; throws a {@link SettingsError} listing every bad variable. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const out: Partial<Record<keyof Settings, unknown>> = {};
  const bad: string[] = [];
  for (const s of SETTINGS as readonly Setting[]) {
    const value = env[s.name];
    try {
      out[s.key] = s.read(value);
    } catch {
      bad.push(`${s.name}=${JSON.stringify(value)} is not accepted: it takes ${s.accepts}`);
    }
  }
  if (bad.length) throw new SettingsError(bad);
  return out as Settings;
}
