import { expect, test } from 'vitest';
import { isKeystroke, mayHoldPhrase, planQuery } from '../../../src/lib/search/query.ts';
import { passagesOf, phrasePlaces, type BundleFragment } from '../../../src/lib/search/results.ts';

test('query terms are the distinct lowercased words, without function words', () => {
  expect(planQuery('  Radar, radar ALLIANCE <script>')).toEqual({
    pagefind: 'Radar, radar ALLIANCE <script>',
    terms: ['radar', 'alliance', 'script'],
    common: [],
  });
  expect(planQuery('美日同盟').terms).toEqual(['美日同盟']);
});

test('function words are never asked of Pagefind: a query of nothing else asks nothing', () => {
  expect(planQuery('door for dialogue')).toEqual({ pagefind: 'door dialogue', terms: ['door', 'dialogue'], common: ['for'] });
  expect(planQuery('The  WITH of')).toEqual({ pagefind: null, terms: [], common: ['the', 'with', 'of'] });
  expect(planQuery('   ').pagefind).toBeNull();
});

test('a quoted phrase is Pagefind’s exact search, unless it holds a function word: then its other words, and the phrase to check', () => {
  expect(planQuery('"China threat theory"')).toEqual({ pagefind: '"China threat theory"', terms: ['china', 'threat', 'theory'], common: [] });
  expect(planQuery('“door for dialogue”')).toEqual({
    pagefind: 'door dialogue',
    phrase: ['door', 'for', 'dialogue'],
    terms: ['door', 'dialogue'],
    common: ['for'],
  });
  expect(planQuery('"sanctions with"')).toMatchObject({ pagefind: 'sanctions', phrase: ['sanctions', 'with'] });
  expect(planQuery('"of the"').pagefind).toBeNull();
});

test('a result may hold a phrase only where its searched words stand as in the phrase', () => {
  const phrase = ['door', 'for', 'dialogue'];
  expect(mayHoldPhrase([3, 9, 11], phrase)).toBe(true); // door at 9, dialogue at 11
  expect(mayHoldPhrase([3, 9, 12], phrase)).toBe(false);
  expect(mayHoldPhrase([4], ['talk', 'of'])).toBe(true); // one searched word: the text decides
});

test('a passage holds a phrase where its words stand in order, function words as they are and others as Pagefind matches them', () => {
  const words = 'The door for dialogue remains open; a door, for Dialogues, too. No door to dialogue.'.split(' ');
  expect(phrasePlaces(words, 0, words.length, ['door', 'for', 'dialogue'])).toEqual([1, 7]);
  expect(phrasePlaces(words, 2, words.length, ['door', 'for', 'dialogue'])).toEqual([5]);
  const fragment: BundleFragment = {
    content: words.join(' '),
    anchors: [{ id: 'p0', title: JSON.stringify({ d: 'a', t: 'A', p: 'c1', o: [0] }), location: 0 }],
    filters: { voice: ['Commentary'] },
    weighted_locations: [1, 3, 7, 9, 13, 15].map((location) => ({ location, balanced_score: 1 })),
  };
  const [hit] = passagesOf(fragment, ['door', 'dialogue'], 0, {}, ['door', 'for', 'dialogue']);
  expect(hit!.excerpt.filter((r) => r.marked).map((r) => r.text)).toEqual(['door', 'for', 'dialogue', 'door', 'for', 'Dialogues']);
  // The function word is marked in the phrase but does not stand for the query on the landing page.
  expect(hit!.matched).toEqual(['door', 'dialogue', 'dialogues']);
  expect(passagesOf(fragment, ['door', 'dialogue'], 0, {}, ['door', 'to', 'remain'])).toEqual([]);
});

test('a keystroke is one character typed or deleted anywhere; a paste, a link’s query or a cleared box is a whole query', () => {
  expect(isKeystroke('', 'r')).toBe(true);
  expect(isKeystroke('rada', 'radar')).toBe(true);
  expect(isKeystroke('radar', 'rada')).toBe(true);
  expect(isKeystroke('door dialogue', 'door  dialogue')).toBe(true);
  expect(isKeystroke('dor for', 'door for')).toBe(true);
  expect(isKeystroke('', '"door for dialogue"')).toBe(false);
  expect(isKeystroke('radar', 'radio')).toBe(false);
  expect(isKeystroke('radar', '')).toBe(false);
  expect(isKeystroke('radar', 'radar')).toBe(false);
  expect(isKeystroke('rad', 'radar')).toBe(false);
});
