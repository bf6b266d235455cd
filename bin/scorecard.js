#!/usr/bin/env node
// Thin shim: run the compiled CLI in dist/, compiling it first if src/ changed since.
import { CompileError, ensureCompiled } from "./compile.js";

// A reader that stops early (`scorecard validate | head`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
try {
  await ensureCompiled();
} catch (error) {
  if (!(error instanceof CompileError)) throw error;
  process.stderr.write(`scorecard: ${error.message}\n`);
  process.exit(2);
}
const { run } = await import("../dist/src/cli/main.js");
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
