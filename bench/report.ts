/**
 * The benchmark's report (bench/RESULTS.md): its measurements as tables, and
 * its budgets (bench/budgets.ts).
 */
import { cpus, totalmem } from 'node:os';
import { budgetTable, type Budget } from './budgets.ts';
import { fmt, KB, mb, PARTS, secs } from './measure.ts';
import { count, largestFiles, median, msOf, pct, perDoc, where, type BenchResults } from './results.ts';

/** What the report says of how the run was made. */
export interface RunSettings {
  /** Sizes of 50,000 and more are built as this many shards. */
  shards: number;
  searchRuns: number;
  readingPage: string;
  /** The Starlight baseline's folder, as the report names it. */
  peerDir: string;
}

/** The report of one run, in Markdown. */
export function report(r: BenchResults, budgetList: readonly Budget[], settings: RunSettings): string {
  const { sizes: results, baseline, twoShards: shards, seedWide: w, seedPhone } = r;
  const { shards: SHARDS, searchRuns: SEARCH_RUNS, readingPage: READING_PAGE } = settings;
  const buildRows = results.map((r) => {
    const p = r.build.peaks;
    const by = Object.keys(p).length
      ? Object.entries(p)
          .filter(([k]) => k !== 'other')
          .map(([k, v]) => `${k} ${mb(v)}`)
          .join(', ')
      : r.shards
        ? `each shard ≤ ${mb(Math.max(...r.shards.map((s) => s.peakRss)))}; assemble ${mb(r.assemble!.peakRss)}`
        : '';
    const n = r.history ? `${count(r.n)} (with history: ${count(r.history.revised)} corrected, ${r.history.commits} commits)` : count(r.n);
    return `| ${n} | ${secs(r.build.ms)} | ${r.build.load} | ${mb(r.build.peakRss)} | ${by} | ${(r.build.ms / r.n).toFixed(1)} ms | ${fmt(r.dist.bytes)} | ${count(r.dist.files)} | ${perDoc(r.dist.bytes, r.n)}, ${(r.dist.files / r.n).toFixed(1)} files |`;
  });
  const partRows = results.flatMap((r) =>
    PARTS.filter((name) => r.parts.get(name)!.files > 0).map((name) => {
      const c = r.parts.get(name)!;
      return `| ${count(r.n)} | ${name} | ${count(c.files)} | ${fmt(c.bytes)} | ${(c.bytes / r.dist.bytes) * 100 < 0.1 ? '<0.1' : ((c.bytes / r.dist.bytes) * 100).toFixed(1)}% | ${perDoc(c.bytes, r.n)}, ${(c.files / r.n).toFixed(2)} files | ${fmt(c.bytes / c.files)} |`;
    }),
  );
  // The largest file of each part and index folder, at each size; and how it grew from the smallest size of 1,000 or more to the largest.
  const { low, high, keys: largestKeys, largestOf, growth } = largestFiles(results, PARTS);
  const largestRows = largestKeys.map((key) => {
    const g = growth(key);
    return `| ${key} | ${results.map((r) => (largestOf(r, key) ? fmt(largestOf(r, key)!.largest.bytes) : '—')).join(' | ')} | ${g === undefined ? '—' : `×${g.toFixed(2)}`} | ${high ? `\`${largestOf(high, key)?.largest.path ?? ''}\`` : ''} |`;
  });
  const pageRows = results.map(
    (r) =>
      `| ${count(r.n)} | ${fmt(r.weight.html)} / ${fmt(r.weight.htmlGz)} | ${fmt(r.weight.css)} / ${fmt(r.weight.cssGz)} | ${fmt(r.weight.jsOnLoad)} / ${fmt(r.weight.jsOnLoadGzip)} in ${r.weight.scripts} files | ${r.weight.requests} |`,
  );
  const searchRows = results.flatMap((r) =>
    r.search.map(
      (s) =>
        `| ${count(r.n)} | ${where(s.mode)} | ${s.query.kind}: \`${s.query.query}\` (${pct(s.query.share)}) | ${s.first.results} | ${fmt(s.first.bytes)} | ${msOf(s.first)} | \`${s.second.query}\`: ${fmt(s.second.bytes)}, ${msOf(s.second)} |`,
    ),
  );
  const navRows = results.flatMap((r) => r.nav.sections.map((x) => `| ${count(r.n)} | /${x.name}/ | ${count(x.pages)} | ${fmt(x.maxGzip)} | ${secs(x.ms)} |`));
  const navTop = results
    .filter((r) => r.n >= 1000)
    .flatMap((r) => r.nav.top.map((t) => `- ${count(r.n)} documents, /${t.name}/: ${t.intro} First: ${t.rows.map((x) => `“${x}”`).join('; ')}.`));
  const shardRows = results
    .filter((r) => r.shards)
    .flatMap((r) => [
      ...r.shards!.map((s, i) => `| ${count(r.n)} | shard ${i + 1}/${r.shards!.length} | ${secs(s.ms)} | ${s.load} | ${mb(s.peakRss)} |`),
      `| ${count(r.n)} | assemble | ${secs(r.assemble!.ms)} | ${r.assemble!.load} | ${mb(r.assemble!.peakRss)} |`,
    ]);
  const pairs = baseline && typeof baseline !== 'string' ? baseline.pairs : [];
  const pairRows = pairs.map(
    (p, i) =>
      `| ${i + 1} | ${i % 2 === 0 ? 'this site, then Starlight' : 'Starlight, then this site'} | ${secs(p.reader.ms)} (load ${p.reader.load}, ${mb(p.reader.peakRss)}) | ${secs(p.peer.ms)} (load ${p.peer.load}, ${mb(p.peer.peakRss)}) | ×${p.ratio.toFixed(2)} |`,
  );

  const peerText =
    baseline === undefined
      ? 'Not run (no 1,000-document size, or BENCH_PEER=0).'
      : typeof baseline === 'string'
        ? `Not run: ${baseline}.`
        : `Stock Starlight + Pagefind (${settings.peerDir}) and this site, each built cold on the same 1,000 documents, ${pairs.length} times in turn (the order alternating, so that a change of the machine's load weighs on both), with the 1-minute load average when each build started:

| pair | order | this site | Starlight | ratio |
| ---: | --- | ---: | ---: | ---: |
${pairRows.join('\n')}

Median ratio ×${median(pairs.map((p) => p.ratio)).toFixed(2)}. Raw Pagefind search for \`${results.find((r) => r.n === 1000)?.queries[0]?.query ?? ''}\` (runtime, metadata, chunks and the first five results' data): Starlight ${fmt(baseline.peerRaw)}, this site ${fmt(baseline.readerRaw)}.`;

  const text = `# Benchmark results

Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores, ${(totalmem() / KB / KB / KB).toFixed(0)} GB,
Node ${process.versions.node}. Corpora are synthetic documents of the seed's genre (bench/corpus.ts: ~3.5 KB each, a
Zipf vocabulary of ~4,000 content words plus each document's own names and numbers, ~1,500 speakers), built cold
with the real \`npm run build\` (sizes of 50,000 and more as ${SHARDS} shards, then \`npm run assemble\`). Sizes marked
"with history" are built from a git repository in which one document in ten was corrected three times
(bench/history.ts), with \`HISTORY=required\`: their history pages, version pages and removed paragraphs' share pages
are in the figures. Peak memory
is the whole process tree, sampled every 250 ms; the largest process of each role is listed beside it. The machine
is shared: "load" is its 1-minute load average when a timed step started (2 cores: above 2, others were running).

## Build

| documents | wall time | load | peak memory (tree) | largest processes | per document | dist/ | files | dist/ per document |
| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: |
${buildRows.join('\n')}
${shardRows.length ? `\n| documents | step | wall time | load | peak memory |\n| ---: | --- | ---: | ---: | ---: |\n${shardRows.join('\n')}\n` : ''}
## Where the bytes and files are

Each part of the built site: its files and bytes, its share of the site, what it costs per document, and its average file.

| documents | part | files | size | share | per document | average file |
| ---: | --- | ---: | ---: | ---: | ---: | ---: |
${partRows.join('\n')}

### The largest file of each part

The largest file of each part of the site and of each folder of the search index, at each size: a part whose
largest file grew with the corpus would be unbounded. The growth is from ${low ? count(low.n) : '—'} to ${high ? count(high.n) : '—'} documents.

| part or folder | ${results.map((r) => count(r.n)).join(' | ')} | growth | largest file at ${high ? count(high.n) : '—'} |
| --- | ${results.map(() => '---:').join(' | ')} | ---: | --- |
${largestRows.join('\n')}

## Navigation pages (speakers, sources, months, recurring phrases)

Pages per section, the largest one gzipped (budget 14 KB), and Astro's time for them in the build (the sum of
the per-route times its log reports; a route too quick to report counts as 0). A sharded build makes these pages
in its assemble step.

| documents | section | pages | largest page (gzip) | build time |
| ---: | --- | ---: | ---: | ---: |
${navRows.join('\n')}

${navTop.join('\n')}

## Compared with stock Starlight

${peerText}

## A reading page (\`${READING_PAGE}\`)

| documents | HTML raw / gzip | CSS raw / gzip (inline) | JavaScript on load, raw / gzip | requests on load |
| ---: | ---: | ---: | ---: | ---: |
${pageRows.join('\n')}

The seed's reading page: HTML ${fmt(w.html)} raw, ${fmt(w.htmlGz)} gzip (CSS inline: ${fmt(w.css)} raw, ${fmt(w.cssGz)} gzip); ${fmt(w.jsOnLoad)} of JavaScript (${fmt(w.jsOnLoadGzip)} gzip, ${w.scripts} files) and ${w.requests} requests on load at 1280×720; at 390×844, ${fmt(seedPhone.jsOnLoad)} of JavaScript (${fmt(seedPhone.jsOnLoadGzip)} gzip, ${seedPhone.scripts} files).

## Search in Chromium (the site's own UI; bytes on the wire, gzip)

From a fresh page load: the header dialog on a reading page (opened with \`/\`), or \`/search/\`. Bytes are
everything search downloads (the search code, Pagefind's runtime and WebAssembly, metadata, index chunks,
filters, bundles of passages), from the page load to the settled results of the first query; time runs from
the query being in the input (put there at once, as a paste) to the first result painted. The second query
follows in the same page. Each query is measured on ${SEARCH_RUNS} fresh page loads: its time is their median, with
their range in brackets, and its bytes the most any load took. The share is of documents whose passages hold the word or phrase.

| documents | where | first query (share of documents) | results shown | bytes | first result | second query |
| ---: | --- | --- | ---: | ---: | ---: | --- |
${searchRows.join('\n')}

## Shards

Two shards of 100 documents built separately (\`SHARD=1/2\`, \`SHARD=2/2\`) and assembled: a search for the common word
found ${shards.total} documents, ${shards.fromA} from shard 1 and ${shards.fromB} from shard 2; the sitemap lists ${shards.listed} documents.

## Budgets

${budgetTable(budgetList)}
`;
  return text;
}
