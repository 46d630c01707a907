import { expect, test } from 'vitest';
import { cappedWordsOf, holdsInOrder, isKeystroke, mayHoldPhrase, planQuery } from '../../../src/lib/search/query.ts';
import { passagesOf, phrasePlaces, TEXT_PLACE_SCORE, type BundleFragment } from '../../../src/lib/search/results.ts';

test('query terms are the distinct lowercased words, without function words', () => {
  expect(planQuery('  Radar, radar ALLIANCE <script>')).toEqual({
    pagefind: 'Radar, radar ALLIANCE <script>',
    terms: ['radar', 'alliance', 'script'],
    common: [],
    unplaced: [],
  });
  expect(planQuery('美日同盟').terms).toEqual(['美日同盟']);
});

test('function words are never asked of Pagefind: a query of nothing else asks nothing', () => {
  expect(planQuery('door for dialogue')).toEqual({ pagefind: 'door dialogue', terms: ['door', 'dialogue'], common: ['for'], unplaced: [] });
  expect(planQuery('The  WITH of')).toEqual({ pagefind: null, terms: [], common: ['the', 'with', 'of'], unplaced: [] });
  expect(planQuery('   ').pagefind).toBeNull();
});

test('a quoted phrase is Pagefind’s exact search, unless it holds a function word: then its other words, and the phrase to check', () => {
  expect(planQuery('"China threat theory"')).toEqual({ pagefind: '"China threat theory"', terms: ['china', 'threat', 'theory'], common: [], unplaced: [] });
  expect(planQuery('“door for dialogue”')).toEqual({
    pagefind: 'door dialogue',
    phrase: ['door', 'for', 'dialogue'],
    terms: ['door', 'dialogue'],
    common: ['for'],
    unplaced: [],
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

// Capped words (src/lib/search/capped-words.ts): index words, stemmed as Pagefind stems them.
const WORDS = ['minist', 'polici', 'region', 'talk', 'us'];
const CAPPED = { ranges: 3, words: WORDS };

test('a term reaches the capped words it begins and those it extends, as Pagefind would match them', () => {
  expect(cappedWordsOf('minister', WORDS)).toEqual(['minist']);
  expect(cappedWordsOf('Ministers,', WORDS)).toEqual(['minist']);
  expect(cappedWordsOf('policy', WORDS)).toEqual(['polici']); // the stem ends in i where the word ends in y
  expect(cappedWordsOf('reg', WORDS)).toEqual(['region']); // a word typed so far
  expect(cappedWordsOf('regional', WORDS)).toEqual(['region']);
  expect(cappedWordsOf('regime', WORDS)).toEqual([]);
  expect(cappedWordsOf('usual', WORDS)).toEqual([]); // a capped word shorter than three letters is reached only whole
  expect(cappedWordsOf('us', WORDS)).toEqual(['us']);
});

test('a query names capped words as typed and finds their places in the text; a quoted phrase names them by their aliases, range by range', () => {
  expect(planQuery('Region sanctions', CAPPED)).toEqual({
    pagefind: 'Region sanctions',
    terms: ['region', 'sanctions'],
    common: [],
    unplaced: [{ term: 'region', capped: ['region'] }],
  });
  expect(planQuery('"talk of veeoct"', CAPPED)).toEqual({
    pagefind: '~0~talk veeoct',
    phrase: ['talk', 'of', 'veeoct'],
    placed: [0, 2],
    terms: ['talk', 'veeoct'],
    common: ['of'],
    unplaced: [{ term: 'talk', capped: ['talk'] }],
    more: ['~1~talk veeoct', '~2~talk veeoct'],
    plain: 'talk veeoct',
  });
  // A phrase of content words with a capped one is checked in the text too: the aliases are not an exact search.
  expect(planQuery('"Regional talks"', CAPPED)).toMatchObject({
    pagefind: '~0~regional ~0~talks',
    phrase: ['regional', 'talks'],
    more: ['~1~regional ~1~talks', '~2~regional ~2~talks'],
    plain: 'Regional talks',
  });
  expect(planQuery('"China threat"', CAPPED)).toMatchObject({ pagefind: '"China threat"', unplaced: [] });
});

test('in a large index, a phrase with a function word asks its places too, by its alias in each range: only pages where the words stand in order are loaded', () => {
  const capped = { ranges: 3, words: ['of', 'region', 'the'] };
  expect(planQuery('"steesli the"', capped)).toEqual({
    pagefind: 'steesli ~0~the',
    phrase: ['steesli', 'the'],
    placed: [0, 1],
    terms: ['steesli'],
    common: ['the'],
    unplaced: [],
    more: ['steesli ~1~the', 'steesli ~2~the'],
    plain: 'steesli',
  });
  // A content word never reaches a capped function word: "Washington" is not "was", and its phrase is an exact search.
  expect(planQuery('"Washington said"', { ranges: 3, words: ['the', 'was'] })).toMatchObject({ pagefind: '"Washington said"', unplaced: [] });
  // A function word the index did not cap (a small index) is left to the text, as before.
  expect(planQuery('"door for dialogue"', capped)).toMatchObject({ pagefind: 'door dialogue', phrase: ['door', 'for', 'dialogue'] });
  expect(planQuery('"door for dialogue"', capped).placed).toBeUndefined();
  // Before a page is loaded, each word's own places say whether the phrase may stand in it: "steesli" at 7, "the" at 8;
  // "the steesli" is not "steesli the".
  expect(holdsInOrder([[7, 20], [8]], [0, 1])).toBe(true);
  expect(holdsInOrder([[7, 20], [9]], [0, 1])).toBe(false);
  expect(holdsInOrder([[8], [7, 20]], [0, 1])).toBe(false);
  expect(
    holdsInOrder(
      [
        [8, 30],
        [7, 31],
      ],
      [0, 1],
    ),
  ).toBe(true);
  expect(holdsInOrder([[3], [4], [5]], [0, 2, 3])).toBe(false);
  expect(holdsInOrder([[3], [5], [6]], [0, 2, 3])).toBe(true);
  expect(holdsInOrder([[], [5]], [0, 1])).toBe(false);
});

test('a capped term’s places are found in the text of a bundle where Pagefind gave none, and weigh less than any it scores', () => {
  const words = 'The region talks; regional ministers met. A ministry of the regions.'.split(' ');
  const fragment = (located: number[]): BundleFragment => ({
    content: words.join(' '),
    anchors: [{ id: 'p0', title: JSON.stringify({ d: 'a', t: 'A', p: 'c1', o: [0] }), location: 0 }],
    filters: { voice: ['Commentary'] },
    weighted_locations: located.map((location) => ({ location, balanced_score: 1 })),
  });
  const region = planQuery('region', CAPPED);
  const [hit] = passagesOf(fragment([]), region.terms, 0, {}, undefined, region.unplaced);
  expect(hit!.excerpt.filter((r) => r.marked).map((r) => r.text)).toEqual(['region', 'regional', 'regions']);
  expect(hit!.score).toBeCloseTo(3 * TEXT_PLACE_SCORE);
  // Pagefind gave "ministry" a place ("ministri" is not capped): the term is not searched for in the text.
  const ministry = planQuery('ministry', { ranges: 1, words: [...WORDS, 'minis'] });
  const [own] = passagesOf(fragment([7]), ministry.terms, 0, {}, undefined, ministry.unplaced);
  expect(own!.excerpt.filter((r) => r.marked).map((r) => r.text)).toEqual(['ministry']);
  // Without the list, a capped word's bundle has no place for it: nothing is found.
  expect(passagesOf(fragment([]), region.terms, 0)).toEqual([]);
});
