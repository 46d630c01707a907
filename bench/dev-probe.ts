/**
 * The editor's loop at scale, measured by hand: `node bench/dev-probe.ts
 * <seeds folder> [edits]` starts `astro dev` on a seeds folder (with no cache
 * of an earlier run, unless `DEV_PROBE_WARM=1`), and reports the time to the
 * first page served, to a later reading page and a page of the document
 * list, from saving an edit to one seed to its page showing it (each of
 * `edits`, default 3) and from adding a notes file to its page showing it,
 * with the list page rendered after each and how many seeds each load read
 * again, and the process tree's peak memory. `DEV_PROBE_OUT=<file>` writes
 * the figures as a Markdown table.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { commandEnv, root } from '../tests/helpers/build.ts';

const [folder, editsArg] = process.argv.slice(2);
if (!folder) throw new Error('usage: node bench/dev-probe.ts <seeds folder> [edits]');
const edits = Number(editsArg ?? 3);
const port = 4399;
const origin = `http://localhost:${port}`;
// Cold by default: no cache of an earlier run (DEV_PROBE_WARM=1 keeps it).
const cold = !process.env.DEV_PROBE_WARM;
const cacheDir = join(resolve(folder), '..', 'dev-cache');
if (cold) rmSync(cacheDir, { recursive: true, force: true });
const started = Date.now();
const server = spawn(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'dev', '--port', String(port), '--host', 'localhost'], {
  cwd: root,
  env: commandEnv({ SEEDS_DIR: folder, ASTRO_CACHE_DIR: cacheDir }),
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
let log = '';
server.stdout.on('data', (d: Buffer) => (log += d.toString()));
server.stderr.on('data', (d: Buffer) => (log += d.toString()));

/** The resident memory of the server's process tree, in MB. */
function treeMb(): number {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' });
  const rows = out
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/u).map(Number) as [number, number, number]);
  const tree = new Set([server.pid!]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of rows) {
      if (tree.has(ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return Math.round(rows.filter(([pid]) => tree.has(pid)).reduce((a, [, , rss]) => a + rss, 0) / 1024);
}
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, treeMb())), 250);

async function get(path: string): Promise<{ status: number; html: string; ms: number }> {
  const t = Date.now();
  try {
    const r = await fetch(`${origin}${path}`);
    return { status: r.status, html: await r.text(), ms: Date.now() - t };
  } catch {
    return { status: 0, html: '', ms: Date.now() - t };
  }
}

/** Wait for `check`, asking every `every` ms. */
async function until(check: () => Promise<boolean>, every = 100, limit = 300_000): Promise<void> {
  const end = Date.now() + limit;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

/** The figures, as lines of a Markdown table (written to `DEV_PROBE_OUT` when set). */
const rows: [string, string][] = [];
const say = (what: string, value: string) => {
  rows.push([what, value]);
  console.log(`${what}: ${value}`);
};

try {
  const seeds = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  const slug = (f: string) =>
    f
      .replace(/\.txt$/u, '')
      .toLowerCase()
      .replace(/_/gu, '-');
  await until(async () => (await get('/')).status === 200);
  say(`first page served (${cold ? 'no cache: every seed read' : 'with the cache of an earlier run'})`, `${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const path of [`/${slug(seeds[1]!)}/`, `/${slug(seeds[2]!)}/`, '/page/2/', '/page/3/']) say(`${path} rendered`, `${(await get(path)).ms} ms`);
  const edit = async (what: string, write: () => void, undo: () => void, page: string, marker: string) => {
    const from = log.length;
    const t = Date.now();
    write();
    await until(async () => (await get(page)).html.includes(marker));
    say(`${what} shown`, `${Date.now() - t} ms`);
    say(`  then the document list, page 2`, `${(await get('/page/2/')).ms} ms`);
    const reads = [...log.slice(from).matchAll(/: (\d+ of \d+) seeds read again/gu)].map((m) => m[1]);
    say(`  seeds read again, by each load since`, reads.join('; ') || 'none said');
    undo();
    await until(async () => !(await get(page)).html.includes(marker));
  };
  for (let k = 0; k < edits; k++) {
    const file = join(folder, seeds[10 + k]!);
    const before = readFileSync(file, 'utf8');
    const marker = `Edited${k}${Date.now()}`;
    await edit(
      `edit ${k + 1} to a seed`,
      () => writeFileSync(file, before.replace(/Comment: /u, `Comment: ${marker} `)),
      () => writeFileSync(file, before),
      `/${slug(seeds[10 + k]!)}/`,
      marker,
    );
  }
  const notes = join(folder, seeds[20]!.replace(/\.txt$/u, '.notes.md'));
  const marker = `Noted${Date.now()}`;
  await edit(
    'a notes file added',
    () => writeFileSync(notes, `---\ntitle: ${marker}\n---\n`),
    () => unlinkSync(notes),
    `/${slug(seeds[20]!)}/`,
    marker,
  );
  say('peak memory of the process tree', `${peak} MB`);
  if (process.env.DEV_PROBE_OUT) {
    const table = rows.map(([what, value]) => `| ${what} | ${value} |`).join('\n');
    writeFileSync(
      process.env.DEV_PROBE_OUT,
      `# The dev server at ${seeds.length.toLocaleString('en')} documents\n\n\`node bench/dev-probe.ts ${folder} ${edits}\` on ${new Date().toISOString().slice(0, 10)} (2 cores; the machine's load average when it started: ${loadavg()[0]!.toFixed(2)}).\n\n| step | figure |\n| --- | --- |\n${table}\n`,
    );
  }
} finally {
  clearInterval(sampler);
  process.kill(-server.pid!, 'SIGTERM');
}
