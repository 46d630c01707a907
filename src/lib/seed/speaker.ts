/**
 * Who spoke: the person or body whose words a document quotes, read from the
 * lead-in of its first statement ("Japan's Minister of Defense, Koizumi
 * Shinjiro, posted today"), from an attribution after a quotation
 * ("– President A. Name"), or from "according to X". A body (a ministry, an
 * embassy, a newspaper, a news agency) is told from a person, and an office
 * that posts a person's words is named as the channel, not the speaker.
 *
 * Precision comes first: a wrong speaker does more harm than none. A lead-in
 * that names only an office ("the spokesperson", "he") names nobody.
 *
 * People and bodies are told apart by the words of institutions, not by a
 * language model: the maintained libraries tried (compromise 14.17) knew 2 of
 * 20 names of the genre's speakers, people or bodies (bench/NOTES.md).
 */
import type { AttributionPart, SeedDocument } from './document.ts';
import { describeLeadIn } from './lead-in.ts';

/** The person or body whose words a document quotes. */
export interface DocumentSpeaker {
  /** As the text names them. */
  name: string;
  kind: 'person' | 'body';
  /** The body that posted a person's words ("the White House"), when the text says so. */
  postedBy?: string;
}

/** Head words of the names of bodies: institutions, offices, outlets. */
const BODY =
  /\b(?:ministry|ministries|embassy|consulate|office|house|government|cabinet|department|agency|council|committee|commission|parliament|congress|senate|diet|assembly|party|army|navy|force|forces|command|bureau|administration|authority|authorities|mission|delegation|court|bank|university|institute|association|federation|union|organi[sz]ation|news|times|post|daily|herald|tribune|journal|press|media|television|tv|radio|broadcaster|network|newspaper|channel|xinhua|reuters|kyodo|yonhap|tass|ria|cctv|cgtn|nhk|bbc|cnn|afp|ap|zaobao|sputnik|jiji|asahi|yomiuri|mainichi|nikkei|guardian|economist|bloomberg|politico|axios|side)\b/iu;
/** Words that name an office or a person without naming them. */
const NOT_A_NAME =
  /^(?:he|she|they|it|we|i|this|that|the\s+(?:spokes\w*|minister|official|source|article|report|author|writer|leader|president|premier|envoy|ambassador|statement|letter|post|text|side)|officials?|sources?|analysts?|experts?|observers?|reports?|media|netizens)$/iu;

/** Lower-case words inside the names of bodies. */
const BODY_CONNECTORS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'to', 'at', 'de', 'du', 'des', 'del', 'la', 'le']);
/** Lower-case words inside personal names. */
const CONNECTORS = new Set(['bin', 'binti', 'al', 'el', 'de', 'da', 'di', 'del', 'der', 'van', 'von', 'le', 'la', 'y', 'dos', 'du']);

/** The speaker the document names, if any. */
export function documentSpeaker(doc: SeedDocument): DocumentSpeaker | undefined {
  const attributions = doc.parts.filter((p): p is AttributionPart => p.kind === 'attribution');
  const first = (found: (string | undefined)[]) => found.map((n) => (n ? speakerOf(n) : undefined)).find(Boolean);
  // The lead-in of a quotation; else the narration before the first quotation ("Kiwamu Konoe, once again
  // explained …", "Lee Jae-myung told BBC that …"), read the way a lead-in is.
  const quoted = doc.parts.findIndex((p) => p.kind === 'statement' || ('paragraphs' in p && p.paragraphs.some((q) => q.quotes?.length)));
  const narration = doc.parts
    .slice(0, quoted < 0 ? 0 : quoted + 1)
    .flatMap((p) => (p.kind === 'other' && p.narration ? p.paragraphs.map((q) => q.sentences[0]?.text ?? q.text) : []));
  // The sentence that gives the first quotation inside the writer's words to its speaker ("Chinese Foreign Ministry
  // spokesman Hong Lei said Thursday that "…""), before the narration around it: in a report, that narration may
  // name others, whose words it only reports.
  const cue = firstQuoteCue(doc);
  const lead = first([
    ...attributions.filter((a) => !a.after).map((a) => a.speaker),
    ...(cue ? [describeLeadIn(cue).speaker] : []),
    ...narration.map((t) => describeLeadIn(t).speaker),
  ]);
  const signed = first(attributions.filter((a) => a.after).map((a) => a.speaker));
  // "The embassy wrote: "…" – Secretary Name": the person is the speaker, the body the channel.
  if (lead?.kind === 'body' && signed?.kind === 'person') return { ...signed, postedBy: lead.name };
  return lead ?? signed;
}

/** The words of the sentence before the first quotation inside the writer's paragraphs, up to its opening mark. */
function firstQuoteCue(doc: SeedDocument): string | undefined {
  for (const part of doc.parts) {
    if (!('paragraphs' in part) || part.kind === 'statement') continue;
    for (const p of part.paragraphs) {
      const quote = p.quotes?.[0];
      if (!quote) continue;
      const sentence = p.sentences.find((s) => s.start <= quote.start && quote.start < s.end);
      return sentence ? doc.text.slice(sentence.start, quote.start) : undefined;
    }
  }
  return undefined;
}

/** An office, then the body it serves: "spokesperson of the Chinese Embassy", "Ambassador to China". */
const OFFICE_OF_BODY = /^(?:(?:the|a|an)\s+)?(?:spokes(?:person|man|woman)|ambassador|consul(?:\s+general)?)\s+(?:of|for|to)\s+(?<body>.+)$/iu;
/** A body, then an office in it: "Chinese foreign ministry spokesperson". */
const BODY_OFFICE = /^(?:the\s+)?(?<body>.+?)\s+spokes(?:person|man|woman)$/iu;

/** Words that name a body: one of its head words, from a word in capitals. */
function isBodyName(words: string): boolean {
  const w = words.replace(/^the\s+/iu, '');
  return BODY.test(w) && /^[\p{Lu}\p{Lo}]/u.test(w) && w.split(/\s+/u).length <= 10 && !/\s(?:and|or|&)\s/iu.test(w);
}

/** A speaker as a name reads: a person or a body; nothing for a pronoun or an office without a name. */
export function speakerOf(name: string): DocumentSpeaker | undefined {
  const n = name.trim();
  if (!n || NOT_A_NAME.test(n) || /["“”«»「」]/u.test(n)) return undefined;
  // An office of a body, unnamed: "the spokesperson of the Chinese Embassy in the Philippines", "Chinese foreign ministry spokesperson".
  const office = OFFICE_OF_BODY.exec(n) ?? BODY_OFFICE.exec(n);
  if (office && isBodyName(office.groups!.body!)) return { name: n.replace(/^(?:the|a|an)\s+/iu, ''), kind: 'person' };
  // A name starts in capitals (or is written in a script without them), and is one name, not a list.
  if (!/^(?:the\s+)?[\p{Lu}\p{Lo}]/u.test(n) || /\s(?:and|or|&)\s/iu.test(n) || n.split(/\s+/u).length > 10) return undefined;
  const words = n.split(/\s+/u);
  // A body's name is words in capitals with "of", "the", "for" and the like between them.
  if (BODY.test(n))
    return words.every((w) => /^[\p{Lu}\p{Lo}(]/u.test(w) || BODY_CONNECTORS.has(w) || BODY.test(w) || /^(?:website|site|account|outlet)$/u.test(w))
      ? { name: n, kind: 'body' }
      : undefined;
  // A person's name is words in capitals (with "bin", "de", "van" and the like between them), at most five.
  if (words.length > 5 || words.some((w) => !/^[\p{Lu}\p{Lo}]/u.test(w) && !CONNECTORS.has(w))) return undefined;
  return { name: n, kind: 'person' };
}
