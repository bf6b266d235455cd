#!/usr/bin/env node
// npm postinstall: make sure a browser for printing PDFs is there. Never fails the install.
import { register } from "tsx/esm/api";

register();
try {
  const { ensureBrowserCli } = await import("../src/pdf/browser.ts");
  ensureBrowserCli(process.env, (line) => process.stdout.write(line + "\n"));
} catch (error) {
  process.stdout.write(`scorecard: could not check for a browser (${String(error)}). The build will say how to install one.\n`);
}
