import { expect, test } from 'vitest';
import { speakerOf } from '../../../src/lib/seed/speaker.ts';
import { findHeadline, isDeck, isSectionLabel } from '../../../src/lib/seed/headline.ts';
import { paragraphBlocks } from '../../../src/lib/seed/blocks.ts';

test('a person is a name in capitals, at most five words, with the connectors names have', () => {
  for (const name of ['Koizumi Shinjiro', 'Ursula von der Leyen', '毛宁', 'Ana Maria Silva Costa Pereira']) {
    expect(speakerOf(` ${name} `)).toEqual({ name, kind: 'person' });
  }
  // Six words, a lower-case word that is no connector, a list, a quotation: nobody.
  expect(speakerOf('Ana Maria Silva Costa Pereira Lima')).toBeUndefined();
  expect(speakerOf('Ana said Silva')).toBeUndefined();
  expect(speakerOf('Ana Silva and Li Wei')).toBeUndefined();
  expect(speakerOf('Ana & Li')).toBeUndefined();
  expect(speakerOf('"Ana Silva"')).toBeUndefined();
  expect(speakerOf('netizens')).toBeUndefined();
  expect(speakerOf('the spokesperson')).toBeUndefined();
  expect(speakerOf('')).toBeUndefined();
  expect(speakerOf('some analyst')).toBeUndefined();
});

test('a body is a name with an institution’s or an outlet’s head word, its words in capitals or connectors', () => {
  for (const name of ['the White House', 'Ministry of Foreign Affairs of the Republic', 'Lianhe Zaobao website', 'Office (Hong Kong)', 'US media']) {
    expect(speakerOf(name)).toEqual({ name, kind: 'body' });
  }
  // A lower-case word that is neither a connector nor a head word: no body is named.
  expect(speakerOf('Ministry officials say')).toBeUndefined();
  // Eleven words is no one name.
  expect(speakerOf('The Ministry of Foreign Affairs of the Republic of the Union of Ruritania')).toBeUndefined();
});

test('an office of a body, unnamed, is a person named as the text names it; an office of no body is nobody', () => {
  expect(speakerOf('the spokesperson of the Chinese Embassy in Ruritania')).toEqual({
    name: 'spokesperson of the Chinese Embassy in Ruritania',
    kind: 'person',
  });
  expect(speakerOf('a spokesperson for the Ruritanian Mission')).toEqual({ name: 'spokesperson for the Ruritanian Mission', kind: 'person' });
  expect(speakerOf('Chinese foreign ministry spokesperson')).toEqual({ name: 'Chinese foreign ministry spokesperson', kind: 'person' });
  expect(speakerOf('the spokesperson of the people')).toBeUndefined();
  // A body's name in lower case, or a list of bodies, is no body.
  expect(speakerOf('the spokesperson of the ministry')).toBeUndefined();
  expect(speakerOf('the spokesperson of the Ministry and Embassy')).toBeUndefined();
});

const blocksOf = (text: string) => paragraphBlocks(text);

test('a headline: a short first line that does not end as a sentence, in a text of three paragraphs or more', () => {
  const body = '\n\nAna Silva said: "We will wait."\n\nComment: We will see.\n';
  const head = (first: string) => findHeadline(`${first}${body}`, blocksOf(`${first}${body}`))?.text;
  expect(head('Ruritania answers its critics!')).toBe('Ruritania answers its critics!');
  expect(head('【Ruritania answers its critics.】')).toBe('【Ruritania answers its critics.】');
  expect(head(Array(30).fill('word').join(' '))).toBeDefined();
  expect(head(Array(31).fill('word').join(' '))).toBeUndefined();
  expect(head('鲁里塔尼亚回应批评'.repeat(7).slice(0, 60))).toBeDefined();
  expect(head('鲁里塔尼亚回应批评'.repeat(7).slice(0, 61))).toBeUndefined();
  expect(head('Ruritania answers its critics.')).toBeUndefined();
  expect(head('"We will wait," she said')).toBeUndefined();
  // Two paragraphs leave no room for a title.
  expect(findHeadline('Ruritania answers\n\nAna Silva said: "No."\n', blocksOf('Ruritania answers\n\nAna Silva said: "No."\n'))).toBeUndefined();
});

test('a section label: one to three capitalized words above a longer headline', () => {
  const text = (label: string) => `${label}\n\nRuritania Answers Its Critics Today\n\nAna Silva said: "We will wait."\n\nComment: We will see.\n`;
  const label = (t: string) => isSectionLabel(text(t), blocksOf(text(t)));
  expect(label('Foreign Affairs')).toBe(true);
  expect(label('Foreign  Affairs')).toBe(true);
  expect(label('News & Views')).toBe(true);
  expect(label('Asia Pacific World')).toBe(true);
  expect(label('Asia Pacific World News')).toBe(false);
  expect(label('Foreign affairs')).toBe(false);
  expect(label('x Foreign Affairs')).toBe(false);
  expect(label('iPhone News')).toBe(false);
  expect(label('World News:')).toBe(false);
  expect(isSectionLabel('', [])).toBe(false);
  // No line under it, or a line under it as short: no label.
  expect(isSectionLabel('Foreign Affairs', blocksOf('Foreign Affairs'))).toBe(false);
  const short = 'Foreign Affairs Desk\n\nRuritania Answers Critics\n\nAna Silva said: "We will wait."\n\nComment: We will see.\n';
  expect(isSectionLabel(short, blocksOf(short))).toBe(false);
});

test('a deck: a short second title line that does not end as a sentence, a label or a quotation', () => {
  expect(isDeck('Ruritanian Foreign Ministry: the behaviour is hypocritical')).toBe(true);
  expect(isDeck(`${Array(15).fill('word').join(' ')}`)).toBe(true);
  expect(isDeck(`${Array(16).fill('word').join(' ')}`)).toBe(false);
  expect(isDeck('The behaviour is hypocritical.')).toBe(false);
  expect(isDeck('The behaviour is hypocritical  ')).toBe(true);
  expect(isDeck('The behaviour is hypocritical:  ')).toBe(false);
  expect(isDeck('Comment: the behaviour is hypocritical')).toBe(false);
  expect(isDeck('“The behaviour is hypocritical')).toBe(false);
});
