/**
 * `HOST_REDIRECTS=rules`: on a host that reads `_redirects` (Cloudflare
 * Pages, Netlify), the focus views' addresses are rules, not a page each.
 * The site is served as Cloudflare Pages serves it (its own rules engine
 * applies `_redirects`), under a base path, and a real Chromium follows
 * the addresses.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { launchChromium } from './helpers/chromium.ts';
import { root, runBuild } from './helpers/build.ts';
import { eventually } from './helpers/poll.ts';
import { serve } from './helpers/serve.ts';
import { measureSite } from '../src/integrations/site-size.ts';
import { withRules } from '../src/lib/publish/hosts.ts';

const SEED = '000_dafef29e75211819';
const BASE = '/reader/';
const out = `${root}tests/.build/host-redirects`;
let printed = '';

beforeAll(async () => {
  const r = await runBuild('seeds', 'tests/.build/host-redirects', {
    HOST_REDIRECTS: 'rules',
    BASE_PATH: BASE,
    ASTRO_CACHE_DIR: 'tests/.build/host-redirects-cache',
  });
  if (r.code !== 0) throw new Error(r.stderr + r.stdout.slice(-2000));
  printed = r.stdout;
}, 300_000);

test('the build says how large the site is and which hosts take it', () => {
  const entries = readdirSync(out, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile());
  const site = {
    files: files.length,
    folders: entries.filter((e) => e.isDirectory()).length,
    bytes: files.reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0),
  };
  expect(printed).toContain(`the site: ${(site.bytes / 1024).toFixed(1)} KB in ${site.files} files and ${site.folders} folders; its largest file `);
  expect(printed).toContain("it fits GitHub Pages, GitLab Pages, Cloudflare Pages' free plan, Cloudflare Pages' paid plans\n");
  // What the report reckons the rules would leave of the same seeds built as pages (dist/, by the global setup)
  // is what they left.
  const asPages = measureSite(`${root}dist`);
  expect(asPages.focusViewPages).toBe(2);
  const reckoned = withRules(asPages);
  expect({ files: reckoned.files, folders: reckoned.folders }).toEqual({ files: site.files, folders: site.folders });
});

test('the focus views are four rules of _redirects, not a page each', () => {
  for (const view of ['statement', 'commentary']) expect(existsSync(`${out}/${SEED}/${view}/index.html`), view).toBe(false);
  expect(readFileSync(`${out}/_redirects`, 'utf8').split('\n').filter(Boolean)).toEqual([
    `${BASE}:slug/statement/ ${BASE}:slug/#statement-only 301`,
    `${BASE}:slug/statement ${BASE}:slug/#statement-only 301`,
    `${BASE}:slug/commentary/ ${BASE}:slug/#commentary-only 301`,
    `${BASE}:slug/commentary ${BASE}:slug/#commentary-only 301`,
  ]);
});

test('served as Cloudflare Pages serves it, /<slug>/statement/ and /<slug>/commentary/ open the reading page with that voice alone', async () => {
  const server = await serve(out, { base: BASE, redirects: true });
  const browser = await launchChromium();
  try {
    for (const [view, other] of [
      ['statement', 'commentary'],
      ['commentary', 'statement'],
    ] as const) {
      for (const path of [`${SEED}/${view}/`, `${SEED}/${view}`]) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(`${server.origin}${BASE}${path}`);
        await page.waitForURL(`**${BASE}${SEED}/#${view}-only`);
        await eventually(
          () => page.evaluate(([a, b]) => [a, b].map((id) => document.getElementById(id)?.checkVisibility() ?? null), [view, other] as const),
          path,
        ).toEqual([true, false]);
        await page.close();
      }
    }
    // Every other address is the site's own file.
    const reading = await fetch(`${server.origin}${BASE}${SEED}/`, { redirect: 'manual' });
    expect(reading.status).toBe(200);
  } finally {
    await browser.close();
    await server.close();
  }
});
