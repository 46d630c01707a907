/**
 * Splitting a run of a seed's text at every boundary the page marks up —
 * sentences, note anchors, traced quotes — so a component can render it as
 * properly nested elements without ever changing a character.
 */
import type { Span } from '../seed/sentences.ts';

/** Something drawn over a range of the text. */
export interface Decoration extends Span {
  /**
   * `trace-end` runs from a traced quote's last word to just after its closing quotation mark, where its marker goes;
   * `statement-quote` is a quotation of the statement inside the writer's paragraph (src/lib/seed/inline-quotes.ts).
   */
  kind: 'note' | 'trace' | 'trace-end' | 'quoted' | 'statement-quote';
  /** The note id, or the index of the traced quote. */
  ref: string;
}

/** A piece of text with the same sentence and decorations throughout. */
export interface Run extends Span {
  text: string;
  decorations: Decoration[];
  /** Decorations whose last piece in this span is this run (a note's number goes after it). */
  ending: Decoration[];
}

/** Consecutive runs of one sentence (or of the space between sentences, `id` undefined). */
export interface RunGroup {
  id?: string | undefined;
  runs: Run[];
}

/**
 * Cut `span` of `text` into runs at every sentence and decoration boundary,
 * grouped by sentence. The runs' texts joined are exactly the span's text.
 */
export function inlineRuns(text: string, span: Span, sentences: readonly (Span & { id: string })[], decorations: readonly Decoration[]): RunGroup[] {
  const inside = decorations.filter((d) => d.start < span.end && d.end > span.start);
  const cuts = new Set([span.start, span.end]);
  for (const s of [...sentences, ...inside]) {
    for (const at of [s.start, s.end]) if (at > span.start && at < span.end) cuts.add(at);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const groups: RunGroup[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i]!, points[i + 1]!];
    const covering = inside.filter((d) => d.start <= start && d.end >= end);
    const run: Run = {
      start,
      end,
      text: text.slice(start, end),
      decorations: covering,
      ending: covering.filter((d) => Math.min(d.end, span.end) === end),
    };
    const id = sentences.find((s) => s.start <= start && end <= s.end)?.id;
    const last = groups.at(-1);
    if (last && last.id === id) last.runs.push(run);
    else groups.push({ id, runs: [run] });
  }
  return groups;
}
