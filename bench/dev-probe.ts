/**
 * The editor's loop at scale, measured by hand: `node bench/dev-probe.ts
 * <seeds folder> [edits]` starts `astro dev` on a seeds folder, and reports
 * the time to the first page served, to a later reading page and a page of
 * the document list, and from saving an edit to one seed to its page showing
 * it (each of `edits`, default 3), with the process tree's peak memory.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { commandEnv, root } from '../tests/helpers/build.ts';

const [folder, editsArg] = process.argv.slice(2);
if (!folder) throw new Error('usage: node bench/dev-probe.ts <seeds folder> [edits]');
const edits = Number(editsArg ?? 3);
const port = 4399;
const origin = `http://localhost:${port}`;
const started = Date.now();
const server = spawn(process.execPath, [`${root}node_modules/astro/bin/astro.mjs`, 'dev', '--port', String(port), '--host', 'localhost'], {
  cwd: root,
  env: commandEnv({ SEEDS_DIR: folder, ASTRO_CACHE_DIR: join(resolve(folder), '..', 'dev-cache') }),
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

/** Wait for `check`, asking every `every` ms: a 10,000-document page takes a second to render, and asking faster only queues more. */
async function until(check: () => Promise<boolean>, every = 100, limit = 300_000): Promise<void> {
  const end = Date.now() + limit;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, every));
  }
}

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
  console.log(`first page served: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const path of [`/${slug(seeds[1]!)}/`, `/${slug(seeds[2]!)}/`, '/page/2/', '/page/3/']) console.log(`${path}: ${(await get(path)).ms} ms`);
  for (let k = 0; k < edits; k++) {
    const file = join(folder, seeds[10 + k]!);
    const before = readFileSync(file, 'utf8');
    const marker = `Edited${k}${Date.now()}`;
    const t = Date.now();
    writeFileSync(file, before.replace(/Comment: /u, `Comment: ${marker} `));
    await until(async () => (await get(`/${slug(seeds[10 + k]!)}/`)).html.includes(marker), 1000);
    console.log(`edit ${k + 1} shown: ${Date.now() - t} ms`);
    writeFileSync(file, before);
  }
  console.log(`peak memory of the process tree: ${peak} MB`);
} finally {
  clearInterval(sampler);
  process.kill(-server.pid!, 'SIGTERM');
}
