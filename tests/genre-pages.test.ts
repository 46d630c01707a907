/**
 * Real texts of the genre, without notes, as the built site shows them: the
 * original's headline as the title, the voices in the original's order, each
 * block `data-voice`, a speaker's quotation inside the writer's paragraph as a
 * `<q data-voice="statement">`, the speaker named, and every word of the text
 * on the page; one voice alone hides every block of the other (Chromium); a
 * body's former speaker address leads to its page, on a host without rules;
 * a text read anew by changed rules keeps the ids its record of published ids
 * holds, and an id read into another voice lands on its words (Chromium).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { withChromium } from './helpers/browser.ts';
import { buildCorpus, root } from './helpers/build.ts';
import { page, seedText } from './helpers/html.ts';
import { eventually } from './helpers/poll.ts';

const CASES = ['03-konoe-misunderstanding', '04-lee-bbc-middle', '18-trump-bad-mood'];
const seed = (name: string) => readFileSync(`${root}tests/fixtures/genre/${name}.txt`, 'utf8');
const dist = `${root}tests/.build/genre/dist`;

beforeAll(async () => {
  const result = await buildCorpus('genre', {
    ...Object.fromEntries(CASES.map((c) => [`${c}.txt`, seed(c)])),
    // A body as the speaker: its address keeps its words in order, and its address as a person's leads there.
    'white-house.txt': 'The White House said: "We are watching the situation very closely."\n\nComment: As ever.\n',
    // The rules miss this statement (no marks, "hereby issues the following statement:"); its notes settle it.
    '41-ph-embassy-statement.txt': seed('41-ph-embassy-statement'),
    '41-ph-embassy-statement.notes.md': [
      '---',
      'speaker: spokesperson of the Chinese Embassy in the Philippines',
      'statement: China and the Philippine are working',
      'statement: China and the Philippines are friendly',
      '---',
      '',
    ].join('\n'),
    // Read under earlier rules as narration (o1), which is the quotation's lead-in now.
    'lead-in-reread.txt':
      'The minister, Ana Silva, answered reporters on Monday:\n\n"We will wait for the talks to end."\n\nComment: Waiting is a policy too.\n',
    'lead-in-reread.ids.jsonl': `${JSON.stringify({ id: 'o1', text: 'The minister, Ana Silva, answered reporters on Monday:', sentences: [['o1.1', 'The minister, Ana Silva, answered reporters on Monday:']] })}\n`,
    // Read under earlier rules as s1, o1 (neither voice) and c1; the words after the quotation are commentary now.
    'text-after-quote.txt': readFileSync(`${root}tests/fixtures/text-after-quote/input.txt`, 'utf8'),
    'text-after-quote.ids.jsonl': [
      { id: 's1', text: 'We will wait,', sentences: [['s1.1', 'We will wait,']] },
      { id: 'o1', text: 'adding that talks would resume.', sentences: [['o1.1', 'adding that talks would resume.']] },
      { id: 'c1', text: 'Waiting is a policy too.', sentences: [['c1.1', 'Waiting is a policy too.']] },
    ]
      .map((line) => `${JSON.stringify(line)}\n`)
      .join(''),
  });
  if (result.code !== 0) throw new Error(`the build of the genre texts failed:\n${result.stderr}`);
}, 180_000);
const env = withChromium(dist);

/** Text without white space: blocks on the page join where the original's line had a space between them. */
const squash = (s: string) => s.replace(/\s+/gu, '');

test('a headline is the title; the statement quoted twice is two blocks in the original’s order, the narration between them', () => {
  const doc = page(dist, '/03-konoe-misunderstanding/');
  const lines = seed('03-konoe-misunderstanding').split('\n');
  expect(doc.querySelector('h1')!.textContent).toBe(lines[0]);
  expect(doc.querySelector('.doc-line')!.textContent).toContain('Kiwamu Konoe');
  const blocks = [...doc.querySelectorAll('article [data-voice]')].map((el) => `${el.tagName.toLowerCase()}#${el.id}:${el.getAttribute('data-voice')}`);
  expect(blocks).toEqual(['section#statement:statement', 'section#statement-2:statement']);
  // The narration paragraph stands between the two blocks, as in the original.
  const order = [...doc.querySelectorAll('#statement, #o1, #statement-2')].map((el) => el.id);
  expect(order).toEqual(['statement', 'o1', 'statement-2']);
});

test('every line of each text is on its page, in order: nothing lost, nothing added', () => {
  for (const name of CASES) {
    const article = page(dist, `/${name}/`).querySelector('article')!;
    const shown = squash(`${article.querySelector('h1')!.textContent} ${seedText(article)}`);
    let at = 0;
    for (const line of seed(name)
      .split('\n')
      .filter((l) => l.trim())) {
      const found = shown.indexOf(squash(line), at);
      expect(found, `${name}: ${line.slice(0, 60)}`).toBeGreaterThanOrEqual(at);
      at = found + squash(line).length;
    }
  }
});

test('a quotation inside the writer’s paragraph is marked as the statement’s words, with its speaker, exactly around them', () => {
  const doc = page(dist, '/04-lee-bbc-middle/');
  const quotes = [...doc.querySelectorAll('q[data-voice="statement"]')];
  expect(quotes.length).toBeGreaterThan(0);
  const text = quotes.map((q) => q.textContent).join('');
  expect(text).toMatch(/^obviously does not want to see China, Russia and North Korea/u);
  // Its own quotation marks stay the text's, outside the element: the element adds none.
  expect(seed('04-lee-bbc-middle')).toContain(`"${text}"`);
  expect(quotes.every((q) => q.getAttribute('data-speaker') === 'Lee Jae-myung')).toBe(true);
});

test('one voice alone hides every block of the other voice, and shows every block of its own', async () => {
  const context = await env.browser.newContext();
  try {
    const p = await context.newPage();
    const displays = (voice: string) =>
      p.locator(`section[data-voice="${voice}"]`).evaluateAll((els) => els.map((el) => getComputedStyle(el).display === 'none'));
    await p.goto(`${env.server.origin}/18-trump-bad-mood/#commentary-only`);
    await eventually(() => displays('statement')).toEqual([true, true, true]);
    await eventually(() => displays('commentary')).toEqual([false, false]);
    await p.goto(`${env.server.origin}/18-trump-bad-mood/#statement-only`);
    await eventually(() => displays('commentary')).toEqual([true, true]);
    await eventually(() => displays('statement')).toEqual([false, false, false]);
  } finally {
    await context.close();
  }
});

test('the open data names each block of a voice by the id it has on the reading page, each once', () => {
  for (const name of CASES) {
    const data = JSON.parse(readFileSync(`${dist}/${name}/data.json`, 'utf8')) as { parts: { kind: string; id?: string }[] };
    const ids = data.parts.filter((p) => ['attribution', 'statement', 'commentary'].includes(p.kind)).map((p) => p.id!);
    expect(new Set(ids).size, name).toBe(ids.length);
    const doc = page(dist, `/${name}/`);
    expect(
      ids.filter((id) => !doc.getElementById(id)),
      name,
    ).toEqual([]);
  }
});

test('a body’s speaker page keeps its words in order, and the address it had as a person’s leads there, without redirect rules too', async () => {
  const speakerPage = page(dist, '/speakers/white-house/');
  expect(speakerPage.querySelector('h1')!.textContent).toContain('The White House');
  // The page at the former address: a link, a meta refresh (no script needed) and a canonical link to the new one.
  const moved = page(dist, '/speakers/house-the-white/');
  expect(moved.querySelector('main a')!.getAttribute('href')).toBe('/speakers/white-house/');
  expect(moved.querySelector('meta[http-equiv="refresh"]')!.getAttribute('content')).toBe('0; url=/speakers/white-house/');
  expect(moved.querySelector('link[rel="canonical"]')!.getAttribute('href')).toMatch(/\/speakers\/white-house\/$/u);
  // Followed in a browser from a static server with no redirect rules, it lands on the speaker's page.
  const context = await env.browser.newContext();
  try {
    const p = await context.newPage();
    await p.goto(`${env.server.origin}/speakers/house-the-white/`);
    await eventually(() => new URL(p.url()).pathname).toBe('/speakers/white-house/');
    await eventually(() => p.locator('h1').textContent()).toContain('The White House');
  } finally {
    await context.close();
  }
});

test('a change of the reading rules re-points no published id: each recorded id keeps its words, and one read into another voice lands on them', async () => {
  const doc = page(dist, '/text-after-quote/');
  // c1 still names the comment it named when it was published; the words read anew have a new id.
  expect(doc.getElementById('c1')!.textContent).toContain('Waiting is a policy too.');
  expect(doc.getElementById('c0a')!.textContent).toContain('adding that talks would resume.');
  // o1 is an anchor at the start of those words, saying what it was and linking to them.
  const o1 = doc.getElementById('o1')!;
  expect(o1.closest('#c0a')).not.toBeNull();
  expect(o1.getAttribute('href')).toBe('/text-after-quote/#c0a');
  expect(o1.getAttribute('aria-label')).toMatch(/^Paragraph O1 is now C0a/u);
  // An id whose words are a lead-in now lands at the start of that lead-in.
  const lead = page(dist, '/lead-in-reread/');
  expect(lead.getElementById('o1')!.closest('p')!.id).toBe('attribution');
  expect(lead.getElementById('o1')!.getAttribute('aria-label')).toMatch(/^Paragraph O1 is now a lead-in/u);
  // Its share page still exists, with its words.
  expect(page(dist, '/text-after-quote/o1/').querySelector('main')!.textContent).toContain('adding that talks would resume.');
  const context = await env.browser.newContext();
  try {
    const p = await context.newPage();
    await p.goto(`${env.server.origin}/text-after-quote/#o1`);
    await eventually(() => p.evaluate(() => document.querySelector(':target')?.closest('p[id]')?.id)).toBe('c0a');
  } finally {
    await context.close();
  }
});

test('paragraphs the notes name by their first words are the statement on the page, labelled as without marks, with the speaker the notes give', () => {
  const doc = page(dist, '/41-ph-embassy-statement/');
  const statement = [...doc.querySelectorAll('section[data-voice="statement"] p[id]')].map((p) => (p.textContent ?? '').trim().slice(0, 30));
  expect(statement).toEqual(['China and the Philippine are w', 'China and the Philippines are ']);
  expect(doc.querySelector('section[data-voice="statement"]')!.textContent).toContain('not in quotation marks in the original');
  expect(doc.querySelector('.doc-line')!.textContent).toContain('spokesperson of the Chinese Embassy in the Philippines');
});
