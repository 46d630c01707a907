/**
 * The Astro content loader for `seeds/`: reads the files, hands the text to
 * the pure modules in `src/lib/`, and stores one entry per seed with its
 * notes and traced quotes. Problems that stop the build are reported as one
 * line naming the file and line (see `fail`).
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import type { Loader } from 'astro/loaders';
import { assertUniqueSlugs, decodeSeed, fileRole, SeedError, seedOfNotes } from '../lib/corpus.ts';
import { renderNoteMarkdown } from '../lib/note-markdown.ts';
import { anchorNotes, NotesError, parseNotes, type AnchoredNote, type NotesMeta } from '../lib/notes.ts';
import { parseSeed, partOf, type SeedDocument } from '../lib/parse.ts';
import { documentTitle } from '../lib/summary.ts';
import { traceQuotes, type TracedQuote } from '../lib/trace.ts';

/** A note ready to show: anchored, numbered, its body rendered. */
export interface EntryNote extends AnchoredNote {
  html: string;
}

/** What the loader stores for one seed. */
export interface SeedEntry {
  /** The file name inside the seeds folder. */
  file: string;
  slug: string;
  title: string;
  doc: SeedDocument;
  /** Facts about the document: the notes file's front matter, else what the lead-in says. */
  meta: Required<Pick<NotesMeta, 'lang'>> & Omit<NotesMeta, 'lang' | 'slug' | 'title'>;
  notes: EntryNote[];
  traces: TracedQuote[];
}

/** Options of {@link seedLoader}. */
export interface SeedLoaderOptions {
  /** The seeds folder, relative to the project root, as messages should name it (default `seeds`). */
  base?: string;
}

/**
 * Print a seed problem as the one line a person needs and stop the build,
 * without a stack trace: the message already names the file, line and reason.
 */
function fail(message: string): never {
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
}

/** A loader for the `.txt` seeds (and their `.notes.md` notes) of one folder. */
export function seedLoader({ base = 'seeds' }: SeedLoaderOptions = {}): Loader {
  const dirName = base.replace(/\/+$/u, '');
  return {
    name: 'seed-loader',
    async load({ config, store, logger, generateDigest }) {
      let current = dirName;
      try {
        const dir = new URL(`${dirName}/`, config.root);
        if (!existsSync(dir)) throw new SeedError(`${dirName}: the seeds folder does not exist; create it and add .txt seeds`);
        const names = (await readdir(dir)).sort();
        const seeds = names.filter((n) => fileRole(n) === 'seed');
        const notesFiles = names.filter((n) => fileRole(n) === 'notes');
        const ignored = names.filter((n) => fileRole(n) === 'ignored' && !n.startsWith('.'));
        if (ignored.length) {
          logger.info(`ignoring ${ignored.length} file(s) in ${dirName}/ that are neither .txt seeds nor .notes.md notes: ${ignored.join(', ')}`);
        }
        if (seeds.length === 0) throw new SeedError(`${dirName}: no .txt seeds found`);
        for (const n of notesFiles) {
          if (!seeds.includes(seedOfNotes(n))) throw new SeedError(`${dirName}/${n}: has no seed ${seedOfNotes(n)} beside it; rename or remove it`);
        }
        const read = async (file: string) => {
          current = `${dirName}/${file}`;
          return decodeSeed(current, await readFile(new URL(encodeURIComponent(file), dir)));
        };
        const notesOf = new Map<string, { file: string; raw: string }>();
        const slugs = new Map<string, string>();
        for (const n of notesFiles) {
          const raw = await read(n);
          const seed = seedOfNotes(n);
          notesOf.set(seed, { file: n, raw });
          const slug = parseNotes(raw).meta.slug;
          if (slug !== undefined) {
            if (!/^[a-z0-9_-]+$/u.test(slug)) throw new SeedError(`${dirName}/${n}: slug "${slug}" may use only a-z, 0-9, _ and -`);
            slugs.set(seed, slug);
          }
        }
        const bySlug = assertUniqueSlugs(dirName, seeds, slugs);
        const stale = new Set(store.keys());
        for (const [slug, file] of bySlug) {
          stale.delete(slug);
          const text = await read(file);
          const notes = notesOf.get(file);
          const digest = generateDigest(`${text}\u0000${notes?.raw ?? ''}`);
          if (store.get(slug)?.digest === digest) continue;
          const doc = parseSeed(text);
          for (const w of doc.warnings) logger.warn(`${dirName}/${file}:${w.line}: ${w.message}`);
          current = notes ? `${dirName}/${notes.file}` : current;
          const entry = annotate(file, slug, doc, notes?.raw);
          store.set({ id: slug, data: entry as unknown as Record<string, unknown>, digest });
        }
        for (const slug of stale) store.delete(slug);
      } catch (error) {
        if (error instanceof SeedError) fail(error.message);
        if (error instanceof NotesError) fail(`${current}:${error.line}: ${error.message}`);
        throw error;
      }
    },
  };
}

/** Join a parsed seed with its notes: metadata, anchored notes, traced quotes. */
function annotate(file: string, slug: string, doc: SeedDocument, notesRaw: string | undefined): SeedEntry {
  const parsed = notesRaw === undefined ? undefined : parseNotes(notesRaw);
  const attribution = partOf(doc, 'attribution');
  const fm = parsed?.meta ?? {};
  const meta: SeedEntry['meta'] = { lang: fm.lang ?? doc.lang };
  const speaker = fm.speaker ?? attribution?.speaker;
  const role = fm.role ?? attribution?.role;
  const date = fm.date ?? attribution?.date;
  const source = fm.source ?? partOf(doc, 'source')?.url;
  if (speaker) meta.speaker = speaker;
  if (role) meta.role = role;
  if (date) meta.date = date;
  if (source) meta.source = source;
  const notes = anchorNotes(doc.text, parsed?.notes ?? []).map((n) => ({ ...n, html: renderNoteMarkdown(n.body, n.id) }));
  return {
    file,
    slug,
    title: fm.title ?? documentTitle(doc, file),
    doc: meta.lang === doc.lang ? doc : { ...doc, lang: meta.lang },
    meta,
    notes,
    traces: traceQuotes(doc),
  };
}
