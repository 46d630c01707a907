/**
 * Corrections, on real git repositories with dated commits: addresses that
 * name the same words after a word is fixed and a paragraph restored (the
 * issue's own steps, on the seed), after paragraphs are removed, merged,
 * moved and split and a sentence added, and after a seed is renamed; corrections in public
 * (marks, history, versions, machine-readable dates); and a shallow clone,
 * built as one version with one warning.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { withChromium } from './helpers/browser.ts';
import { buildCorpus, root, runBuild, type BuildResult } from './helpers/build.ts';
import { seedsRepo, type SeedsRepo } from './helpers/git-repo.ts';
import { readFolderHistory, seedRevisions } from '../src/loaders/git-history.ts';
import { htmlFiles, pageKind } from './helpers/checks.ts';
import { page, seedText } from './helpers/html.ts';
import { eventually } from './helpers/poll.ts';
import { openDataProblems, structuredDataProblems } from './helpers/structured.ts';
import { vnu } from './helpers/vnu.ts';

const A = '000_dafef29e75211819';
const seedA = readFileSync(`${root}seeds/${A}.txt`, 'utf8');
const notesA = readFileSync(`${root}seeds/${A}.notes.md`, 'utf8');
const RESTORED = 'A paragraph the first copy missed: the talks will go on in the new year.';
const correctedA = seedA
  .replace('over Japanese airspace', 'near Japanese airspace')
  .replace('\n\nThe recent coordination', `\n\n${RESTORED}\n\nThe recent coordination`);
const NOTE_A = 'Correct "over" to "near" Japanese airspace, as the source has it; restore a paragraph the first copy missed';

const B1 = `Ana Silva, Minister of Ports, said today (December 1): "The port opened today. Ships may dock at night.

"Fees stay the same for every carrier."

Comment: The opening is a show of strength. It follows months of talks.

The recent coordination is a maneuver of zeppelins. It serves both sides.

The so-called alliance between the port authority and the carriers is a trade in which each side gains something it wanted for a long time. Neither side says so.

Critics call the timing rushed. They cite the storm season.

Original article: example.com/b

Statement: This article represents the views of the author.
`;
const B2 = B1.replace('The recent coordination is a maneuver of zeppelins. It serves both sides.\n\n', '')
  .replace('Neither side says so.\n\nCritics call', 'Neither side says so. Critics call')
  .replace('show of strength. It follows', 'show of strength. The harbour was dredged first. It follows');

const C1 = `Rui Costa, Minister of Rail, said today (December 2): "The line reopens in March. Trains will run every hour."

Comment: The reopening was promised twice before. Each time the date slipped.

Engineers found the bridge sound in October. The tunnel needs new drainage. Crews began that work last week.

Passengers have waited three years for the line.

Original article: example.com/c

Statement: This article represents the views of the author.
`;
// The last paragraph moved up; the bridge paragraph split in two.
const C2 = C1.replace('in October. The tunnel', 'in October.\n\nThe tunnel')
  .replace('\n\nPassengers have waited three years for the line.', '')
  .replace('the date slipped.\n\n', 'the date slipped.\n\nPassengers have waited three years for the line.\n\n');

let repo: SeedsRepo;
let built: BuildResult;
const out = 'tests/.build/history/dist';
const dist = `${root}${out}`;
const env = withChromium(dist);

beforeAll(async () => {
  repo = seedsRepo('history');
  repo.commit('2026-11-28T10:00:00Z', 'Add the Koizumi statement and a port statement', {
    [`${A}.txt`]: seedA,
    [`${A}.notes.md`]: notesA,
    'b-old.txt': B1,
    'c.txt': C1,
  });
  repo.commit('2026-12-01T09:00:00Z', `${NOTE_A}\n\nThe source's Chinese text says 附近, "near".`, { [`${A}.txt`]: correctedA });
  repo.commit('2026-12-01T12:00:00Z', 'Remove a paragraph the source retracted; join two paragraphs as the source prints them', { 'b-old.txt': B2 });
  repo.commit('2026-12-01T15:00:00Z', 'Print the paragraphs in the source’s order and breaks', { 'c.txt': C2 });
  repo.commit('2026-12-02T08:00:00Z', 'Rename the port statement', { 'b-new.txt': { from: 'b-old.txt' } });
  built = await runBuild(repo.seeds, out, { ASTRO_CACHE_DIR: `${repo.base}/cache` });
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}\n${built.stdout.slice(-3000)}`);
}, 300_000);

const text = (doc: Document, id: string) => seedText(doc.getElementById(id)!).trim();

describe('addresses after a word is fixed and a paragraph restored (the seed)', () => {
  test('#c2 still names “The recent coordination …”; the restored paragraph is C1a; a sentence keeps its id', () => {
    const doc = page(dist, `/${A}/`);
    expect(text(doc, 'c2')).toMatch(/^The recent coordination between the U\.S\. and Japan/u);
    expect(text(doc, 'c2.1')).toMatch(/^The recent coordination/u);
    expect(text(doc, 'c3')).toMatch(/^The high-profile coordination/u);
    expect(text(doc, 'c1a')).toBe(RESTORED);
    expect(doc.querySelector('#c1a .pnum')!.getAttribute('data-label')).toBe('C1a');
    expect(text(doc, 's1.2')).toContain('near Japanese airspace');
    expect(doc.getElementById('c4')).toBeNull();
  });

  test('the share pages keep their words: /c2/ is “The recent coordination …”, /c1a/ is new', () => {
    expect(page(dist, `/${A}/c2/`).querySelector('blockquote')!.textContent).toMatch(/^The recent coordination/u);
    expect(page(dist, `/${A}/c1a/`).querySelector('blockquote')!.textContent).toBe(RESTORED);
  });

  test('corrections are public: the page says when and why, and marks what changed', () => {
    const doc = page(dist, `/${A}/`);
    const line = doc.querySelector('.correction-line')!;
    expect(line.textContent.replace(/\s+/gu, ' ')).toContain(`Corrected 1 December 2026: ${NOTE_A}`);
    expect(line.querySelector('a')!.getAttribute('href')).toBe(`/${A}/history/#v2`);
    expect(doc.querySelector('#s1 .correction-mark')!.getAttribute('data-label')).toBe('corrected 1 December 2026');
    expect(doc.querySelector('#c1a .correction-mark')!.getAttribute('data-label')).toBe('added 1 December 2026');
    expect(doc.querySelector('#c2 .correction-mark')).toBeNull();
    // Citations name the version cited, at that version's own address (the page's script writes them from the document's citation facts).
    const cited = JSON.parse(doc.querySelector('article')!.getAttribute('data-cite')!) as { version?: string; page: string };
    expect(cited.version).toMatch(/^2026-12-01/u);
    expect(cited.page).toMatch(new RegExp(`/${A}/v2/$`, 'u'));
  });

  test('the history page lists every version, newest first, with the note and a word-level diff in del and ins', () => {
    const doc = page(dist, `/${A}/history/`);
    expect([...doc.querySelectorAll('section[id^="v"]')].map((s) => s.id)).toEqual(['v2', 'v1']);
    const v2 = doc.getElementById('v2')!;
    expect(v2.querySelector('.correction-note')!.textContent).toContain(NOTE_A);
    expect([...v2.querySelectorAll('del')].map((d) => d.textContent)).toEqual(['over']);
    expect([...v2.querySelectorAll('ins')].map((d) => d.textContent)).toEqual(['near', RESTORED]);
    expect(doc.querySelector(`a[href="/${A}/v1/"]`)).not.toBeNull();
    expect(page(dist, `/${A}/`).querySelector(`a[href="/${A}/history/"]`)).not.toBeNull();
  });

  test('the earlier version keeps its address and its ids, says it is not the current text, and stays out of indexes', () => {
    const v1 = page(dist, `/${A}/v1/`);
    expect(text(v1, 's1.2')).toContain('over Japanese airspace');
    expect(text(v1, 'c2')).toMatch(/^The recent coordination/u);
    expect(v1.getElementById('c1a')).toBeNull();
    expect(v1.querySelector('.version-banner')!.textContent).toContain('not the current text');
    expect(v1.querySelector(`.version-banner a[href="/${A}/"]`)).not.toBeNull();
    expect(v1.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
    // noindex, not a canonical link to another page as well (search engines read the two as contradicting each other).
    expect(v1.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(new RegExp(`/${A}/v1/$`, 'u'));
    // The current version's own address leads to the reading page.
    const v2 = page(dist, `/${A}/v2/`);
    expect(v2.documentElement.dataset.to).toBe(`/${A}/`);
    const sitemap = readFileSync(`${dist}/sitemap.xml`, 'utf8');
    expect(sitemap).not.toContain(`/${A}/v1/`);
  });

  test('machine-readable: JSON-LD dateModified and correction, the feed’s updated, open data versions, annotations’ source date', () => {
    const ld = JSON.parse(page(dist, `/${A}/`).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
    expect(ld.dateModified).toBe('2026-12-01T09:00:00+00:00');
    expect(ld.correction).toEqual({ '@type': 'CorrectionComment', text: NOTE_A, datePublished: '2026-12-01T09:00:00+00:00' });
    const feed = readFileSync(`${dist}/feed.xml`, 'utf8');
    expect(feed).toMatch(new RegExp(`<id>[^<]*/${A}/</id>\\s*<updated>2026-12-01T09:00:00.000Z</updated>`, 'u'));
    const data = JSON.parse(readFileSync(`${dist}/${A}/data.json`, 'utf8')) as {
      versions: { n: number; date: string; note: string; address: string }[];
      annotations: { target: { state?: { type: string; sourceDate: string } } }[];
    };
    expect(data.versions.map((v) => [v.n, v.date, v.address.replace(/^https?:\/\/[^/]+/u, '')])).toEqual([
      [1, '2026-11-28T10:00:00+00:00', `/${A}/v1/`],
      [2, '2026-12-01T09:00:00+00:00', `/${A}/`],
    ]);
    expect(data.annotations.length).toBeGreaterThan(0);
    for (const a of data.annotations) expect(a.target.state).toEqual({ type: 'TimeState', sourceDate: '2026-12-01T09:00:00.000Z' });
  });
});

describe('removed, merged, moved, split and added passages; a renamed seed', () => {
  test('a removed paragraph’s address lands on a notice where it stood, linking to the version that had it', () => {
    const doc = page(dist, '/b-new/');
    const notice = doc.getElementById('c2')!;
    expect(notice.className).toBe('gone-notice');
    expect(notice.previousElementSibling!.id).toBe('c1');
    const link = notice.querySelector('a')!;
    expect(link.getAttribute('href')).toBe('/b-new/v1/#c2');
    expect(link.getAttribute('data-label')).toBe('C2 removed in the correction of 1 December 2026 · read it as it was');
    // Its sentences land there too; its words are nowhere in the text.
    expect(notice.querySelector('[id="c2.1"]')).not.toBeNull();
    expect(doc.querySelector('.doc')!.textContent).not.toContain('zeppelins');
  });

  test('a paragraph joined to another: its sentences keep their ids inside it, and its own id lands where its words begin', () => {
    const doc = page(dist, '/b-new/');
    const c3 = doc.getElementById('c3')!;
    expect(seedText(c3)).toContain('Neither side says so. Critics call the timing rushed.');
    const anchor = doc.getElementById('c4')!;
    expect(anchor.className).toBe('gone-anchor');
    expect(anchor.closest('p')!.id).toBe('c3');
    expect(anchor.nextElementSibling!.id).toBe('c4.1');
    expect(text(doc, 'c4.1')).toBe('Critics call the timing rushed.');
  });

  test('a sentence added inside a paragraph gets an id never used before; the ones around it keep theirs', () => {
    const doc = page(dist, '/b-new/');
    expect(text(doc, 'c1.1')).toBe('The opening is a show of strength.');
    expect(text(doc, 'c1.1a')).toBe('The harbour was dredged first.');
    expect(text(doc, 'c1.2')).toBe('It follows months of talks.');
  });

  test('a paragraph moved and one split: each keeps its id where it now stands, the part split off gets a new one, sentences keep theirs', () => {
    const doc = page(dist, '/c/');
    const commentary = [...doc.getElementById('commentary')!.querySelectorAll('p[id]')].map((p) => p.id);
    expect(commentary).toEqual(['c1', 'c3', 'c3a', 'c2']);
    expect(text(doc, 'c3')).toBe('Passengers have waited three years for the line.');
    // The larger part keeps the paragraph's id; the sentence split off keeps its own, in a new paragraph.
    expect(text(doc, 'c2')).toBe('The tunnel needs new drainage. Crews began that work last week.');
    expect(text(doc, 'c2.1')).toBe('Engineers found the bridge sound in October.');
    expect(doc.getElementById('c2.1')!.closest('p')!.id).toBe('c3a');
    expect(text(doc, 'c2.2')).toBe('The tunnel needs new drainage.');
    // The history names both changes; the share pages show the words their ids name.
    const v2 = page(dist, '/c/history/').getElementById('v2')!.textContent.replace(/\s+/gu, ' ');
    expect(v2).toMatch(/C3a split off from C2/u);
    expect(v2).toMatch(/C2 corrected and moved/u);
    expect(page(dist, '/c/c3/').querySelector('blockquote')!.textContent).toBe('Passengers have waited three years for the line.');
    expect(page(dist, '/c/c3a/').querySelector('blockquote')!.textContent).toBe('Engineers found the bridge sound in October.');
  });

  test('every published share page keeps existing and shows its own words or the removal notice', () => {
    const gone = page(dist, '/b-new/c2/');
    expect(gone.querySelector('blockquote')!.textContent).toContain('zeppelins');
    expect(gone.body.textContent).toContain('removed in the correction of 1 December 2026');
    expect(gone.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/b-new/#c2');
    expect(page(dist, '/b-new/c4/').querySelector('blockquote')!.textContent).toBe('Critics call the timing rushed. They cite the storm season.');
  });

  test('the renamed seed’s old addresses lead to the new ones (pages for hosts without rules, and _redirects); the sitemap lists only the new', () => {
    for (const [from, to] of [
      ['/b-old/', '/b-new/'],
      ['/b-old/c1/', '/b-new/c1/'],
      ['/b-old/c2/', '/b-new/c2/'],
      ['/b-old/statement/', '/b-new/statement/'],
      ['/b-old/history/', '/b-new/history/'],
    ]) {
      const doc = page(dist, from!);
      expect(doc.documentElement.dataset.to, from).toBe(to);
      expect(doc.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe(`0; url=${to}`);
      expect(doc.querySelector(`a[href="${to}"]`)).not.toBeNull();
    }
    const rules = readFileSync(`${dist}/_redirects`, 'utf8').split('\n');
    expect(rules).toContain('/b-old/ /b-new/ 301');
    expect(rules).toContain('/b-old/* /b-new/:splat 301');
    expect(readFileSync(`${dist}/sitemap.xml`, 'utf8')).not.toContain('/b-old/');
    // A rename alone is not a correction: the text has two versions.
    expect([...page(dist, '/b-new/history/').querySelectorAll('section[id^="v"]')].map((s) => s.id)).toEqual(['v2', 'v1']);
  });
});

describe('in Chromium, with and without JavaScript', () => {
  for (const javaScriptEnabled of [true, false]) {
    const mode = javaScriptEnabled ? 'with' : 'without';
    test(`${mode} JavaScript: an old #id lands on its words, a removed id on its notice`, async () => {
      const context = await env.browser.newContext({ javaScriptEnabled, viewport: { width: 1280, height: 800 } });
      const tab = await context.newPage();
      await tab.goto(`${env.server.origin}/${A}/#c2`);
      await eventually(() => tab.locator(':target').textContent()).toMatch(/The recent coordination/u);
      await eventually(() => tab.locator(':target').isVisible()).toBe(true);
      await tab.goto(`${env.server.origin}/b-new/#c2`);
      await eventually(() => tab.locator(':target').getAttribute('class')).toBe('gone-notice');
      await eventually(() => tab.locator(':target').evaluate((el) => getComputedStyle(el.querySelector('a')!, '::before').content)).toContain('C2 removed');
      await context.close();
    });

    test(`${mode} JavaScript: a renamed document’s old address arrives at the new one${javaScriptEnabled ? ', with its fragment' : ''}`, async () => {
      const context = await env.browser.newContext({ javaScriptEnabled });
      const tab = await context.newPage();
      await tab.goto(`${env.server.origin}/b-old/#c1.2`);
      await eventually(() => new URL(tab.url()).pathname).toBe('/b-new/');
      if (javaScriptEnabled) {
        await eventually(() => new URL(tab.url()).hash).toBe('#c1.2');
        await eventually(() => tab.locator(':target').textContent()).toBe('It follows months of talks.');
      }
      await context.close();
    });
  }

  test('search holds only the current text: words of a removed paragraph are not found, words added by a correction are', async () => {
    const tab = await env.browser.newPage();
    await tab.goto(`${env.server.origin}/404.html`).catch(() => undefined);
    // Pagefind's own runtime, as the site serves it (a string: Vitest would rewrite a dynamic import in a function).
    const count = (q: string) =>
      tab.evaluate<number>(`import(location.origin + '/pagefind/pagefind.js').then((pf) => pf.search(${JSON.stringify(q)})).then((r) => r.results.length)`);
    expect(await count('zeppelins')).toBe(0);
    expect(await count('dredged')).toBeGreaterThan(0);
    await tab.close();
  });
});

describe('what tools read of a site with corrections', () => {
  test('history, version and corrected pages are valid HTML as the W3C checker (vnu) sees it', async () => {
    const files = htmlFiles(dist);
    const kinds = new Set(files.map((f) => pageKind(f.slice(dist.length + 1))));
    for (const kind of ['history pages', 'version pages', 'reading pages', 'share pages']) expect(kinds, kind).toContain(kind);
    expect((await vnu(files)).map((p) => `${p.file.slice(dist.length + 1)}:${p.line}: ${p.message}`)).toEqual([]);
  }, 120_000);

  test("a corrected document's JSON-LD (dateModified, a CorrectionComment) is valid schema.org; its annotations meet the Web Annotation MUSTs", () => {
    const ld = JSON.parse(page(dist, `/${A}/`).querySelector('script[type="application/ld+json"]')!.textContent) as Record<string, unknown>;
    expect(ld.correction).toMatchObject({ '@type': 'CorrectionComment' });
    expect(structuredDataProblems(dist)).toEqual([]);
    expect(openDataProblems(dist).problems).toEqual([]);
  });
});

describe('histories as newsrooms make them', () => {
  test('a correction made on a branch and merged: the versions are the main branch’s commits, the merge that brought it among them, never the branch’s own states', async () => {
    const branched = seedsRepo('history-merge');
    branched.commit('2026-11-28T10:00:00Z', 'Add', { 'a.txt': B1 });
    branched.git('checkout', '-q', '-b', 'fix');
    branched.commit('2026-11-29T10:00:00Z', 'Fix a word on a branch', { 'a.txt': B1.replace('show of strength', 'show of force') });
    branched.git('checkout', '-q', 'main');
    branched.commit('2026-11-30T10:00:00Z', 'Fix another word', { 'a.txt': B1.replace('storm season', 'typhoon season') });
    execFileSync('git', ['-c', 'user.name=E', '-c', 'user.email=e@x', 'merge', '-q', '--no-edit', 'fix'], {
      cwd: `${root}${branched.base}`,
      env: { ...process.env, GIT_AUTHOR_DATE: '2026-12-01T10:00:00Z', GIT_COMMITTER_DATE: '2026-12-01T10:00:00Z' },
    });
    const dir = `${root}${branched.seeds}`;
    const { revisions } = await seedRevisions(dir, await readFolderHistory(dir), [{ file: 'a.txt', text: branched.read('a.txt') }], (_, b) =>
      Buffer.from(b).toString('utf8'),
    );
    const list = revisions.get('a.txt')!;
    expect(list.map((r) => r.note)).toEqual(['Add', 'Fix another word', "Merge branch 'fix'"]);
    // The merged text is the last committed version: nothing is "not yet committed".
    expect(list.at(-1)!.commit).toBeDefined();
    expect(list.at(-1)!.text).toContain('show of force');
    expect(list.at(-1)!.text).toContain('typhoon season');
  });

  test('a seed moved into the folder from another keeps its history', async () => {
    const moved = seedsRepo('history-move');
    moved.commit('2026-11-28T10:00:00Z', 'Add', { '../content/a.txt': B1 });
    moved.commit('2026-11-29T10:00:00Z', 'Correct a word', { '../content/a.txt': B2 });
    moved.commit('2026-11-30T10:00:00Z', 'Move the seeds folder', { 'a.txt': { from: '../content/a.txt' } });
    const dir = `${root}${moved.seeds}`;
    const { revisions } = await seedRevisions(dir, await readFolderHistory(dir), [{ file: 'a.txt', text: moved.read('a.txt') }], (_, b) =>
      Buffer.from(b).toString('utf8'),
    );
    expect(revisions.get('a.txt')!.map((r) => [r.note, r.file])).toEqual([
      ['Add', 'a.txt'],
      ['Correct a word', 'a.txt'],
    ]);
  });
});

describe('without the history', () => {
  test('a shallow clone builds each text as one version, and says so once with the fix', async () => {
    const shallow = 'tests/.build/history-shallow';
    execFileSync('rm', ['-rf', `${root}${shallow}`]);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${root}${repo.base}`, `${root}${shallow}`]);
    const result = await runBuild(`${shallow}/seeds`, `${shallow}/dist`, { ASTRO_CACHE_DIR: `${shallow}/cache` });
    expect(result.code, result.stderr).toBe(0);
    const said = `${result.stdout}${result.stderr}`.split('\n').filter((l) => l.includes('history is shallow'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('fetch-depth: 0');
    const doc = page(`${root}${shallow}/dist`, `/${A}/`);
    expect(doc.querySelector('.correction-line')).toBeNull();
    expect(existsSync(`${root}${shallow}/dist/${A}/history/index.html`)).toBe(false);
  }, 300_000);

  test('a note whose words a correction changed stops the build with its line; it is never moved to similar words', async () => {
    const notes = repo.read(`${A}.notes.md`).replace('## "joint flight of Chinese and Russian bombers"', '## "bombers over Japanese airspace"');
    const result = await buildCorpus('history-notes', { [`${A}.txt`]: correctedA, [`${A}.notes.md`]: notes });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/history-notes\/seeds\/000_dafef29e75211819\.notes\.md:\d+: quote "bombers over Japanese airspace" not found/u);
  }, 300_000);
});
