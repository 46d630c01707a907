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
