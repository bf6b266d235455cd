// Validators compiled ahead of time, by name (see compileSchema). Empty in the sources, so that the
// tests compile each schema when they need it; bin/compile.js writes this module's compiled
// twin in dist/ with ajv's standalone code for every schema the tool has, each loaded when
// it is first asked for.
import type { ReadyValidator } from "./schemas.ts";

export const PRECOMPILED: ReadonlyMap<string, ReadyValidator> = new Map();
