import { expect, test } from 'vitest';
import { HOST_LIMITS, hostReport, withRules, type SiteSize } from '../../../src/lib/publish/hosts.ts';

const MB = 1024 * 1024;
const site = (s: Partial<SiteSize>): SiteSize => ({
  bytes: 145 * MB,
  files: 13_479,
  folders: 11_000,
  largest: { path: 'sitemap.xml', bytes: 200_000 },
  focusViewPages: 2_000,
  focusViewFolders: 1_900,
  rulesFile: false,
  ...s,
});

test('a small site fits every host, and the report says its size and largest file', () => {
  expect(hostReport(site({}))).toEqual([
    'the site: 145.0 MB in 13,479 files and 11,000 folders; its largest file sitemap.xml, 195.3 KB',
    `it fits ${HOST_LIMITS.map((h) => h.host).join(', ')}`,
  ]);
});

test('a site over a host that reads redirect rules, or close to its limit, is told what HOST_REDIRECTS=rules would leave', () => {
  // 10,000 documents as pages: measured by the benchmark (bench/RESULTS.md).
  const big = site({ bytes: 801 * MB, files: 99_924, folders: 84_767, focusViewPages: 20_000, focusViewFolders: 19_000 });
  expect(hostReport(big)).toEqual([
    'the site: 801.0 MB in 99,924 files and 84,767 folders; its largest file sitemap.xml, 195.3 KB',
    "it fits GitHub Pages, GitLab Pages (close to its limits: 184,691 files and folders, of 200,000), Cloudflare Pages' paid plans (close to its limits: 99,924 files, of 100,000)",
    "it is too large for Cloudflare Pages' free plan (99,924 files, of 20,000 at most)",
    'on a host that reads _redirects (Cloudflare Pages, GitLab Pages, Netlify), build with HOST_REDIRECTS=rules: the focus views become four redirect rules, and the site would have 79,925 files',
  ]);
  // Built so already (no focus views' pages): no advice, and the rules leave it as it is.
  const ruled = withRules(big);
  expect(ruled).toMatchObject({ files: 79_925, folders: 65_767, focusViewPages: 0, rulesFile: true });
  expect(withRules(ruled)).toBe(ruled);
  expect(hostReport(ruled).some((l) => l.includes('HOST_REDIRECTS'))).toBe(false);
  // Close to a limit that the rules would not take it well within (GitLab Pages' entries, most of them folders): no advice either.
  expect(hostReport(site({ files: 15_000, folders: 170_000 })).some((l) => l.includes('HOST_REDIRECTS'))).toBe(false);
});

test('a site over 1 GB, or with a file over 25 MiB, is too large for the hosts that say so', () => {
  const report = hostReport(site({ bytes: 7_000 * MB, files: 911_129, folders: 782_429, largest: { path: 'sitemap-0.xml', bytes: 30 * MB } }));
  expect(report[1]).toBe(
    "it is too large for GitHub Pages (7000.0 MB, of 1 GB at most), GitLab Pages (7000.0 MB, of 1 GB; 1,693,558 files and folders, of 200,000 at most), Cloudflare Pages' free plan (911,129 files, of 20,000; a file of 30.0 MB, of 25.0 MB at most), Cloudflare Pages' paid plans (911,129 files, of 100,000; a file of 30.0 MB, of 25.0 MB at most)",
  );
  expect(report).toHaveLength(2);
});
