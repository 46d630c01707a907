/**
 * The editor's loop in the real `astro dev`: adding, editing, renaming and
 * deleting seeds and notes files updates the pages with no restart; a
 * problem shows its one line in the terminal and on the page (Astro's error
 * overlay), the server keeps running, and fixing the file clears it.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { launchChromium } from './helpers/chromium.ts';
import { commandEnv, root } from './helpers/build.ts';
import { eventually } from './helpers/poll.ts';

const base = 'tests/.build/dev';
const seeds = `${base}/seeds`;
const seedPath = (file: string) => `${root}${seeds}/${file}`;
const seed = (said: string, comment = 'A view of it.') => `The minister, Ana Silva, said on April 9: "${said}"\n\nComment: ${comment}\n`;

/** The other seeds, undated: listed after the first (by file name). */
const MANY = 300;
const manyFile = (n: number) => `older-${String(n).padStart(3, '0')}.txt`;
const manySeed = (n: number, said: string) => `The spokesperson, Li Wei, said: "${said}"\n\nComment: A view of ${n}.\n`;

let server: ChildProcess;
let origin = '';
let output = '';
/** How long each change took to show, in ms. */
const delays: Record<string, number> = {};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The page at `path`: its status and HTML. */
async function get(path: string): Promise<{ status: number; html: string }> {
  try {
    const r = await fetch(`${origin}${path}`);
    return { status: r.status, html: await r.text() };
  } catch {
    return { status: 0, html: '' };
  }
}

/** Make a change, then wait until `path` satisfies `check`; records the delay under `name`. */
async function change(name: string, act: () => void, path: string, check: (page: { status: number; html: string }) => boolean) {
  const started = Date.now();
  act();
  await eventually(async () => check(await get(path)), { timeout: 20_000 }).toBe(true);
  delays[name] = Date.now() - started;
}

beforeAll(async () => {
  rmSync(`${root}${base}`, { recursive: true, force: true });
  mkdirSync(`${root}${seeds}`, { recursive: true });
  writeFileSync(seedPath('first.txt'), seed('The door for dialogue remains open.'));
  // A few hundred more: an edit to one must read that one again, not all of them.
  for (let n = 1; n <= MANY; n++) writeFileSync(seedPath(manyFile(n)), manySeed(n, `Statement ${n} on trade.`));
  // The folder is a repository with the first seed committed: an edit is a version not yet committed.
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Editor', '-c', 'user.email=editor@example.org', ...args], { cwd: `${root}${base}` });
  git('init', '-q');
  git('add', '-A');
  git('commit', '-q', '-m', 'Add the first seed');
  const port = await freePort();
  origin = `http://localhost:${port}`;
  server = spawn(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'dev', '--port', String(port), '--host', 'localhost'], {
    cwd: root,
    // Not Vitest's own variables: Astro's dev server behaves differently under VITEST.
    env: commandEnv({ SEEDS_DIR: seeds, ASTRO_CACHE_DIR: `${base}/cache` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await vi.waitFor(async () => expect((await get('/first/')).status, output.slice(-3000)).toBe(200), { timeout: 120_000, interval: 250 });
}, 150_000);

afterAll(() => {
  server?.kill('SIGTERM');
  console.info(`dev: change → page, ms: ${JSON.stringify(delays)}`);
});

test('an edited seed shows its new words without a restart', async () => {
  expect((await get('/first/')).html).toContain('The door for dialogue remains open.');
  await change(
    'edit seed',
    () => writeFileSync(seedPath('first.txt'), seed('The door for talks is shut.')),
    '/first/',
    (p) => p.html.includes('The door for talks is shut.'),
  );
  // The edit is not committed: it shows as the newest version, marked so, and the committed one stays readable.
  const page = (await get('/first/')).html;
  expect(page).toContain('Edited: not yet committed');
  expect(page).toContain('data-label="corrected, not yet committed"');
  const history = (await get('/first/history/')).html;
  expect(history).toContain('Version 2 · not yet committed (current)');
  expect((await get('/first/v1/')).html).toContain('The door for dialogue remains open.');
}, 60_000);

test('an edit to one seed of a few hundred reads that one again, not all of them', async () => {
  const before = output.length;
  await change(
    'edit one of many',
    () => writeFileSync(seedPath(manyFile(150)), manySeed(150, 'Statement 150 on trade, corrected.')),
    '/older-150/',
    (p) => p.html.includes('Statement 150 on trade, corrected.'),
  );
  // The terminal says what each load after the edit read again: the edited seed, once, and nothing else.
  await eventually(() => output.slice(before)).toMatch(/: 1 of \d+ seeds read again \(older-150\.txt\)/u);
  const loads = [...output.slice(before).matchAll(/: (\d+) of (\d+) seeds read again/gu)].map((m) => ({ read: Number(m[1]), of: Number(m[2]) }));
  expect(loads.every(({ read, of }) => read <= 1 && of > MANY)).toBe(true);
}, 60_000);

test('a focus view address leads to that voice alone on the reading page, as in a build', async () => {
  for (const view of ['statement', 'commentary']) {
    const page = await get(`/first/${view}/`);
    expect(page.status).toBe(200);
    expect(page.html).toContain(`data-to="/first/#${view}-only"`);
    expect(page.html).toContain(`<meta http-equiv="refresh" content="0; url=/first/#${view}-only">`);
  }
});

test('an added notes file anchors its note; a broken one shows its line on the page and in the terminal, and fixing it clears it', async () => {
  const notes = (quote: string) => `---\ntitle: First\n---\n\n## "${quote}"\n\nContext [s](https://x.example).\n`;
  await change(
    'add notes',
    () => writeFileSync(seedPath('first.notes.md'), notes('talks')),
    '/first/',
    (p) => p.status === 200 && p.html.includes('class="note-anchor"'),
  );
  const line = `${seeds}/first.notes.md:5: quote "no such words" not found`;
  await change(
    'break notes',
    () => writeFileSync(seedPath('first.notes.md'), notes('no such words')),
    '/first/',
    (p) => p.status === 500,
  );
  await eventually(() => output).toContain(line);
  // In the browser: Astro's error overlay, with the line.
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(`${origin}/first/`);
    await eventually(() =>
      tab.evaluate(() => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent ?? ''),
    ).toBe(`error: ${line}`);
  } finally {
    await browser.close();
  }
  // The server kept running: the other pages answer, and fixing the file clears the problem.
  await change(
    'fix notes',
    () => writeFileSync(seedPath('first.notes.md'), notes('shut')),
    '/first/',
    (p) => p.status === 200 && p.html.includes('class="note-anchor"'),
  );
  await eventually(() => output).toContain(`${seeds}/: every problem is fixed`);
}, 90_000);

test('an added seed gets its page, a renamed one moves, a deleted one is gone', async () => {
  await change(
    'add seed',
    () => writeFileSync(seedPath('second.txt'), seed('A second statement.')),
    '/second/',
    (p) => p.status === 200 && p.html.includes('A second statement.'),
  );
  await change(
    'rename seed',
    () => renameSync(seedPath('second.txt'), seedPath('third.txt')),
    '/third/',
    (p) => p.status === 200 && p.html.includes('A second statement.'),
  );
  await eventually(async () => (await get('/second/')).status).toBe(404);
  await change(
    'delete seed',
    () => unlinkSync(seedPath('third.txt')),
    '/third/',
    (p) => p.status === 404,
  );
  expect((await get('/')).html).toContain('/first/');
}, 90_000);
