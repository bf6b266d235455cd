#!/usr/bin/env node
// Thin shim: run the TypeScript CLI through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
// A reader that stops early (`scorecard validate | head`) closes the pipe: stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
}
const { run } = await import("../src/cli/main.ts");
process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
