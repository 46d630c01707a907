/**
 * Every environment variable the site reads, declared once: its name, what
 * it accepts, its default and how it is read. Nothing else in the project
 * reads `process.env` for a setting; the config, the content loader, the
 * pages, the build worker and `npm run check:seeds` all go through
 * {@link readSettings} (src/config/settings.ts reads the process's
 * environment once). A bad value is one line naming the variable, the value
 * and what it accepts (a {@link ProblemError}, as any problem in the site's
 * input). A test keeps the table of settings in docs/settings.md in step
 * with {@link SETTINGS}.
 *
 * (Astro's `astro:env` validates only inside Astro's own modules; the build
 * worker and the seeds check run outside them, so the declarations live
 * here, in plain TypeScript, for all of them.)
 */
import { ProblemError, type Problem } from '../common/problem.ts';
import { parseShard, type Shard } from './shard.ts';

/** The site's settings, read and validated. */
export interface Settings {
  siteUrl: string;
  basePath: string;
  seedsDir: string;
  outDir: string;
  cacheDir: string;
  pageSize: number;
  shard: Shard | undefined;
  assembleShards: string[];
  cards: number;
  cardCacheDir: string;
  extraIndexes: string[];
  searchCapBytes: number | undefined;
  historyRequired: boolean;
  focusViewRules: boolean;
  sourceDateEpoch: number | undefined;
}

/** One environment variable. */
export interface Setting<K extends keyof Settings = keyof Settings> {
  name: string;
  key: K;
  /** What it accepts, as the error and docs/settings.md say it. */
  accepts: string;
  /** Its value when the variable is unset or blank. */
  fallback: Settings[K];
  /** The default, as docs/settings.md shows it (from {@link fallback}). */
  defaultText: string;
  /** What it does, for docs/settings.md (its links are relative to docs/). */
  does: string;
  /** The value of a variable that is set; throws when it is not accepted (the error names the variable and {@link accepts}). */
  parse(value: string): Settings[K];
}

/** Separates the folders of `ASSEMBLE_SHARDS` (POSIX's path delimiter). */
export const PATH_DELIMITER = ':';

/** Where the site is served when `SITE_URL` is not set: `npm start`'s and `npm run dev`'s address. */
export const DEFAULT_SITE_URL = 'http://localhost:4321';

function folder(value: string): string {
  if (/[\0\n]/u.test(value)) throw new Error();
  return value;
}

/** A whole number written in digits (white space around them aside), as large as is exact; throws otherwise. */
function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^\d+$/u.test(value.trim()) || !Number.isSafeInteger(n)) throw new Error();
  return n;
}

/** A setting of two words, off (the default) and on: its `accepts`, `fallback`, `defaultText` and `parse`. */
function switchOf(off: string, on: string) {
  return {
    accepts: `${off} or ${on}`,
    fallback: false,
    defaultText: off,
    parse(value: string): boolean {
      if (value === off) return false;
      if (value === on) return true;
      throw new Error();
    },
  };
}

/**
 * A declaration; its default in docs/settings.md is the fallback, written once: `(all)` for no shard, `(none)` for an empty list
 * (`defaultText` names a fallback that is not a value to type, such as `optional` for false).
 */
function setting<K extends keyof Settings>(s: Omit<Setting<K>, 'defaultText'> & { defaultText?: string }): Setting<K> {
  const fallback = s.fallback as string | number | undefined | readonly unknown[];
  const defaultText = s.defaultText ?? (fallback === undefined ? '(all)' : Array.isArray(fallback) ? '(none)' : String(fallback));
  return { ...s, defaultText };
}

/** Every setting, in the order of docs/settings.md. */
export const SETTINGS = [
  setting({
    name: 'SITE_URL',
    key: 'siteUrl',
    accepts: 'an http(s) address, like https://reader.example/',
    fallback: DEFAULT_SITE_URL,
    does: 'the deployed address, for canonical links and printed addresses',
    parse(value) {
      if (!URL.canParse(value) || !/^https?:$/u.test(new URL(value).protocol)) throw new Error();
      return value;
    },
  }),
  setting({
    name: 'BASE_PATH',
    key: 'basePath',
    accepts: 'a path like /reader/ (letters, digits, - _ . ~ between slashes)',
    fallback: '/',
    does: 'the path the site is served under, e.g. `/<repository>/` for a GitHub Pages project site; every address starts with it',
    parse(value) {
      const path = `/${value.trim().replace(/^\/+|\/+$/gu, '')}/`.replace(/^\/\/$/u, '/');
      if (!/^\/([\w.~-]+\/)*$/u.test(path) || /\/\.\.?\//u.test(path)) throw new Error();
      return path;
    },
  }),
  setting({
    name: 'SEEDS_DIR',
    key: 'seedsDir',
    accepts: 'a folder, relative to the project',
    fallback: 'seeds',
    does: 'the folder of seeds, relative to the project',
    parse: (value) => folder(value).replace(/\/+$/u, ''),
  }),
  setting({
    name: 'PAGE_SIZE',
    key: 'pageSize',
    accepts: 'a whole number from 1 to 1000',
    fallback: 20,
    does: 'documents per page of the document list',
    parse(value) {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error();
      return n;
    },
  }),
  setting({
    name: 'OUT_DIR',
    key: 'outDir',
    accepts: 'a folder',
    fallback: './dist',
    does: 'where the build writes the site',
    parse: folder,
  }),
  setting({
    name: 'SHARD',
    key: 'shard',
    accepts: 'k/n with 1 ≤ k ≤ n, like 3/10',
    fallback: undefined,
    does: '`k/n`: build shard k of n only (see [Corpora larger than one build](publishing.md#corpora-larger-than-one-build))',
    parse: parseShard,
  }),
  setting({
    name: 'ASSEMBLE_SHARDS',
    key: 'assembleShards',
    accepts: 'shard output folders, separated by :',
    fallback: [],
    does: 'set by `npm run assemble`: the shard builds this build assembles',
    parse: (value) => value.split(PATH_DELIMITER).filter(Boolean),
  }),
  setting({
    name: 'CARDS',
    key: 'cards',
    accepts: 'a whole number, or all',
    // The newest 1,000 by default: cards cost build time, and old documents are rarely shared.
    fallback: 1000,
    does: 'how many of the newest documents get a preview image: a number, or `all`',
    parse: (value) => (value === 'all' ? Infinity : wholeNumber(value)),
  }),
  setting({
    name: 'CARD_CACHE_DIR',
    key: 'cardCacheDir',
    accepts: 'a folder',
    fallback: 'node_modules/.cache/reader-cards',
    does: 'where preview images are cached by content between builds',
    parse: folder,
  }),
  setting({
    name: 'ASTRO_CACHE_DIR',
    key: 'cacheDir',
    accepts: 'a folder',
    fallback: './node_modules/.astro',
    does: "Astro's cache, which also holds the loader's `entries.jsonl`",
    parse: folder,
  }),
  setting({
    name: 'EXTRA_INDEXES',
    key: 'extraIndexes',
    accepts: 'space-separated addresses, each starting with / or http(s)://',
    fallback: [],
    does: 'space-separated addresses of other Pagefind indexes every search merges',
    parse(value) {
      const list = value.split(/\s+/u).filter(Boolean);
      if (list.some((a) => !/^(\/|https?:\/\/)/u.test(a))) throw new Error();
      return list;
    },
  }),
  setting({
    name: 'SEARCH_CAP_BYTES',
    key: 'searchCapBytes',
    accepts: 'a whole number of bytes, none, or auto',
    fallback: undefined,
    defaultText: 'auto',
    does: 'in a search index built in parts, each word whose index entry is larger (before compression) is capped (see [Search](search.md)); `auto`: twice the index chunks’ size; `none`: no word',
    parse: (value) => (value === 'auto' ? undefined : value === 'none' ? Infinity : wholeNumber(value)),
  }),
  setting({
    name: 'HISTORY',
    key: 'historyRequired',
    ...switchOf('optional', 'required'),
    does: '`required`: stop the build when the seeds have no git history (not a repository, a shallow clone) instead of building each text as one version',
  }),
  setting({
    name: 'HOST_REDIRECTS',
    key: 'focusViewRules',
    ...switchOf('pages', 'rules'),
    does: '`rules`: for a host that reads `_redirects` with placeholders (Cloudflare Pages, GitLab Pages, Netlify), the focus views’ addresses are four rules there, not a small page each (see [Publishing](publishing.md#publishing))',
  }),
  setting({
    name: 'SOURCE_DATE_EPOCH',
    key: 'sourceDateEpoch',
    accepts: 'a whole number of seconds since 1970, up to 8640000000000',
    fallback: undefined,
    defaultText: '(none)',
    does: 'the time the feed gives an entry the seeds do not date, when no seed has a known date or commit (the [reproducible-builds](https://reproducible-builds.org/specs/source-date-epoch/) variable); never the build’s clock',
    parse(value) {
      // JavaScript's dates end at 8.64e15 ms.
      const n = wholeNumber(value);
      if (n > 8_640_000_000_000) throw new Error();
      return n;
    },
  }),
] as const satisfies readonly Setting[];

/** The settings from an environment; throws a {@link ProblemError} with one line for every bad variable. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const out: Partial<Record<keyof Settings, unknown>> = {};
  const bad: Problem[] = [];
  for (const s of SETTINGS as readonly Setting[]) {
    const value = env[s.name];
    try {
      out[s.key] = value === undefined || value.trim() === '' ? s.fallback : s.parse(value);
    } catch {
      bad.push({ message: `${s.name}=${JSON.stringify(value)} is not accepted: it takes ${s.accepts}` });
    }
  }
  const settings = out as Settings;
  // A site address with a path serves the site under that path: the addresses must start with it too.
  const sitePath = out.siteUrl === undefined ? '/' : new URL(settings.siteUrl).pathname.replace(/\/?$/u, '/');
  if (sitePath !== '/' && out.basePath !== undefined && sitePath !== settings.basePath) {
    bad.push({
      message: `SITE_URL=${JSON.stringify(settings.siteUrl)} has the path ${sitePath}, but BASE_PATH is ${settings.basePath}; set BASE_PATH=${sitePath}`,
    });
  }
  if (bad.length) throw new ProblemError(bad);
  return settings;
}
