// `npm run docs:fields`: writes docs/fields.md from the schema. An edge, so it may write a file;
// tests/validate/field-reference.test.ts fails when docs/fields.md is out of date.
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import schema from "../../schemas/task-force.schema.json" with { type: "json" };
import { fieldReference } from "./field-reference.ts";

const docs = fileURLToPath(new URL("../../docs/", import.meta.url));
mkdirSync(docs, { recursive: true });
writeFileSync(`${docs}fields.md`, fieldReference(schema));
console.log(`wrote ${docs}fields.md`);
