// `npm run docs:fields`: writes docs/fields.md from the schema. The text comes from
// src/validate/field-reference.ts; tests/validate/field-reference.test.ts fails when the file is stale.
import { fileURLToPath } from "node:url";
import schema from "../schemas/task-force.schema.json" with { type: "json" };
import { writeFileAtomic } from "../src/io/files.ts";
import { fieldReference } from "../src/validate/field-reference.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

writeFileAtomic(`${root}docs/fields.md`, fieldReference(schema));
process.stdout.write("wrote docs/fields.md\n");
