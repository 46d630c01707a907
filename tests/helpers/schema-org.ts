/**
 * A checker of JSON-LD against the schema.org vocabulary (the terms of
 * release 30.0 in tests/vocab/schemaorg/terms.json): every `@type` is a
 * schema.org class; every property is one, allowed on the node's type or a
 * type it inherits from (`domainIncludes` through `subClassOf`), and not
 * superseded; every value fits the property's range: a data type (Text, URL,
 * Date, DateTime, Time, Boolean, Number, Integer, …) or a typed node of a
 * class in the range, itself checked the same way.
 */
import { readFileSync } from 'node:fs';

interface Terms {
  release: string;
  dataTypes: string[];
  classes: Record<string, string[]>;
  properties: Record<string, { domain: string[]; range: string[]; supersededBy?: string[] }>;
}

const terms = JSON.parse(readFileSync(new URL('../vocab/schemaorg/terms.json', import.meta.url), 'utf8')) as Terms;

/** The class and every class it inherits from. */
function ancestors(name: string, seen = new Set<string>()): Set<string> {
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const parent of terms.classes[name] ?? []) ancestors(parent, seen);
  return seen;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/u.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const TIME = /^\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/u;
const isDateTime = (s: string) => {
  const [date, time] = s.split('T');
  return time !== undefined && isDate(date!) && TIME.test(time);
};
const isUrl = (s: string) => URL.canParse(s) && /^https?:$/u.test(new URL(s).protocol);

/** Whether a JSON value (not a node) is a value of a data type (or of a class that inherits from one, as URL from Text). */
function fitsDataType(value: unknown, type: string): boolean {
  const kinds = ancestors(type);
  if (typeof value === 'boolean') return kinds.has('Boolean');
  if (typeof value === 'number') return type === 'Integer' ? Number.isInteger(value) : kinds.has('Number');
  if (typeof value !== 'string') return false;
  if (type === 'URL') return isUrl(value);
  if (type === 'Date') return isDate(value);
  if (type === 'DateTime') return isDateTime(value);
  if (type === 'Time') return TIME.test(value);
  return kinds.has('Text');
}

const typesOf = (node: Record<string, unknown>): string[] => {
  const t = node['@type'];
  return typeof t === 'string' ? [t] : Array.isArray(t) ? t.filter((x): x is string => typeof x === 'string') : [];
};

/** What is wrong with a JSON-LD node (and the nodes in it), each as "path: problem"; empty when it is valid schema.org. */
export function schemaOrgProblems(node: unknown, path = '$'): string[] {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return [`${path}: not a node (an object)`];
  const record = node as Record<string, unknown>;
  const types = typesOf(record);
  if (types.length === 0) return [`${path}: has no @type`];
  const problems: string[] = [];
  const inherited = new Set<string>();
  for (const type of types) {
    if (!(type in terms.classes)) problems.push(`${path}: @type ${type} is not a schema.org ${terms.release} type`);
    else for (const a of ancestors(type)) inherited.add(a);
  }
  for (const [key, value] of Object.entries(record)) {
    if (key === '@context') {
      if (path !== '$' || value !== 'https://schema.org') problems.push(`${path}: @context ${JSON.stringify(value)}: only "https://schema.org", at the top`);
      continue;
    }
    if (key === '@type') continue;
    if (key === '@id') {
      if (typeof value !== 'string' || !URL.canParse(value)) problems.push(`${path}.@id: not an absolute address`);
      continue;
    }
    const at = `${path}.${key}`;
    const property = terms.properties[key];
    if (!property) {
      problems.push(`${at}: ${key} is not a schema.org ${terms.release} property`);
      continue;
    }
    if (property.supersededBy) problems.push(`${at}: ${key} is superseded by ${property.supersededBy.join(', ')}`);
    // On a type that does not exist, every property would be out of place: the type alone is reported.
    if (inherited.size > 0 && !property.domain.some((d) => inherited.has(d))) {
      problems.push(`${at}: ${key} is a property of ${property.domain.join(', ')}, not of ${types.join(', ')} or a type it inherits from`);
    }
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.length === 0) problems.push(`${at}: an empty list`);
    values.forEach((v, i) => {
      const where = Array.isArray(value) ? `${at}[${i}]` : at;
      if (typeof v === 'object' && v !== null && Object.keys(v).join() === '@id') {
        // A reference to a node described elsewhere: it must be a node the range allows, not a data value.
        if (property.range.every((r) => terms.dataTypes.some((d) => ancestors(r).has(d))))
          problems.push(`${where}: a reference, where ${key} takes ${property.range.join(', ')}`);
        const id = (v as { '@id': unknown })['@id'];
        if (typeof id !== 'string' || !URL.canParse(id)) problems.push(`${where}.@id: not an absolute address`);
      } else if (typeof v === 'object' && v !== null) {
        const nodeTypes = typesOf(v as Record<string, unknown>);
        const fits = nodeTypes.some((t) => property.range.some((r) => ancestors(t).has(r)));
        if (!fits) problems.push(`${where}: a ${nodeTypes.join(', ') || 'node without @type'}, where ${key} takes ${property.range.join(', ')}`);
        problems.push(...schemaOrgProblems(v, where));
      } else if (!property.range.some((r) => fitsDataType(v, r))) {
        problems.push(`${where}: ${JSON.stringify(v)} is not a value of ${property.range.join(', ')}`);
      }
    });
  }
  return problems;
}
