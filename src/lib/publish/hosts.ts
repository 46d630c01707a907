/**
 * Which static hosts take a built site, from its size: the limits the hosts
 * publish, and the lines a build prints about them, so a publisher learns
 * that a site is too large for a host (or close to it) when it is built, not
 * when a deployment fails. Netlify and S3-compatible buckets publish no limit
 * a site of this kind meets, so they are not listed.
 */
import { countOf } from '../common/counts.ts';

/** What a built site holds. */
export interface SiteSize {
  bytes: number;
  files: number;
  folders: number;
  /** The largest file: its path in the site and its size. */
  largest: { path: string; bytes: number };
  /** Files that `HOST_REDIRECTS=rules` would write as redirect rules instead: the focus views' pages. */
  focusViewPages: number;
  /** Folders that hold a focus view's page and nothing else, which go with it. */
  focusViewFolders: number;
  /** Whether the site has a `_redirects` file (the rules would add one when it has not). */
  rulesFile: boolean;
}

/** A host's limits, as it publishes them; a limit not given does not apply. */
export interface HostLimit {
  host: string;
  bytes?: number;
  files?: number;
  /** Files and folders together (GitLab Pages counts every entry of the site's archive). */
  entries?: number;
  /** The size of one file. */
  fileBytes?: number;
  /** Whether it reads `_redirects` with placeholders, so that `HOST_REDIRECTS=rules` is an answer there. */
  readsRules: boolean;
}

const GB = 1_000_000_000;
const MiB = 1024 * 1024;

/**
 * The hosts' published limits (checked on 3 December 2026): GitHub Pages, a published site of at most 1 GB
 * (docs.github.com, "GitHub Pages limits"); GitLab Pages on GitLab.com, 1 GB and 200,000 entries, folders
 * included (gitlab.com/gitlab-org/gitlab issue 500273); Cloudflare Pages, 20,000 files on the free plan and
 * 100,000 on paid plans, each file at most 25 MiB (developers.cloudflare.com, Pages limits and its changelog
 * of 23 January 2026). "1 GB" is read as 10⁹ bytes, the smaller reading. GitLab Pages and Cloudflare Pages
 * read `_redirects` with placeholders (docs.gitlab.com, "GitLab Pages redirects"); GitHub Pages reads none.
 */
export const HOST_LIMITS: readonly HostLimit[] = [
  { host: 'GitHub Pages', bytes: GB, readsRules: false },
  { host: 'GitLab Pages', bytes: GB, entries: 200_000, readsRules: true },
  { host: "Cloudflare Pages' free plan", files: 20_000, fileBytes: 25 * MiB, readsRules: true },
  { host: "Cloudflare Pages' paid plans", files: 100_000, fileBytes: 25 * MiB, readsRules: true },
];

/** At this share of a limit or more, a site fits but is said to be close to it; below it, it is well within. */
export const CLOSE_TO_LIMIT = 0.9;

const number = (n: number) => n.toLocaleString('en');
const size = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

/** Each limit of `limit` that `site` is measured against: the site's figure, the limit, and both said. */
function measures(limit: HostLimit, site: Pick<SiteSize, 'bytes' | 'files' | 'folders' | 'largest'>): { value: number; max: number; text: string }[] {
  const of = (value: number, max: number, unit: string) => ({ value, max, text: `${number(value)} ${unit}, of ${number(max)}` });
  return [
    limit.bytes === undefined ? undefined : { value: site.bytes, max: limit.bytes, text: `${size(site.bytes)}, of ${limit.bytes / GB} GB` },
    limit.files === undefined ? undefined : of(site.files, limit.files, 'files'),
    limit.entries === undefined ? undefined : of(site.files + site.folders, limit.entries, 'files and folders'),
    limit.fileBytes === undefined
      ? undefined
      : { value: site.largest.bytes, max: limit.fileBytes, text: `a file of ${size(site.largest.bytes)}, of ${size(limit.fileBytes)}` },
  ].filter((m) => m !== undefined);
}

/**
 * The site as `HOST_REDIRECTS=rules` would build it: without the focus views' pages and the folders that hold
 * only them, and with a `_redirects` file. A site built so already has no focus views' pages: it is itself.
 */
export function withRules(site: SiteSize): SiteSize {
  if (!site.focusViewPages) return site;
  return {
    ...site,
    files: site.files - site.focusViewPages + (site.rulesFile ? 0 : 1),
    folders: site.folders - site.focusViewFolders,
    focusViewPages: 0,
    focusViewFolders: 0,
    rulesFile: true,
  };
}

/**
 * What a build says of its site: its size; which hosts take it, and how close it comes to their limits; which
 * it is too large for; and, when `HOST_REDIRECTS=rules` would take it well within the limits of a host that
 * reads redirect rules, which it is too large for or close to, what that setting would leave.
 */
export function hostReport(site: SiteSize): string[] {
  const lines = [
    `the site: ${size(site.bytes)} in ${countOf(site.files, 'file')} and ${countOf(site.folders, 'folder')}; its largest file ${site.largest.path}, ${size(site.largest.bytes)}`,
  ];
  const ruled = withRules(site);
  const fits: string[] = [];
  const over: string[] = [];
  let rulesHelp = false;
  for (const limit of HOST_LIMITS) {
    const ms = measures(limit, site);
    const beyond = ms.filter((m) => m.value > m.max);
    const close = ms.filter((m) => m.value <= m.max && m.value >= m.max * CLOSE_TO_LIMIT);
    const said = (list: typeof ms) => list.map((m) => m.text).join('; ');
    if (beyond.length) over.push(`${limit.host} (${said(beyond)} at most)`);
    else fits.push(close.length ? `${limit.host} (close to its limits: ${said(close)})` : limit.host);
    // The rules help where they take the site from over or close to a limit to well within.
    const wellWithin = measures(limit, ruled).every((m) => m.value < m.max * CLOSE_TO_LIMIT);
    if (ruled !== site && limit.readsRules && (beyond.length || close.length) && wellWithin) rulesHelp = true;
  }
  if (fits.length) lines.push(`it fits ${fits.join(', ')}`);
  if (over.length) lines.push(`it is too large for ${over.join(', ')}`);
  if (rulesHelp) {
    lines.push(
      `on a host that reads _redirects (Cloudflare Pages, GitLab Pages, Netlify), build with HOST_REDIRECTS=rules: the focus views become four redirect rules, and the site would have ${countOf(ruled.files, 'file')}`,
    );
  }
  return lines;
}
