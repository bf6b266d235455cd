// Turns a JSON Schema into a validating function, with ajv. Compiling the task force schema
// takes most of the time a quick `validate` needs, so `npm run compile` (bin/compile.js)
// compiles every schema ahead of time into dist/ with ajv's standalone code; the compiled
// bin then takes those by name, and compiles here only a schema it has no ready validator
// for. dist/ is compiled from the same schemas, and the bin compiles it again whenever
// src/ or schemas/ change, so a ready validator always fits its schema (tests/cli/compiled
// checks each one's key, made from the schema and the options, against the schema itself).
import type { Ajv, Options, ValidateFunction } from "ajv";
import { createRequire } from "node:module";
import { PRECOMPILED } from "./precompiled.ts";

/** The options every schema of the tool is compiled with: all errors, with the schema that failed. */
export const TASK_FORCE_AJV: Options = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true };
export const RUBRIC_AJV: Options = { allErrors: true, verbose: true, strict: true };

/**
 * What identifies a validator: the schema's exact content and the options it is compiled
 * with, as its length and two 32-bit hashes of its text (cyrb53-style). Recorded beside each
 * validator compiled ahead of time, so that a test can check it against the schema as it is.
 */
export function schemaKey(options: Options, schema: object): string {
  const text = JSON.stringify(options) + "\0" + JSON.stringify(schema);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, "0");
  return `${text.length.toString(16)}-${hex(h1)}${hex(h2)}`;
}

/** A validator compiled ahead of time: the key of the schema it was made from, and the function. */
export interface ReadyValidator {
  key: string;
  load: () => ValidateFunction;
}

const instances = new Map<Options, Ajv>();
const byName = new Map<string, ValidateFunction>();

/**
 * The validator of a schema, named "task-force", "rubric" or "params:<criterion id>":
 * compiled ahead of time when there is one by that name, else compiled now (once per process).
 */
export function compileSchema(options: Options, schema: object, name: string): ValidateFunction {
  const known = byName.get(name);
  if (known) return known;
  const ready = PRECOMPILED.get(name);
  const validate = ready ? ready.load() : ajvFor(options).compile(schema);
  byName.set(name, validate);
  return validate;
}

/** One ajv per set of options. ajv itself is loaded only to compile: the compiled bin has every validator already. */
function ajvFor(options: Options): Ajv {
  let ajv = instances.get(options);
  if (!ajv) instances.set(options, (ajv = new (createRequire(import.meta.url)("ajv") as typeof import("ajv")).Ajv(options)));
  return ajv;
}
