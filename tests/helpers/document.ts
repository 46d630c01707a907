/**
 * Test helpers over parsed documents: a readable projection for fixture
 * files, and the check that a document's pieces cover its text exactly.
 */
import { expect } from 'vitest';
import type { Paragraph, SeedDocument } from '../../src/lib/seed/parse.ts';
import type { TextSpan } from '../../src/lib/seed/document.ts';

const paragraphs = (ps: Paragraph[]) =>
  ps.map((p) => ({ id: p.id, sentences: p.sentences.map((s) => s.text), ...(p.quotes ? { quotes: p.quotes.map((q) => q.text) } : {}) }));

/** The document without offsets: what `expected.json` records for a reviewer to read. */
export function project(doc: SeedDocument) {
  return {
    lang: doc.lang,
    warnings: doc.warnings,
    parts: doc.parts.map((p) => {
      switch (p.kind) {
        case 'headline':
          return { kind: p.kind, text: p.text };
        case 'attribution':
          return { kind: p.kind, text: p.text, speaker: p.speaker, role: p.role, dateText: p.dateText, date: p.date, after: p.after };
        case 'statement':
          return { kind: p.kind, closed: p.closed, unmarked: p.unmarked, marks: p.marks.map((m) => m.text), paragraphs: paragraphs(p.paragraphs) };
        case 'commentary':
          return { kind: p.kind, label: p.label?.text, paragraphs: paragraphs(p.paragraphs) };
        case 'source':
          return { kind: p.kind, label: p.label.text, value: p.value.text, url: p.url };
        case 'disclaimer':
          return { kind: p.kind, label: p.label.text, value: p.value.text };
        case 'other':
          return { kind: p.kind, narration: p.narration, paragraphs: paragraphs(p.paragraphs) };
      }
    }),
  };
}

/** Every piece of text the document shows, in order: labels, marks, paragraphs, values. */
function pieces(doc: SeedDocument): TextSpan[] {
  const out: TextSpan[] = [];
  for (const part of doc.parts) {
    switch (part.kind) {
      case 'headline':
      case 'attribution':
        out.push(part);
        break;
      case 'statement':
        out.push(...part.marks, ...part.paragraphs);
        break;
      case 'commentary':
        if (part.label) out.push(part.label);
        out.push(...part.paragraphs);
        break;
      case 'source':
      case 'disclaimer':
        out.push(part.label, part.value);
        break;
      case 'other':
        out.push(...part.paragraphs);
        break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Every piece's text is the text at its offsets; pieces are in order and never
 * overlap; only white space lies between them; and each paragraph's sentences
 * cover it the same way. Together: nothing lost, nothing added.
 */
export function expectExactCover(doc: SeedDocument): void {
  expectSpansCover(doc.text, 0, doc.text.length, pieces(doc));
  for (const part of doc.parts) {
    if (!('paragraphs' in part)) continue;
    for (const p of part.paragraphs) {
      expectSpansCover(doc.text, p.start, p.end, p.sentences);
      // A paragraph's inline quotations lie inside it, in order, each its text.
      let at = p.start;
      for (const q of p.quotes ?? []) {
        expect(q.text).toBe(doc.text.slice(q.start, q.end));
        expect(q.start).toBeGreaterThanOrEqual(at);
        at = q.end;
      }
      expect(at).toBeLessThanOrEqual(p.end);
    }
  }
}

function expectSpansCover(text: string, from: number, to: number, spans: { start: number; end: number; text: string }[]): void {
  let at = from;
  for (const s of spans) {
    expect(s.text).toBe(text.slice(s.start, s.end));
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.start).toBeGreaterThanOrEqual(at);
    expect(text.slice(at, s.start).trim()).toBe('');
    at = s.end;
  }
  expect(at).toBeLessThanOrEqual(to);
  expect(text.slice(at, to).trim()).toBe('');
}
