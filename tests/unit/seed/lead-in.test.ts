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
