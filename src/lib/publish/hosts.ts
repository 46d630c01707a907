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

/** At this share of a limit or more, a site fits but is said to be close to it. */
const CLOSE = 0.9;

const number = (n: number) => n.toLocaleString('en');
const size = (bytes: number) => (bytes >= MiB ? `${(bytes / MiB).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`);

/** Each limit of `limit` that `site` is measured against: the site's figure, the limit, and how to say them. */
function measures(limit: HostLimit, site: SiteSize): { value: number; max: number; say: (value: number, max: number) => string }[] {
  const of = (unit: string) => (value: number, max: number) => `${number(value)} ${unit}, of ${number(max)}`;
  const all = [
    limit.bytes === undefined ? undefined : { value: site.bytes, max: limit.bytes, say: (v: number, m: number) => `${size(v)}, of ${m / GB} GB` },
    limit.files === undefined ? undefined : { value: site.files, max: limit.files, say: of('files') },
    limit.entries === undefined ? undefined : { value: site.files + site.folders, max: limit.entries, say: of('files and folders') },
    limit.fileBytes === undefined
      ? undefined
      : { value: site.largest.bytes, max: limit.fileBytes, say: (v: number, m: number) => `a file of ${size(v)}, of ${size(m)}` },
  ];
  return all.filter((m) => m !== undefined);
}

/** The site's files with `HOST_REDIRECTS=rules`: no focus views' pages, and a `_redirects` file. */
const filesWithRules = (site: SiteSize) => site.files - site.focusViewPages + (site.rulesFile ? 0 : 1);

/**
 * What a build says of its site: its size; which hosts take it, and how close it comes to their limits; which
 * it is too large for; and, when `HOST_REDIRECTS=rules` would take it well within the limits of a host that
 * reads redirect rules, which it is too large for or close to, what that setting would leave.
 */
export function hostReport(site: SiteSize, rules: boolean): string[] {
  const lines = [
    `the site: ${size(site.bytes)} in ${countOf(site.files, 'file')} and ${countOf(site.folders, 'folder')}; its largest file ${site.largest.path}, ${size(site.largest.bytes)}`,
  ];
  const fits: string[] = [];
  const over: string[] = [];
  let rulesHelp = false;
  for (const limit of HOST_LIMITS) {
    const ms = measures(limit, site);
    const beyond = ms.filter((m) => m.value > m.max);
    const close = ms.filter((m) => m.value <= m.max && m.value >= m.max * CLOSE);
    const said = (list: typeof ms) => list.map((m) => m.say(m.value, m.max)).join('; ');
    if (beyond.length) over.push(`${limit.host} (${said(beyond)} at most)`);
    else fits.push(close.length ? `${limit.host} (close to its limits: ${said(close)})` : limit.host);
    // Redirect rules for the focus views help where they take the site from over or close to a limit to well within.
    const ruled = { ...site, files: filesWithRules(site), folders: site.folders - site.focusViewFolders };
    if (limit.readsRules && (beyond.length || close.length) && measures(limit, ruled).every((m) => m.value < m.max * CLOSE)) rulesHelp = true;
  }
  if (fits.length) lines.push(`it fits ${fits.join(', ')}`);
  if (over.length) lines.push(`it is too large for ${over.join(', ')}`);
  if (rulesHelp && !rules && site.focusViewPages) {
    lines.push(
      `on a host that reads _redirects (Cloudflare Pages, GitLab Pages, Netlify), build with HOST_REDIRECTS=rules: the focus views become four redirect rules, and the site would have ${countOf(filesWithRules(site), 'file')}`,
    );
  }
  return lines;
}
