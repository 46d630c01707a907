import { expect, test } from 'vitest';
import { describeLeadIn } from '../../../src/lib/seed/lead-in.ts';

test('speaker and role are told apart by the words of office, whichever comes first', () => {
  expect(describeLeadIn("Japan's Minister of Defense, Koizumi Shinjiro, posted today (December 12):")).toEqual({
    role: "Japan's Minister of Defense",
    speaker: 'Koizumi Shinjiro',
    dateText: 'December 12',
  });
  expect(describeLeadIn('Special Envoy of Ruritania, Ana Silva, told reporters (August 6, 2025):')).toMatchObject({
    role: 'Special Envoy of Ruritania',
    speaker: 'Ana Silva',
    date: '2025-08-06',
  });
  expect(describeLeadIn('Ana Silva, Consul General in Osaka, said on April 9:')).toMatchObject({ role: 'Consul General in Osaka', speaker: 'Ana Silva' });
  expect(describeLeadIn('Deputy Foreign Minister of Ruritania, Ana Silva, wrote on social media:')).toMatchObject({ speaker: 'Ana Silva' });
});

test('a speaker who gave or made a statement is named as one who said it', () => {
  expect(describeLeadIn('Ana Silva, Deputy Director of the Ruritanian Party, gave a statement to media.')).toMatchObject({
    speaker: 'Ana Silva',
    role: 'Deputy Director of the Ruritanian Party',
  });
  expect(describeLeadIn('Foreign Minister Ana Silva made remarks on Monday:')).toMatchObject({ speaker: 'Ana Silva' });
  // "Gave" alone gives no words.
  expect(describeLeadIn('Ana Silva gave a dinner for the delegates.').speaker).toBeUndefined();
});

test('a sentence that reports words before naming who spoke: the office and name just before the verb; "States" is no verb', () => {
  expect(
    describeLeadIn(
      'Ruritania sends arms to its ally, but criticises the trade between its neighbours, Foreign Ministry spokesman Ana Silva stated, the agency reports.',
    ),
  ).toMatchObject({ role: 'Foreign Ministry spokesman', speaker: 'Ana Silva' });
  expect(describeLeadIn('The United States provides support, Foreign Ministry spokesman Ana Silva said.')).toMatchObject({ speaker: 'Ana Silva' });
  expect(describeLeadIn('The United States provides support to its allies.').speaker).toBeUndefined();
});

test('a person described in words that are no office, then named in two to four words: the description is the role', () => {
  expect(describeLeadIn('Ruritanian conservative figure and entrepreneur Ana Maria Silva wrote yesterday (November 18):')).toMatchObject({
    role: 'Ruritanian conservative figure and entrepreneur',
    speaker: 'Ana Maria Silva',
  });
  // A body's name after "of", "the", "by": no person is made of it.
  expect(describeLeadIn('The spokesperson of the Chinese Embassy said:').speaker).not.toBe('Chinese Embassy');
  expect(describeLeadIn('A statement released by the Foreign Ministry said:').speaker).not.toBe('Foreign Ministry');
  // One word in capitals after a description is not taken as a name.
  expect(describeLeadIn('Ruritanian entrepreneur Silva wrote:').speaker).toBe('Ruritanian entrepreneur Silva');
});
