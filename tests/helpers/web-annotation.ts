/**
 * The W3C Web Annotation test suite's MUST assertions for one annotation
 * (tests/vocab/web-annotation: `annotations/annotationMusts.test` lists
 * them), as JSON Schemas (draft-04) checked with Ajv. Each assertion is a
 * schema an annotation must be valid against. The suite checks the values
 * of `motivation` only among its optional tests; its definition of them
 * is checked here too, so a misspelt motivation does not pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const dir = new URL('../vocab/web-annotation/', import.meta.url);
const read = (path: string) => JSON.parse(readFileSync(new URL(path, dir), 'utf8')) as Record<string, unknown>;

// The suite's schemas leave `type` out where JSON Schema allows it (strictTypes would refuse them).
const ajv = new Ajv({ allErrors: true, strictTypes: false });
addFormats(ajv, ['uri', 'date-time']);
// The suite's own words about each assertion: not JSON Schema, but part of its files.
ajv.addVocabulary(['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage']);
for (const file of readdirSync(new URL('definitions/', dir))) ajv.addSchema(read(`definitions/${file}`));

interface Assertion {
  file: string;
  message: string;
  validate: ValidateFunction;
}
const assertions: Assertion[] = (read('annotations/annotationMusts.test').assertions as string[]).map((file) => {
  const schema = read(file);
  if (schema.expectedResult !== 'valid') throw new Error(`${file}: expected result ${String(schema.expectedResult)}, not "valid"`);
  return { file, message: String(schema.errorMessage), validate: ajv.compile(schema) };
});
assertions.push({
  file: 'definitions/annotations.json#/definitions/motivationRecognizedIfPresent',
  message: "the motivation is not one of the model's (Section 3.3.5)",
  validate: ajv.getSchema('annotations.json#/definitions/motivationRecognizedIfPresent')!,
});

/** The MUST assertions an annotation fails, each as "assertion file: the suite's message"; empty when it passes them all. */
export function annotationProblems(annotation: unknown): string[] {
  return assertions.filter((a) => !a.validate(annotation)).map((a) => `${a.file}: ${a.message}`);
}
