import { expect, test } from 'vitest';
import { parseSeed, type Part, type SeedDocument } from '../../../src/lib/seed/parse.ts';
import { documentSpeaker } from '../../../src/lib/seed/speaker.ts';
import { documentTitle } from '../../../src/lib/seed/title.ts';
import { expectExactCover } from '../../helpers/document.ts';

// The genre's shapes, each in a small invented text. Every text is also checked to stay on the page whole.
const read = (text: string): SeedDocument => {
  const doc = parseSeed(text);
  expectExactCover(doc);
  return doc;
};
const kinds = (doc: SeedDocument) => doc.parts.map((p) => (p.kind === 'other' && p.narration ? 'narration' : p.kind));
const textOf = (p: Part | undefined) =>
  p === undefined ? undefined : 'paragraphs' in p ? p.paragraphs.map((q) => q.text).join('\n') : 'text' in p ? p.text : undefined;
const statements = (doc: SeedDocument) => doc.parts.filter((p) => p.kind === 'statement').map(textOf);

test('a statement standing mid-text keeps its place: commentary, the cue, the statement, more commentary', () => {
  const doc = read(
    'Comment: Tokyo has raised the matter again.\n\nThe ministry’s statement says:\n\n“We will respond firmly to any provocation in our waters.”\n\nThat is the same line as last year.\n\nOriginal article: example.com/x\n',
  );
  expect(kinds(doc)).toEqual(['commentary', 'attribution', 'statement', 'commentary', 'source']);
  expect(statements(doc)).toEqual(['We will respond firmly to any provocation in our waters.']);
  expect(doc.parts.filter((p) => p.kind === 'commentary').map((p) => (p.kind === 'commentary' ? p.paragraphs.map((q) => q.id) : []))).toEqual([['c1'], ['c2']]);
});

test('a quotation that runs on to the next paragraph without a closing mark is one statement of two paragraphs', () => {
  const doc = read('Ana Silva said:\n\n“We will wait for the talks\n\nand we will not move before they end.”\n\nComment: Waiting is a policy too.\n');
  const statement = doc.parts.find((p) => p.kind === 'statement');
  expect(statement?.kind === 'statement' && [statement.closed, statement.paragraphs.map((p) => p.text)]).toEqual([
    true,
    ['We will wait for the talks', 'and we will not move before they end.'],
  ]);
});

test('a quotation inside the lead-in paragraph: the narration is the lead-in, the words after the closing mark are commentary', () => {
  const doc = read(
    'On May 3, Foreign Minister Ana Silva said at a press conference: "We will not accept any change to the status quo." This is the same empty promise as before.\n\nOriginal article: example.com/y\n',
  );
  expect(kinds(doc)).toEqual(['attribution', 'statement', 'commentary', 'source']);
  expect(textOf(doc.parts[0])).toBe('On May 3, Foreign Minister Ana Silva said at a press conference:');
  expect(textOf(doc.parts[2])).toBe('This is the same empty promise as before.');
  expect(documentSpeaker(doc)).toEqual({ name: 'Ana Silva', kind: 'person' });
});

test('speech without quotation marks after "X pointed out:" is the statement, marked as given without marks', () => {
  const doc = read('Ana Silva pointed out: Although the talks failed, this made me feel relieved.\n\nComment: Relief is not a policy.\n');
  const statement = doc.parts.find((p) => p.kind === 'statement');
  expect(statement?.kind === 'statement' && statement.unmarked).toBe(true);
  expect(statements(doc)).toEqual(['Although the talks failed, this made me feel relieved.']);
  expect(textOf(doc.parts[0])).toBe('Ana Silva pointed out:');
});

test('a statement in paragraphs of their own after "The statement said:" runs to the next label or closing line', () => {
  const doc = read(
    'Ruritania’s foreign ministry issued a statement on Tuesday.\n\nThe statement said:\n\nWe reject the claims.\n\nWe will defend our interests.\n\nJanuary 12, 2021\n',
  );
  expect(kinds(doc)).toEqual(['narration', 'attribution', 'statement', 'other']);
  expect(statements(doc)).toEqual(['We reject the claims.\nWe will defend our interests.']);
});

test('the speaker after the quote is the speaker; an office that posts a person’s words is named as the channel', () => {
  const signed = read(
    '"History will judge us by what we do now." – President Ana Silva\n\nComment: Words are cheap.\n\nStatement: This article represents the views of the author.\n',
  );
  expect(kinds(signed)).toEqual(['statement', 'attribution', 'commentary', 'disclaimer']);
  expect(documentSpeaker(signed)).toEqual({ name: 'Ana Silva', kind: 'person' });
  const posted = read('The Embassy of Ruritania wrote: "We stand with our friends in these hard days." – Secretary Ana Silva\n\nComment: Hardly.\n');
  expect(documentSpeaker(posted)).toEqual({ name: 'Ana Silva', kind: 'person', postedBy: 'The Embassy of Ruritania' });
  const said = read('"For some time, they have been using state power against our firms," said Foreign Ministry spokesman Ana Silva.\n\nComment: Quite so.\n');
  expect(documentSpeaker(said)).toEqual({ name: 'Ana Silva', kind: 'person' });
});

test('outlets and bodies are speakers of their own kind, never read as a person’s name', () => {
  expect(documentSpeaker(read('The Straits Times reported: "The talks will resume in June, officials confirmed."\n\nComment: We will see.\n'))).toEqual({
    name: 'The Straits Times',
    kind: 'body',
  });
  expect(documentSpeaker(read('According to Xinhua, "the two sides agreed to keep talking about the matter."\n\nComment: Good.\n'))).toEqual({
    name: 'Xinhua',
    kind: 'body',
  });
  expect(documentSpeaker(read('The White House said: "We are watching the situation very closely."\n\nComment: As ever.\n'))?.kind).toBe('body');
});

test('nobody named, nobody guessed: a pronoun, an office or a thing is not a speaker', () => {
  for (const lead of ['He said:', 'The spokesperson said:', 'The statement said:', 'Officials said:']) {
    expect(documentSpeaker(read(`${lead} "We will not comment on this matter any further."\n\nComment: Telling.\n`)), lead).toBeUndefined();
  }
});

test('a whole article in one paragraph: lead-in, two quotations and the commentary each in their voice', () => {
  const doc = read('Ana Silva said: "We will wait for the talks to end." She added: "Nobody should expect a change of course." This is the old evasion.\n');
  expect(kinds(doc)).toEqual(['attribution', 'statement', 'attribution', 'statement', 'commentary']);
  expect(statements(doc)).toEqual(['We will wait for the talks to end.', 'Nobody should expect a change of course.']);
});

test('the markers of the commentary and the disclaimer in their forms', () => {
  for (const label of ['Comment:', 'Comments:', '[Witty] Comment:', '[Sarcastic] Comment a bit:', '[Clever]']) {
    const doc = read(
      `Ana Silva said: "We will wait for the talks to end."\n\n${label} Waiting is a policy too.\n\nDisclaimer: This article represents the views of the author.\n`,
    );
    expect(kinds(doc), label).toEqual(['attribution', 'statement', 'commentary', 'disclaimer']);
    const commentary = doc.parts[2]!;
    expect(commentary.kind === 'commentary' && commentary.label?.text, label).toBe(label.replace(/ $/u, ''));
  }
});

test('a headline line is the title, not a paragraph of commentary', () => {
  for (const headline of ['Ana Silva: We will not back down!', '【Ruritania answers its critics】', 'Will the talks ever resume?']) {
    const doc = read(`${headline}\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n`);
    expect(kinds(doc)[0], headline).toBe('headline');
    expect(documentTitle(doc, 'file')).toBe(headline);
  }
  // A first paragraph of prose is not a headline.
  expect(kinds(read('Ruritania has spoken again.\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n'))[0]).toBe('narration');
});

test('a speaker’s quotation inside the writer’s paragraph is the statement’s words; scare quotes and labels stay the writer’s', () => {
  const doc = read(
    'Comment: The so-called "China threat theory" is a tired excuse. Officials said "no decision has been made at this stage" while preparing one. The "unbreakable" alliance is a myth.\n',
  );
  const p = doc.parts.find((x) => x.kind === 'commentary');
  expect(p?.kind === 'commentary' && p.paragraphs.flatMap((q) => (q.quotes ?? []).map((s) => s.text))).toEqual(['no decision has been made at this stage']);
});

test('a report without the genre’s closing lines or a label: its narration is never shown as opinion', () => {
  const doc = read(
    'BEIJING, Sept. 3 (Xinhua) -- A spokesperson said on Wednesday that the move was wrong.\n\nThe spokesperson said the country would respond.\n\n"We urge them to stop at once and correct the mistake," the spokesperson said.\n',
  );
  expect(kinds(doc)).not.toContain('commentary');
});

test('marks with nothing between them quote nothing: they stay in the writer’s paragraph, and on the page', () => {
  const doc = read('Ana Silva said: "We will wait."\n\nThey wrote:「」""\n');
  expect(kinds(doc)).toEqual(['attribution', 'statement', 'narration']);
  expect(textOf(doc.parts[2])).toBe('They wrote:「」""');
});

test('a date line, a photo credit or a breadcrumb trail above the headline is neither: the headline under it is the title', () => {
  for (const above of ['Monday 2 May 2022 - 21:57', '2020-04-22 18:23', 'Image: Xinhua/UNI', 'Home / World / Asia-Pacific', 'Press Releases|']) {
    const doc = read(`${above}\n\nRuritania answers its critics\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n`);
    expect(kinds(doc).slice(0, 2), above).toEqual(['other', 'headline']);
    expect(documentTitle(doc, 'file')).toBe('Ruritania answers its critics');
  }
  // A title that begins with such a word is a title.
  for (const title of ['Photo Op Diplomacy Backfires On Tokyo', 'By the Numbers: Ruritania answers']) {
    expect(kinds(read(`${title}\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n`))[0], title).toBe('headline');
  }
  // A short line above a headline is not known furniture: it stays the headline, and what follows is read as before.
  expect(kinds(read('Foreign Affairs\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n'))[0]).toBe('headline');
});

test('a section label above a longer headline is neither: the headline under it is the title', () => {
  const doc = read('Foreign Affairs\n\nRuritania Answers Its Critics\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n');
  expect(kinds(doc).slice(0, 2)).toEqual(['other', 'headline']);
  expect(documentTitle(doc, 'file')).toBe('Ruritania Answers Its Critics');
  // Not a label: a line with punctuation or in lower case, or one no shorter than the line under it.
  for (const top of ['Foreign Affairs:', 'Trade war', 'Ruritania Answers Critics Today']) {
    const first = read(`${top}\n\nRuritania Answers Its Critics\n\nAna Silva said: "We will not back down."\n\nComment: Brave words.\n`);
    expect(kinds(first)[0], top).not.toBe('other');
  }
});

test('an office of a body, named without its holder, is the speaker as the text names it; an office alone names nobody', () => {
  const speaker = (text: string) => documentSpeaker(read(text))?.name;
  expect(
    speaker('In response to the remarks, the spokesperson of the Chinese Embassy in Ruritania hereby issues the following statement:\n\nWe reject them.\n'),
  ).toBe('spokesperson of the Chinese Embassy in Ruritania');
  expect(speaker('When asked about the report, a spokesperson of the Ruritanian Mission to the European Union (EU), said: "We reject it."\n')).toBe(
    'spokesperson of the Ruritanian Mission to the European Union (EU)',
  );
  expect(speaker('The spokesperson said: "We reject it."\n')).toBeUndefined();
  expect(speaker('Ambassador Kelly sharply said: "We reject it."\n')).toBe('Kelly');
  // A noun in -ly is not an adverb: "The Abe family" is who spoke, not "The Abe".
  expect(speaker('The Abe family said: "We reject it."\n')).not.toBe('The Abe');
});

test('in a text of opinion without a label, paragraphs that report an office holder’s words are narration, and the writer’s after them commentary', () => {
  const doc = read(
    'The US Secretary of State Rubio stated in an interview that China is the top challenge.\n\nHe said that the United States hopes to be stronger.\n\nIt is clear that this is containment.\n\nOriginal article: example.com/x\n',
  );
  expect(kinds(doc)).toEqual(['narration', 'commentary', 'source']);
  expect(doc.parts[0]!.kind === 'other' && doc.parts[0]!.paragraphs).toHaveLength(2);
});

test('a quotation whose writer closes it at the end of each paragraph runs on into the next, whose one mark closes it', () => {
  const doc = read(
    'Ana Silva wrote yesterday: "The video was edited."\n\nThen it was posted. Diplomacy takes place in rooms, not corridors."\n\nComment: Not so.\n\nOriginal article: example.com/x\n',
  );
  expect(kinds(doc)).toEqual(['attribution', 'statement', 'commentary', 'source']);
  const statement = doc.parts[1]!;
  expect(statement.kind === 'statement' && statement.paragraphs.map((p) => p.text)).toEqual([
    'The video was edited.',
    'Then it was posted. Diplomacy takes place in rooms, not corridors.',
  ]);
  // A paragraph with a mark of its own inside it is the writer's: it does not run on.
  const own = read('Ana Silva wrote: "The video was edited."\n\nShe calls it "propaganda" and more."\n\nComment: Not so.\n');
  expect(kinds(own).slice(0, 2)).toEqual(['attribution', 'statement']);
  expect(own.parts[1]!.kind === 'statement' && own.parts[1]!.paragraphs).toHaveLength(1);
});

test('speech without marks that an outlet signs after a colon at the paragraph’s end: the statement, then its signature', () => {
  const doc = read(
    'Ruritania urges its neighbour to stop\n\nBy the Daily Ruritanian\n\nDisregarding the facts, the neighbour calls our firms military ones, which lacks evidence. We firmly oppose the practice: spokesperson of the Ruritanian Ministry of Commerce on Monday\n\nThe neighbour has abused its power to suppress our firms, violating the rules of trade it has always flaunted: MOFCOM\n',
  );
  expect(kinds(doc)).toEqual(['headline', 'other', 'statement', 'attribution', 'statement', 'attribution']);
  expect(textOf(doc.parts[3])).toBe(': spokesperson of the Ruritanian Ministry of Commerce on Monday');
  expect(documentSpeaker(doc)?.name).toBe('spokesperson of the Ruritanian Ministry of Commerce');
  // A colon before a few words in capitals that name no office or body is the writer's own: "as the saying goes".
  const own = read(
    'Ana Silva said: "We will wait."\n\nComment: This is what the whole region has been hearing for years now, as the saying goes: Actions Speak Louder\n',
  );
  expect(kinds(own)).toEqual(['attribution', 'statement', 'commentary']);
});

test('in a report, the speaker is who the first quotation’s own sentence gives it to, not someone the narration before only reports', () => {
  const doc = read(
    'TOKYO - The Chief Cabinet Secretary, Ana Silva, clarified that a newspaper misquoted the Prime Minister.\n\nResponding to a question, Silva said the government had explained it.\n\nForeign Ministry spokesman Li Wei said on Thursday that "the Ruritanian side was astonished at the report," adding that it was rare.\n',
  );
  expect(documentSpeaker(doc)?.name).toBe('Li Wei');
});

test('a deck under the headline is the page’s, not a lead-in; a name and a colon alone before speech name its speaker', () => {
  const decked = read(
    'Ruritania accuses its neighbour of double standards\n\nRuritanian Foreign Ministry: the neighbour’s behaviour is hypocritical\n\nThe neighbour arms one side, Foreign Ministry spokesman Li Wei stated, the agency reports.\n\n"The neighbour is arming one side while accusing others," he noted.\n',
  );
  expect(kinds(decked).slice(0, 2)).toEqual(['headline', 'other']);
  expect(documentSpeaker(decked)?.name).toBe('Li Wei');
  const named = read('Ruritanian media: On January 6, the ministry announced a ban on exports. The ban may hurt the economy.\n\nComment: We will see.\n');
  expect(kinds(named).slice(0, 2)).toEqual(['attribution', 'statement']);
  expect(documentSpeaker(named)).toEqual({ name: 'Ruritanian media', kind: 'body' });
});
