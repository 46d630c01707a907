/**
 * Writes `terms.json` beside this file: of the schema.org vocabulary
 * (`schemaorg-current-https.jsonld`, 1.5 MB), only what a JSON-LD checker
 * needs: each class with the classes it is a subclass of, the data types,
 * and each property with its domain (`domainIncludes`), range
 * (`rangeIncludes`) and, when it has one, the term that supersedes it.
 *
 *   ./node_modules/.bin/node tests/vocab/schemaorg/extract.ts <path of schemaorg-current-https.jsonld> <release>
 */
import { readFileSync, writeFileSync } from 'node:fs';

type Ref = { '@id': string };
interface Node {
  '@id': string;
  '@type': string | string[];
  'rdfs:subClassOf'?: Ref | Ref[];
  'schema:domainIncludes'?: Ref | Ref[];
  'schema:rangeIncludes'?: Ref | Ref[];
  'schema:supersededBy'?: Ref | Ref[];
}

const [source, release] = process.argv.slice(2);
if (!source || !release) {
  console.error('usage: extract.ts <schemaorg-current-https.jsonld> <release>');
  process.exit(2);
}
const graph = (JSON.parse(readFileSync(source, 'utf8')) as { '@graph': Node[] })['@graph'];
const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
/** `schema:Text` → `Text`; terms of other vocabularies (`rdfs:Class`) are dropped. */
const names = (refs: Ref | Ref[] | undefined) =>
  list(refs)
    .flatMap((r) => (r['@id'].startsWith('schema:') ? [r['@id'].slice(7)] : []))
    .sort();
const byName = (a: [string, unknown], b: [string, unknown]) => (a[0] < b[0] ? -1 : 1);

const classes: [string, string[]][] = [];
const dataTypes: string[] = [];
const properties: [string, { domain: string[]; range: string[]; supersededBy?: string[] }][] = [];
for (const node of graph) {
  if (!node['@id'].startsWith('schema:')) continue;
  const name = node['@id'].slice(7);
  const types = list(node['@type']);
  if (types.includes('rdfs:Class')) classes.push([name, names(node['rdfs:subClassOf'])]);
  if (types.includes('schema:DataType')) dataTypes.push(name);
  if (types.includes('rdf:Property')) {
    const supersededBy = names(node['schema:supersededBy']);
    properties.push([
      name,
      { domain: names(node['schema:domainIncludes']), range: names(node['schema:rangeIncludes']), ...(supersededBy.length ? { supersededBy } : {}) },
    ]);
  }
}

// One term a line, sorted: a new release's extract diffs term by term.
const lines = (entries: [string, unknown][]) => entries.sort(byName).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
writeFileSync(
  new URL('terms.json', import.meta.url),
  `{\n  "release": ${JSON.stringify(release)},\n  "dataTypes": ${JSON.stringify(dataTypes.sort())},\n  "classes": {\n${lines(classes).join(',\n')}\n  },\n  "properties": {\n${lines(properties).join(',\n')}\n  }\n}\n`,
);
console.log(`${classes.length} classes, ${dataTypes.length} data types, ${properties.length} properties`);
