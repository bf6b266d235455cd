// `npm run fonts:coverage`: reads the bundled woff2 files and writes src/render/fonts-coverage.json,
// the table of characters they can print. Run it after changing a font package;
// tests/render/fonts.test.ts fails when the file is stale.
import { fileURLToPath } from "node:url";
import { writeFileAtomic } from "../src/io/files.ts";
import { readFontCoverageTable } from "../src/io/fonts.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

writeFileAtomic(`${root}src/render/fonts-coverage.json`, JSON.stringify(readFontCoverageTable(), null, 1) + "\n");
process.stdout.write("wrote src/render/fonts-coverage.json\n");
