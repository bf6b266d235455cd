import { readFileSync, writeFileSync } from "node:fs";
import { check, renderDocument } from "./src/pipeline.ts";
import { parseRubric } from "./src/score/rubric.ts";
import { readTheme } from "./src/io/theme.ts";
import { compileTheme } from "./src/render/render.ts";
import { buildView } from "./src/render/view.ts";
import { score } from "./src/score/score.ts";
import { messagesFor } from "./src/io/messages.ts";
import { translateRubric } from "./src/score/rubric-words.ts";
const root = "/work/main";
const rubric = parseRubric(readFileSync(`${root}/rubric/rubric.yaml`, "utf8"));
const file = `${root}/scorecards/los-angeles-regional-human-trafficking-task-force.yaml`;
const v = check(file, readFileSync(file, "utf8"), "2026-12-02", { criteria: rubric.criteria.map((c) => c.id) });
const tf = v.taskForce!;
const theme = readTheme(`${root}/templates`);
const render = compileTheme(theme);
for (const lang of ["en", "es"]) {
  const m = messagesFor(lang);
  const r = lang === "en" ? rubric : translateRubric(rubric, "rubric.es.yaml", readFileSync(`${root}/rubric/rubric.es.yaml`, "utf8"));
  const rb = "rubric" in r ? r.rubric : r;
  if ("warnings" in r) console.log(r.warnings);
  const card = score(tf, rb, m);
  const view = buildView(tf, card, { dataFile: "scorecards/la.yaml", commit: "abc", dirty: false, rubricVersion: rb.version, date: "2026-12-02" }, rb, "Pub", undefined, m);
  const html = render(view);
  writeFileSync(`/tmp/smoke.${lang}.html`, html);
  console.log(lang, html.length, view.info.title);
}
