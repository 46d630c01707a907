/**
 * The sharded CI workflow runs the project's own commands: a matrix of
 * `SHARD=k/n npm run build` jobs over every k, and `npm run assemble` over
 * their outputs (tests/assemble.test.ts runs the same commands locally).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { root } from '../helpers/build.ts';
import { parseShard } from '../../src/lib/corpus/shard.ts';

/** What the tests read of a GitHub Actions workflow. */
interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  env: Record<string, string>;
  jobs: { shard: Job; assemble: Job } & Record<string, Job | undefined>;
}
interface Job {
  needs?: string | string[];
  strategy: { matrix: Record<string, unknown[]> };
  steps: Step[];
}

const workflow = parse(readFileSync(`${root}.github/workflows/build-sharded.yml`, 'utf8')) as Workflow;
const scripts = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }).scripts;

test('one job per shard, each building its own k of the same n, then one assemble job over all of them', () => {
  const n = Number(workflow.env.SHARDS);
  const shard = workflow.jobs.shard;
  expect(shard.strategy.matrix.shard).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  const build = shard.steps.find((s: { run?: string }) => s.run === 'npm run build');
  expect(build?.env?.SHARD).toBe('${{ matrix.shard }}/${{ env.SHARDS }}');
  for (let k = 1; k <= n; k++) expect(parseShard(`${k}/${n}`)).toEqual({ index: k, count: n });
  const assemble = workflow.jobs.assemble;
  expect(assemble.needs).toBe('shard');
  expect(assemble.steps.some((s: { run?: string }) => s.run === 'npm run assemble -- site shards/shard-*')).toBe(true);
  expect(scripts.assemble).toContain('src/integrations/assemble.ts');
  for (const job of [shard, assemble]) expect(job.steps.some((s: { run?: string }) => s.run === 'npm install --no-audit --no-fund')).toBe(true);
});

test('each shard checks out the whole history: corrections and lasting ids come from the seeds’ commits', () => {
  const checkout = workflow.jobs.shard.steps.find((s) => s.uses?.startsWith('actions/checkout'));
  expect(checkout?.with?.['fetch-depth']).toBe(0);
});

test('the workflow refuses to build without the site’s real address: a missing or local SITE_URL stops it before any shard', () => {
  expect(workflow.env.SITE_URL).toBe('${{ vars.SITE_URL }}');
  expect(workflow.jobs.shard.needs).toBe('address');
  const check = workflow.jobs.address!.steps[0]!.run!;
  const run = (SITE_URL: string) => spawnSync('bash', ['-e', '-c', check], { env: { ...process.env, SITE_URL }, encoding: 'utf8' });
  for (const bad of ['', 'http://localhost:4321', 'https://127.0.0.1/', 'reader.example']) {
    const r = run(bad);
    expect(r.status, bad).toBe(1);
    expect(r.stdout, bad).toMatch(/::error::SITE_URL/u);
  }
  expect(run('https://reader.example/').status).toBe(0);
});
