/**
 * Reading a text's body in order: where the quoted statement stands (at the
 * top, mid-text after "The ministry's statement says:", over several
 * paragraphs, inside a lead-in paragraph, or as speech without marks after
 * "X pointed out:"), the narration around it, the commentary, and the closing
 * source and disclaimer lines. The voices follow each other as in the
 * original; every character of the text stays in exactly one part.
 *
 * What is read as the statement, and what stays the writer's:
 * - a paragraph that is a quotation (its words between marks, with at most
 *   punctuation or an attribution after the closing mark);
 * - a quotation after a lead-in that ends with a colon, or with a speech verb
 *   and a comma ("X said, "…""), in the same paragraph or at the start of the
 *   next;
 * - speech without marks after a lead-in ending in a speech verb and a colon
 *   ("X pointed out: Although …"), shown as such.
 * A quotation inside a paragraph of the writer's own words stays where it
 * stands; inline-quotes.ts finds the ones a cue gives to a speaker.
 *
 * Paragraphs outside the statement are the writer's commentary after a
 * "Comment:" label, or after the last statement when the text has no label;
 * before a label (or before a later statement), they are the narration that
 * introduces the quotations, outside both voices, as the lead-in is.
 */
import { other, paragraph, slice, trim, type Block } from './blocks.ts';
import type { AttributionPart, Part, Span, StatementPart, Warning } from './document.ts';
import { inlineQuotes } from './inline-quotes.ts';
import { describeLeadIn, namesOffice, SPEECH_VERB, whoIs } from './lead-in.ts';
import { speakerOf } from './speaker.ts';
import { OPENING_MARK, quoteRole } from './quotes.ts';
import { splitSentences } from './sentences.ts';
import { beginsWith, lineAt, wordCount } from './text.ts';
import { COMMENT_LABEL, DISCLAIMER_LABEL, isClosingLine, isFurniture, isLabelLine, SOURCE_LABEL, webAddress } from './trailers.ts';

/** A lead-in is at most this long (characters): a longer paragraph ending with a colon is prose. */
const MAX_LEAD_IN = 400;
/** A lead-in ends with a colon, with a speech verb and a comma, or with "according to X,", right before the quotation. */
const LEAD_IN_END = new RegExp(`(?:[:：]|${SPEECH_VERB.source}[^,.:;"“”]{0,40},|\\baccording\\s+to\\s+[^,.:;"“”]{2,60},)$`, 'iu');
/** A lead-in of speech without marks ends with a speech verb (and what qualifies it) and a colon. */
const UNMARKED_CUE = new RegExp(
  `(?:${SPEECH_VERB.source}|\\b(?:released|issued|made|gave)\\b[^:：.!?]{0,40}\\b(?:statement|remarks|message|letter|post))[^:：.!?]{0,60}[:：]$`,
  'iu',
);
/** An attribution after a closing mark: "– President A. Name", ", the ministry said.", "said Name." */
const AFTER_QUOTE = new RegExp(
  `^(?:[–—-]+\\s*\\p{Lu}[^.!?]{1,80}|[,，]?\\s*(?:[\\p{L}'’.\\- ]{2,80}?\\s+${SPEECH_VERB.source}|${SPEECH_VERB.source}\\s+[\\p{L}'’.\\- ]{2,80})[^.!?]{0,60})[.!?]?$`,
  'iu',
);

/** A statement found at a paragraph: its parts in order, and the paragraph after it. */
interface Found {
  parts: Part[];
  next: number;
  /** The writer's words before the lead-in in its paragraph ("… responded! On February 6th, X said: "…""). */
  before?: Span;
}

/**
 * Read the blocks of a text's body (after its headline, if any) into parts,
 * in order. `settled`: the paragraphs its notes name as the statement (by
 * their first words), or `none`; then only those are, whatever the rules
 * would read.
 */
export function readBody(text: string, blocks: Block[], warnings: Warning[], settled?: readonly string[] | 'none'): Part[] {
  const parts: Part[] = [];
  // A text that closes with the genre's source line or disclaimer ("This article represents the views of the
  // author") has a writer's commentary; one without them and without a "Comment:" label is a report, whose words
  // around the quotations are narration, never shown as opinion.
  const labelled = blocks.map((b) => COMMENT_LABEL.test(text.slice(b.start, b.end)));
  const opinion = labelled.includes(true) || blocks.some((b) => isClosingLine(text.slice(b.start, b.end)));
  const labelAhead = (b: number) => labelled.indexOf(true, b) >= 0;
  /** The writer's paragraphs since the last part: narration or commentary, by what comes next. */
  let pending: Span[] = [];
  /** After a "Comment:" label, the writer's paragraphs are commentary. */
  let afterLabel = false;
  /** After the source line or the disclaimer, paragraphs are neither voice. */
  let trailing: Span[] = [];
  let trailerSeen = false;
  const flush = (as: Tail) => {
    for (const run of runsOf(text, pending, as)) parts.push(writersPart(text, run.spans, run.as));
    pending = [];
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b]!;
    const t = text.slice(block.start, block.end);
    const source = SOURCE_LABEL.exec(t);
    const disclaimer = source ? null : DISCLAIMER_LABEL.exec(t);
    if (source || disclaimer) {
      flush(afterLabel ? 'commentary' : 'reported');
      if (trailing.length) parts.push(other(text, trailing));
      trailing = [];
      trailerSeen = true;
      parts.push(trailer(text, block, (source ?? disclaimer)![0].length, source ? 'source' : 'disclaimer'));
      continue;
    }
    if (trailerSeen) {
      trailing.push(block);
      continue;
    }
    const label = afterLabel ? null : COMMENT_LABEL.exec(t);
    if (label) {
      flush('narration');
      afterLabel = true;
      const labelSpan = slice(text, { start: block.start, end: block.start + label[0].length });
      parts.push({ kind: 'commentary', start: block.start, end: block.end, paragraphs: [], label: labelSpan });
      const rest = trim(text, labelSpan.end, block.end);
      if (rest.end > rest.start) pending.push(rest);
      continue;
    }
    const found =
      settled !== undefined
        ? settledAt(text, blocks, b, warnings, settled)
        : isFurniture(t)
          ? undefined
          : statementAt(text, blocks, b, warnings, opinion && !afterLabel && !labelAhead(b));
    if (found) {
      if (found.before) pending.push(found.before);
      // Before the first quotation, the writer's words introduce it; between quotations in a text of opinion
      // without a label, they are the writer's unless they report what was said.
      flush(afterLabel ? 'commentary' : opinion && parts.some((p) => p.kind === 'statement') ? 'reported' : 'narration');
      parts.push(...found.parts);
      b = found.next - 1;
      continue;
    }
    pending.push(block);
  }
  flush(afterLabel ? 'commentary' : opinion ? 'reported' : 'narration');
  if (trailing.length) parts.push(other(text, trailing));
  return withInlineQuotes(text, mergeCommentary(parts));
}

/** What the writer's paragraphs are by where they stand: narration, commentary, or `reported` (see {@link runsOf}). */
type Tail = 'narration' | 'commentary' | 'reported';
/** What one run of the writer's paragraphs is. */
type WritersKind = 'narration' | 'commentary' | 'other';

/**
 * The writer's paragraphs as runs of one kind each: page furniture (a byline,
 * a date, a photo credit) is neither voice; `reported` is the tail of a text
 * of opinion without a label, whose first paragraphs that report what was said
 * ("He said that …", "According to …") are narration and the rest commentary.
 */
function runsOf(text: string, spans: Span[], as: Tail): { as: WritersKind; spans: Span[] }[] {
  const out: { as: WritersKind; spans: Span[] }[] = [];
  let reporting = as === 'reported';
  for (const span of spans) {
    const t = text.slice(span.start, span.end);
    let kind: WritersKind;
    if (isFurniture(t)) kind = 'other';
    else if (as !== 'reported') kind = as;
    else {
      reporting &&= isReporting(t);
      kind = reporting ? 'narration' : 'commentary';
    }
    const last = out.at(-1);
    if (last?.as === kind) last.spans.push(span);
    else out.push({ as: kind, spans: [span] });
  }
  return out;
}

/** The part of a run of the writer's paragraphs. */
function writersPart(text: string, spans: Span[], as: WritersKind): Part {
  if (as === 'commentary') return { kind: 'commentary', start: spans[0]!.start, end: spans.at(-1)!.end, paragraphs: spans.map((sp) => paragraph(text, sp)) };
  return as === 'narration' ? { ...other(text, spans), narration: true } : other(text, spans);
}

/**
 * Whether a paragraph reports what was said: it opens with "According to",
 * "In response to" or a dateline, or its first sentence has a speech verb
 * whose subject names someone ("He said that …", "Rubio added", "The
 * spokesperson stressed"), not a thing ("This refusal says a great deal").
 */
function isReporting(t: string): boolean {
  if (/^(?:according\s+to|in\s+response\s+to|when\s+asked)\b/iu.test(t) || /^[^,()]{2,40},\s+[^,()]{2,20}\([^)]{2,40}\)\s*[-–—]/u.test(t)) return true;
  const sentence = /^[^.!?。！？]*/u.exec(t)![0];
  const verb = new RegExp(`\\s${SPEECH_VERB.source}`, 'iu').exec(` ${sentence}`);
  if (!verb) return false;
  const subject = ` ${sentence}`
    .slice(0, verb.index)
    .trim()
    .replace(/^(?:(?:on|in|at|during|after)\s[^,]{1,40}|today|yesterday|subsequently|meanwhile|later),\s*/iu, '')
    // How they said it is not who: "She also sarcastically responded".
    .replace(/(?:\s+(?:also|again|(?!(?:family|ally|assembly|rally|supply|reply|monopoly|anomaly|july|italy)$)\p{Ll}{2,}ly))+$/u, '')
    .replace(/,$/u, '');
  // The subject opens the sentence: a clause before it ("Notably, right after …, X called") is the writer's.
  if (subject.split(/\s+/u).length > 12 || (subject.match(/,/gu) ?? []).length > 2) return false;
  if (/^(?:he|she|they|the\s+(?:spokes\w*|minister|ministry|embassy|official|officials|statement|report|government|side))$/iu.test(subject)) return true;
  const named = whoIs(subject).speaker;
  if (named !== undefined && speakerOf(named) !== undefined) return true;
  // An office holder named by office and name, without a comma: "The US Secretary of State Rubio".
  return /^(?:[Tt]he\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+)*(?:[Mm]inister|[Ss]ecretary|[Pp]resident|[Pp]remier|[Ss]pokes(?:person|man|woman)|[Aa]mbassador)\s+(?:of\s+)?(?:\p{Lu}[\p{L}'’.-]*\s+)*\p{Lu}[\p{L}'’.-]+$/u.test(
    subject,
  );
}

/**
 * Join each labelled commentary (the label alone, so far) with the commentary
 * paragraphs that follow it.
 */
function mergeCommentary(parts: Part[]): Part[] {
  const out: Part[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (part.kind === 'commentary' && !part.label && last?.kind === 'commentary') {
      last.paragraphs.push(...part.paragraphs);
      last.end = part.end;
    } else out.push(part);
  }
  return out.filter((p) => p.kind !== 'commentary' || p.paragraphs.length > 0 || p.label);
}

/** The writer's paragraphs (commentary, narration) with the quotations in them that a cue gives to a speaker. */
function withInlineQuotes(text: string, parts: Part[]): Part[] {
  return parts.map((part) => {
    if (part.kind !== 'commentary' && !(part.kind === 'other' && part.narration)) return part;
    return {
      ...part,
      paragraphs: part.paragraphs.map((p) => {
        const quotes = inlineQuotes(text, p);
        return quotes.length ? { ...p, quotes } : p;
      }),
    };
  });
}

function trailer(text: string, block: Block, labelLength: number, kind: 'source' | 'disclaimer'): Part {
  const labelEnd = block.start + labelLength;
  const label = slice(text, { start: block.start, end: labelEnd });
  const value = slice(text, trim(text, labelEnd, block.end));
  if (kind === 'disclaimer') return { kind, start: block.start, end: block.end, label, value };
  const url = webAddress(value.text);
  return { kind, start: block.start, end: block.end, label, value, ...(url ? { url } : {}) };
}

/**
 * The statement that stands at block `b`, if one does: a quotation opening
 * the paragraph, or after a lead-in in it or in the paragraph before, or
 * speech without marks after a lead-in's colon. `continues`: the paragraph
 * is what follows a closing mark, so a quotation opening it goes on with the
 * one before, however short.
 */
function statementAt(text: string, blocks: Block[], b: number, warnings: Warning[], onlyNext: boolean, continues = false): Found | undefined {
  const block = blocks[b]!;
  const t = text.slice(block.start, block.end);
  if (isLabelLine(text.slice(block.start, block.end))) return undefined;
  const q = t.search(OPENING_MARK);
  // A quotation opening the paragraph.
  if (q === 0 && quoteRole(text, block.start, block.start, block.end) === 'open') {
    return quotation(text, blocks, b, block.start, undefined, warnings, !continues);
  }
  // A lead-in, then the quotation, in one paragraph: the lead-in is the sentence before the opening mark, and any
  // sentences before it are the writer's.
  for (let at = q; at > 0; at = nextMark(t, at + 1)) {
    if (quoteRole(text, block.start + at, block.start, block.end) !== 'open') continue;
    const upTo = trim(text, block.start, block.start + at);
    const sentences = splitSentences(text.slice(upTo.start, upTo.end));
    const last = sentences.at(-1);
    if (!last) continue;
    const leadIn = trim(text, upTo.start + last.start, upTo.end);
    if (leadIn.end - leadIn.start > MAX_LEAD_IN || !LEAD_IN_END.test(text.slice(leadIn.start, leadIn.end))) continue;
    const found = quotation(text, blocks, b, block.start + at, leadIn, warnings, false);
    if (!found) continue;
    const before = trim(text, block.start, leadIn.start);
    return before.end > before.start ? { ...found, before } : found;
  }
  // A lead-in paragraph ending with a colon, and the quotation opening the next.
  const next = blocks[b + 1];
  if (
    /[:：]$/u.test(t) &&
    t.length <= MAX_LEAD_IN &&
    next &&
    !isLabelLine(text.slice(next.start, next.end)) &&
    quoteRole(text, next.start, next.start, next.end) === 'open'
  ) {
    const found = quotation(text, blocks, b + 1, next.start, block, warnings, false);
    if (found) return found;
  }
  // Speech without marks: "X pointed out: Although …", or signed at the end: "…: spokesperson of the Ministry".
  return unmarked(text, blocks, b, onlyNext) ?? signedAtEnd(text, block, b);
}

/** The least words of speech signed at its paragraph's end: a sentence, not a label before a colon. */
const MIN_SIGNED_WORDS = 12;
/** The most words of the signature after the colon. */
const MAX_SIGNATURE_WORDS = 10;

/**
 * Speech without marks that a news outlet's post signs after a colon at the
 * paragraph's end ("… China is firmly opposed to the practice: spokesperson
 * of Chinese Ministry of Commerce on Monday", "…: MOFCOM"): the signature
 * must name an office or a body, so that a colon before a few words in
 * capitals ("as the saying goes: Actions Speak Louder") is not read so.
 */
function signedAtEnd(text: string, block: Block, b: number): Found | undefined {
  const t = text.slice(block.start, block.end);
  const colon = t.search(/[:：][^:：]*$/u);
  if (colon < 0 || OPENING_MARK.test(t)) return undefined;
  const said = trim(text, block.start, block.start + colon);
  const signature = trim(text, block.start + colon + 1, block.end);
  const signed = text.slice(signature.start, signature.end);
  if (wordCount(text.slice(said.start, said.end)) < MIN_SIGNED_WORDS || wordCount(signed) > MAX_SIGNATURE_WORDS || /[.!?。！？]$/u.test(signed))
    return undefined;
  const who = signed.replace(/\s+(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday)$/iu, '');
  const speaker = speakerOf(who);
  if (!speaker || !(speaker.kind === 'body' || namesOffice(who) || /^\p{Lu}{3,8}$/u.test(who))) return undefined;
  const statement = paragraph(text, said);
  return {
    parts: [
      { kind: 'statement', start: statement.start, end: statement.end, marks: [], paragraphs: [statement], closed: true, unmarked: true },
      // The colon with the signature, as a dash is with "– President A. Name": every character stays on the page.
      { kind: 'attribution', ...slice(text, { start: block.start + colon, end: signature.end }), speaker: who, after: true },
    ],
    next: b + 1,
  };
}

/**
 * The statement at block `b` when the notes name the statement's paragraphs:
 * a named paragraph as the rules read a statement there (a quotation, after
 * its lead-in), else whole, and the named paragraphs after it with it; a
 * paragraph without marks is shown as such.
 */
function settledAt(text: string, blocks: Block[], b: number, warnings: Warning[], settled: readonly string[] | 'none'): Found | undefined {
  const named = (i: number) => settled !== 'none' && i < blocks.length && settled.some((w) => beginsWith(text.slice(blocks[i]!.start, blocks[i]!.end), w));
  if (!named(b)) return undefined;
  const block = blocks[b]!;
  const read =
    statementAt(text, blocks, b, warnings, true) ??
    (quoteRole(text, block.start, block.start, block.end) === 'open' ? quotation(text, blocks, b, block.start, undefined, warnings, false) : undefined);
  if (read?.parts.some((p) => p.kind === 'statement')) return read;
  let next = b;
  while (named(next)) next++;
  const paragraphs = blocks.slice(b, next).map((s) => paragraph(text, s));
  return {
    parts: [{ kind: 'statement', start: paragraphs[0]!.start, end: paragraphs.at(-1)!.end, marks: [], paragraphs, closed: true, unmarked: true }],
    next,
  };
}

/**
 * The quotation opening at `openAt` in block `b`, with its lead-in, and what
 * follows its closing mark in the same paragraph (an attribution, or the
 * writer's commentary). A quotation that opens a paragraph without a lead-in
 * counts only when it is most of the paragraph or an attribution follows it.
 */
function quotation(text: string, blocks: Block[], b: number, openAt: number, leadIn: Span | undefined, warnings: Warning[], bare: boolean): Found | undefined {
  const scan = scanQuotation(text, blocks, b, openAt);
  const parts: Part[] = [];
  const tail = scan.remainder && slice(text, scan.remainder);
  const attributedAfter = tail !== undefined && AFTER_QUOTE.test(tail.text);
  if (bare && tail && !attributedAfter) {
    // A quotation that opens a paragraph of the writer's own words (a label in marks, a quoted phrase) is theirs.
    const quoted = scan.paragraphs.reduce((n, p) => n + wordCount(text.slice(p.start, p.end)), 0);
    if (quoted < 2 * wordCount(tail.text)) return undefined;
  }
  // Marks with nothing between them ("「」") quote nothing: they stay in the writer's paragraph.
  if (!scan.paragraphs.some((p) => text.slice(p.start, p.end).trim() !== '')) return undefined;
  if (!scan.closed) {
    warnings.push({
      line: lineAt(text, openAt),
      message: `the quotation opened here never closes; it is shown up to line ${lineAt(text, scan.paragraphs.at(-1)!.end)}`,
    });
  }
  if (leadIn) parts.push(attributionPart(text, leadIn));
  const paragraphs = scan.paragraphs.map((s) => paragraph(text, s)).filter((p) => p.end > p.start);
  const marks = scan.marks.map((m) => slice(text, m));
  const statement: StatementPart = {
    kind: 'statement',
    start: marks[0]!.start,
    end: Math.max(marks.at(-1)!.end, paragraphs.at(-1)?.end ?? 0),
    marks,
    paragraphs,
    closed: scan.closed,
  };
  parts.push(statement);
  let more: Found | undefined;
  if (tail) {
    if (attributedAfter) {
      const dashed = /^[–—-]+\s*/u.exec(tail.text);
      const who = dashed ? whoIs(tail.text.slice(dashed[0].length).replace(/[.\s]+$/u, '')) : describeLeadIn(tail.text);
      parts.push({ kind: 'attribution', ...tail, ...who, after: true });
    } else if ((more = statementAt(text, [tail], 0, warnings, true, true))) {
      // "…," "…" (the same speaker's words go on), or "… He added: "…"" (another lead-in and quotation, after the
      // writer's words), in the same paragraph.
      if (more.before) parts.push(writers(text, more.before));
      parts.push(...more.parts);
    } else {
      parts.push(writers(text, tail));
    }
  }
  return { parts, next: scan.nextBlock };
}

/**
 * The writer's words after a closing mark in its paragraph: narration when
 * they report what was said ("…," he claimed that …), else commentary.
 */
function writers(text: string, span: Span): Part {
  return writersPart(text, [span], isReporting(text.slice(span.start, span.end)) ? 'narration' : 'commentary');
}

/**
 * Speech without marks after a lead-in that ends with a speech verb and a
 * colon ("X pointed out: Although …"), or with a speaker's name and a colon
 * ("US media: On January 6, …"): to the end of its paragraph; or, when the
 * lead-in is a paragraph of its own ("The statement said:"), the paragraphs
 * after it up to the next label, closing line or page furniture (only the
 * next one in a text of opinion without a label, whose later paragraphs are
 * the writer's).
 */
function unmarked(text: string, blocks: Block[], b: number, onlyNext: boolean): Found | undefined {
  const block = blocks[b]!;
  const t = text.slice(block.start, block.end);
  const colon = /[:：]/u.exec(t);
  if (!colon || colon.index > MAX_LEAD_IN) return undefined;
  const leadIn = trim(text, block.start, block.start + colon.index + 1);
  const leadText = text.slice(leadIn.start, leadIn.end);
  // A speech verb is cue enough ("The statement said:"); a colon alone needs a name before it ("US media:").
  const named = UNMARKED_CUE.test(leadText) ? undefined : namedCue(leadText.slice(0, -1));
  if (!UNMARKED_CUE.test(leadText) && !named) return undefined;
  const said: Span[] = [];
  const rest = trim(text, leadIn.end, block.end);
  let next = b + 1;
  if (rest.end > rest.start) {
    if (quoteRole(text, rest.start, block.start, block.end) === 'open') return undefined;
    said.push(rest);
  } else {
    while (next < blocks.length && !(onlyNext && said.length)) {
      const following = blocks[next]!;
      const ft = text.slice(following.start, following.end);
      if (isLabelLine(ft) || isFurniture(ft) || (!said.length && quoteRole(text, following.start, following.start, following.end) === 'open')) break;
      said.push(following);
      next++;
    }
    if (!said.length) return undefined;
  }
  const paragraphs = said.map((s) => paragraph(text, s));
  return {
    parts: [
      // "US media:": the name the colon follows is who speaks.
      { ...attributionPart(text, leadIn), ...(named ? { speaker: named } : {}) },
      { kind: 'statement', start: paragraphs[0]!.start, end: paragraphs.at(-1)!.end, marks: [], paragraphs, closed: true, unmarked: true },
    ],
    next,
  };
}

/** Words a colon follows that name a speaker ("US media", "Chinese Foreign Ministry"), not a label ("Note", "Background"). */
function namedCue(before: string): string | undefined {
  const words = before.trim().split(/\s+/u);
  if (words.length > 6 || !/^\p{Lu}/u.test(before.trim())) return undefined;
  if (
    /^(?:note|notes|background|update|updated|editor|photo|image|source|original|statement|disclaimer|comment|comments|summary|context|read|see|also|related|tags?|keywords?|q|a|question|answer)\b/iu.test(
      before.trim(),
    )
  )
    return undefined;
  const speaker = speakerOf(before.trim());
  return speaker?.kind === 'body' || words.length >= 2 ? speaker?.name : undefined;
}

/** The offset of the next quotation mark in `t` at or after `from`, or -1. */
function nextMark(t: string, from: number): number {
  const i = t.slice(from).search(OPENING_MARK);
  return i < 0 ? -1 : from + i;
}

/** What a quotation scan found: its paragraphs and marks, whether it closed, and the text after the close. */
interface QuotationScan {
  closed: boolean;
  marks: Span[];
  paragraphs: Span[];
  remainder?: Span;
  nextBlock: number;
}

/**
 * Follow a quotation from its opening mark to the mark that closes it, across
 * paragraphs (a paragraph that starts with an opening mark while the quotation
 * is open reopens it, as English does for a quotation of several paragraphs;
 * one that does not simply goes on with it). Never crosses a commentary
 * label, source line or disclaimer. One that never closes keeps its opening
 * paragraph and the paragraphs that reopen it.
 */
function scanQuotation(text: string, blocks: Block[], openBlock: number, openAt: number): QuotationScan {
  const marks: Span[] = [{ start: openAt, end: openAt + 1 }];
  const paragraphs: Span[] = [];
  let depth = 1;
  scan: for (let b = openBlock; b < blocks.length; b++) {
    const block = blocks[b]!;
    if (b > openBlock && isLabelLine(text.slice(block.start, block.end))) break;
    let from = b === openBlock ? openAt + 1 : block.start;
    if (b > openBlock && quoteRole(text, block.start, block.start, block.end) === 'open') {
      marks.push({ start: block.start, end: block.start + 1 });
      from = block.start + 1;
    }
    for (let i = from; i < block.end; i++) {
      const role = quoteRole(text, i, block.start, block.end);
      if (role === 'open') depth++;
      else if (role === 'close' && --depth === 0) {
        paragraphs.push({ start: from, end: i });
        const tail = trim(text, i + 1, block.end);
        const punctuationOnly = /^[\p{P}\s]*$/u.test(text.slice(tail.start, tail.end));
        marks.push({ start: i, end: punctuationOnly ? Math.max(i + 1, tail.end) : i + 1 });
        // A writer who closes the quotation at the end of each of its paragraphs: the next has no opening mark, and
        // its one mark closes it at its end. The quotation runs on into it.
        if (punctuationOnly && blocks[b + 1] && closesOnly(text, blocks[b + 1]!)) {
          depth = 1;
          continue scan;
        }
        return { closed: true, marks, paragraphs, ...(punctuationOnly ? {} : { remainder: tail }), nextBlock: b + 1 };
      }
    }
    paragraphs.push({ start: from, end: block.end });
  }
  let end = openBlock + 1;
  while (end < blocks.length && marks.some((m) => m.start === blocks[end]!.start)) end++;
  const kept = end - openBlock;
  return {
    closed: false,
    marks: marks.filter((m) => m.start < blocks[end - 1]!.end),
    paragraphs: paragraphs.slice(0, kept),
    nextBlock: end,
  };
}

/**
 * Whether a paragraph's one quotation mark closes it at its end ("…
 * dramatic effects."): the rest of a quotation whose paragraph before closed
 * too. A paragraph that is a label line, or has any other mark, is not.
 */
function closesOnly(text: string, block: Block): boolean {
  const t = text.slice(block.start, block.end);
  if (isLabelLine(t)) return false;
  const marks = [...t.matchAll(/["“”«»「」『』]/gu)];
  return marks.length === 1 && /["”»」』][\p{P}\s]*$/u.test(t) && /["”»」』][\p{P}\s]*$/u.exec(t)!.index === marks[0]!.index;
}

function attributionPart(text: string, span: Span): AttributionPart {
  const t = slice(text, span);
  return { kind: 'attribution', ...t, ...describeLeadIn(t.text) };
}
