// An edge script: reads the bundled woff2 files and writes src/render/fonts-coverage.json,
// the table of characters they can print. Run with `npm run fonts:coverage` after changing a
// font package; tests/render/fonts.test.ts fails when the file is stale.
import { fileURLToPath } from "node:url";
import { readFontCoverageTable } from "../io/fonts.ts";
import { writeFileAtomic } from "../io/files.ts";

const file = fileURLToPath(new URL("./fonts-coverage.json", import.meta.url));
writeFileAtomic(file, JSON.stringify(readFontCoverageTable(), null, 1) + "\n");
process.stdout.write("wrote src/render/fonts-coverage.json\n");
