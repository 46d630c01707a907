/**
 * The workflows run the project's own commands. The test workflow runs
 * `.ci/run` (the README's `npm test`) on Debian, and both deploy workflows
 * call it first. The sharded workflow: a matrix of `SHARD=k/n npm run build`
 * jobs over every k, `npm run assemble` over their outputs
 * (tests/assemble.test.ts runs the same commands locally), and a deploy job
 * whose rclone commands run here against a local folder. Both deploy
 * workflows check SITE_URL with one script, run here.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { root } from '../helpers/build.ts';
import { requireTool } from '../helpers/prerequisites.ts';
import { parseShard } from '../../src/lib/corpus/shard.ts';

/** What the tests read of a GitHub Actions workflow. */
interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: { shard: Job; assemble: Job } & Record<string, Job | undefined>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  /** A job that runs another workflow (`workflow_call`). */
  uses?: string;
  container?: string;
  env?: Record<string, string>;
  strategy: { matrix: Record<string, unknown[]> };
  steps: Step[];
}

const readWorkflow = (name: string) => parse(readFileSync(`${root}.github/workflows/${name}`, 'utf8')) as Workflow;
const workflow = readWorkflow('build-sharded.yml');
const pages = readWorkflow('pages.yml');
const CHECK_SITE_URL = 'bash .github/scripts/check-site-url.sh';
const needs = (job: Job | undefined) => [job?.needs ?? []].flat();

describe('the test workflow', () => {
  const tests = readWorkflow('test.yml');
  const job = tests.jobs.test!;

  test('runs .ci/run (the README’s npm test) on every push and pull request, on Debian, with the whole history', () => {
    expect(Object.keys(tests.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
    expect(job.container).toMatch(/^debian:/u);
    expect(job.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
    expect(job.steps.at(-1)!.run).toBe('bash .ci/run');
    expect(readFileSync(`${root}.ci/run`, 'utf8')).toMatch(/^npm test$/mu);
    expect(scripts.test).toContain('vitest run');
  });

  test('comes first in both deploy workflows: nothing is built, so nothing published, unless it passed', () => {
    for (const [deploying, builds] of [
      [pages, ['build']],
      [workflow, ['shard']],
    ] as const) {
      expect(deploying.jobs.test?.uses).toBe('./.github/workflows/test.yml');
      for (const name of builds) expect(needs(deploying.jobs[name])).toContain('test');
    }
    // Every other job of the sharded workflow comes after a shard, so after the tests.
    expect(needs(workflow.jobs.assemble)).toEqual(['shard']);
    expect(needs(workflow.jobs.deploy)).toEqual(['assemble']);
    expect(needs(pages.jobs.deploy)).toEqual(['build']);
  });
});
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
  expect(assemble.steps.some((s: { run?: string }) => s.run === 'npm run assemble -- --move site shards/shard-*')).toBe(true);
  expect(scripts.assemble).toContain('src/cli/assemble.ts');
  for (const job of [shard, assemble]) expect(job.steps.some((s: { run?: string }) => s.run === 'npm install --no-audit --no-fund')).toBe(true);
});

test('each shard checks out the whole history: corrections and lasting ids come from the seeds’ commits', () => {
  const checkout = workflow.jobs.shard.steps.find((s) => s.uses?.startsWith('actions/checkout'));
  expect(checkout?.with?.['fetch-depth']).toBe(0);
});

test('both deploy workflows refuse to build without the site’s real address: one script stops a missing or local SITE_URL before any build', () => {
  for (const deploying of [workflow, pages]) expect(deploying.env.SITE_URL).toBe('${{ vars.SITE_URL }}');
  expect(needs(workflow.jobs.shard)).toContain('address');
  expect(workflow.jobs.address!.steps.map((s) => s.run ?? s.uses)).toEqual(['actions/checkout@v4', CHECK_SITE_URL]);
  const build = pages.jobs.build!.steps;
  expect(build.findIndex((s) => s.run === CHECK_SITE_URL)).toBeLessThan(build.findIndex((s) => s.run === 'npm run build'));
  expect(build.findIndex((s) => s.run === CHECK_SITE_URL)).toBeGreaterThan(-1);
  const run = (SITE_URL: string | undefined) => {
    const { SITE_URL: _, ...env } = process.env;
    if (SITE_URL !== undefined) env.SITE_URL = SITE_URL;
    return spawnSync('bash', ['-c', CHECK_SITE_URL], { cwd: root, env, encoding: 'utf8' });
  };
  for (const [bad, why] of [
    [undefined, 'is not set'],
    ['', 'is not set'],
    ['http://localhost:4321', 'is http://localhost:4321, a local address'],
    ['https://127.0.0.1/', 'is https://127.0.0.1/, a local address'],
    ['http://[::1]:4321/', 'is http://[::1]:4321/, a local address'],
    ['reader.example', 'is reader.example, not an http(s) address'],
  ] as const) {
    const r = run(bad);
    expect(r.status, bad).toBe(1);
    expect(r.stdout.startsWith(`::error::SITE_URL ${why}`), r.stdout).toBe(true);
  }
  const good = run('https://reader.example/');
  expect([good.status, good.stdout.trim()]).toEqual([0, 'Building for https://reader.example/']);
});

describe('the deploy job', () => {
  const deploy = workflow.jobs.deploy!;

  test('runs after assemble, on the site it uploaded, only where a bucket is set, with keys from secrets only', () => {
    expect(deploy.needs).toBe('assemble');
    expect(deploy.if).toBe("vars.DEPLOY_BUCKET != ''");
    const uploaded = workflow.jobs.assemble.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!.with!;
    const downloaded = deploy.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!.with!;
    expect([downloaded.name, downloaded.path]).toEqual([uploaded.name, uploaded.path]);
    for (const key of ['ENDPOINT', 'ACCESS_KEY_ID', 'SECRET_ACCESS_KEY']) {
      expect(deploy.env![`RCLONE_CONFIG_BUCKET_${key}`]).toBe(`\${{ secrets.S3_${key} }}`);
    }
    expect(deploy.env!.RCLONE_CONFIG_BUCKET_TYPE).toBe('s3');
  });

  // The job's own commands, run by rclone against a folder standing for the bucket (rclone's local backend).
  test('uploads the site without the host rules, then only what changed: a page gone is deleted, earlier scripts kept', () => {
    requireTool('rclone');
    const dir = mkdtempSync(join(tmpdir(), 'deploy-'));
    const site = join(dir, 'site');
    const bucket = join(dir, 'bucket');
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(site, path)), { recursive: true });
      writeFileSync(join(site, path), text);
    };
    const files = (root: string) =>
      readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((f) => statSync(join(root, f)).isFile())
        .sort();
    const runDeploy = () => {
      for (const step of deploy.steps.filter((s) => s.run?.startsWith('rclone'))) {
        const r = spawnSync('bash', ['-e', '-c', step.run!], {
          cwd: dir,
          env: { PATH: process.env.PATH, HOME: dir, DEPLOY_BUCKET: bucket, RCLONE_CONFIG_BUCKET_TYPE: 'local' },
          encoding: 'utf8',
        });
        expect(r.status, r.stderr).toBe(0);
      }
    };
    try {
      put('index.html', 'list');
      put('a/index.html', 'a');
      put('a/data.json', '{}');
      put('_astro/reading.1.js', 'v1');
      put('pagefind/pagefind.en_1.pf_meta', 'meta');
      put('_headers', '/*');
      put('_redirects', '/old/ /a/ 301');
      put('manifest.webmanifest', '{}');
      runDeploy();
      expect(files(bucket)).toEqual([
        '_astro/reading.1.js',
        'a/data.json',
        'a/index.html',
        'index.html',
        'manifest.webmanifest',
        'pagefind/pagefind.en_1.pf_meta',
      ]);
      // The types rclone sends, from the file names (docs/publishing.md, "Publishing"): Pagefind's files as plain bytes.
      const types = spawnSync('rclone', ['lsf', '-R', '--files-only', '--format', 'pm', '--separator', ' ', bucket], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: dir },
      });
      expect(types.stdout.trim().split('\n').sort()).toEqual([
        '_astro/reading.1.js text/javascript; charset=utf-8',
        'a/data.json application/json',
        'a/index.html text/html; charset=utf-8',
        'index.html text/html; charset=utf-8',
        'manifest.webmanifest application/octet-stream',
        'pagefind/pagefind.en_1.pf_meta application/octet-stream',
      ]);
      rmSync(join(site, 'a'), { recursive: true });
      rmSync(join(site, '_astro/reading.1.js'));
      put('_astro/reading.2.js', 'v2');
      put('index.html', 'list, changed');
      runDeploy();
      expect(files(bucket)).toEqual(['_astro/reading.1.js', '_astro/reading.2.js', 'index.html', 'manifest.webmanifest', 'pagefind/pagefind.en_1.pf_meta']);
      expect(readFileSync(join(bucket, 'index.html'), 'utf8')).toBe('list, changed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000); // seven rclone runs: about 4 s on a quiet machine, more when it is shared
});

test('the GitHub Pages workflow builds with the whole history and publishes dist/', () => {
  const build = pages.jobs.build!;
  expect(build.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  expect(build.steps.some((s) => s.run === 'npm run build')).toBe(true);
  expect(pages.env.HISTORY).toBe('required');
  expect(pages.env.BASE_PATH).toBe("${{ vars.BASE_PATH || '/' }}");
  expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
  expect(pages.jobs.deploy!.needs).toBe('build');
  expect(pages.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
});
