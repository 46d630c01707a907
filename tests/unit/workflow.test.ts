/**
 * The sharded CI workflow runs the project's own commands: a matrix of
 * `SHARD=k/n npm run build` jobs over every k, `npm run assemble` over
 * their outputs (tests/assemble.test.ts runs the same commands locally), and
 * a deploy job whose rclone commands run here against a local folder.
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
  env: Record<string, string>;
  jobs: { shard: Job; assemble: Job } & Record<string, Job | undefined>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  env?: Record<string, string>;
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
  expect(assemble.steps.some((s: { run?: string }) => s.run === 'npm run assemble -- --move site shards/shard-*')).toBe(true);
  expect(scripts.assemble).toContain('src/cli/assemble.ts');
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
      // The types rclone sends, from the file names (README, "Publishing"): Pagefind's files as plain bytes.
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
  });
});

test('the GitHub Pages workflow builds with the whole history and the same address check, and publishes dist/', () => {
  const pages = parse(readFileSync(`${root}.github/workflows/pages.yml`, 'utf8')) as Workflow;
  const build = pages.jobs.build!;
  expect(build.steps[0]!.run).toBe(workflow.jobs.address!.steps[0]!.run);
  expect(build.steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0);
  expect(build.steps.some((s) => s.run === 'npm run build')).toBe(true);
  expect(pages.env.HISTORY).toBe('required');
  expect(pages.env.BASE_PATH).toBe("${{ vars.BASE_PATH || '/' }}");
  expect(build.steps.find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
  expect(pages.jobs.deploy!.needs).toBe('build');
  expect(pages.jobs.deploy!.steps.some((s) => s.uses?.startsWith('actions/deploy-pages'))).toBe(true);
});
