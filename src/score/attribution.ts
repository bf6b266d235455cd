// Whose words a fact is. Official records (the task force's own, government data, court
// records) need only their citation; everything else is attributed in words:
// "according to an op-ed by Kate D'Adamo (2018, inferred)", "a 2021 news report (abc7.com)".
import type { Source, SourceKind, TaskForce } from "../model.ts";
import { dateValue, listValue, msg, type Msg } from "../i18n/message.ts";

/** Kinds whose citation is enough: records rather than accounts. */
export const OFFICIAL: ReadonlySet<SourceKind> = new Set<SourceKind>(["task-force", "government", "court"]);

const known = (v: string | undefined): v is string => v !== undefined && v !== "unknown" && v.trim() !== "";

/** One source named as its kind, author or publisher, and date. */
export function whoSays(s: Source): Msg {
  const by = known(s.author) ? s.author : s.publisher;
  const date = /^\d{4}/.test(s.date)
    ? msg(s.date_basis === "inferred" || s.date_basis === "year-inferred" ? "attr.date-inferred" : "attr.date", {
        date: dateValue(s.date.slice(0, 4)),
      })
    : msg("attr.date-unknown");
  return msg(`attr.kind.${s.type}`, { by, publisher: s.publisher, date });
}

/** The sources among `ids` that need attribution in words, each once, in order. */
export function attributed(tf: TaskForce, ids: readonly string[]): Source[] {
  const out: Source[] = [];
  for (const id of ids) {
    const s = tf.sources.find((x) => x.id === id);
    if (s && !OFFICIAL.has(s.type) && !out.includes(s)) out.push(s);
  }
  return out;
}

/** Sources of one kind named together: "news reports (heysocal.com, 2015; Los Angeles Times, 2015)". */
function whoSay(sources: readonly Source[]): Msg {
  const groups = new Map<SourceKind, Source[]>();
  for (const s of sources) groups.set(s.type, [...(groups.get(s.type) ?? []), s]);
  return msg("attr.list", {
    who: listValue(
      [...groups.entries()].map(([kind, group]) =>
        group.length === 1 ? whoSays(group[0]!) : msg(`attr.many.${kind}`, { items: group.map((s) => formatItem(s)).join("; ") }),
      ),
    ),
  });
}

/** "heysocal.com, 2015": one source inside a group of its kind. */
const formatItem = (s: Source): string =>
  `${known(s.author) && s.type !== "news" ? s.author : s.publisher}, ${/^\d{4}/.test(s.date) ? s.date.slice(0, 4) : "date unknown"}${s.date_basis === "inferred" || s.date_basis === "year-inferred" ? " (inferred)" : ""}`;

/** "according to an op-ed by … (2018): <reason>", or the reason alone when it rests only on records. */
export function withAttribution(tf: TaskForce, ids: readonly string[], reason: Msg): Msg {
  const who = attributed(tf, ids);
  if (who.length === 0) return reason;
  return msg("attr.according", { who: whoSay(who), reason });
}

/** "an op-ed by … (2018)" for a fact's line, or undefined when its sources are all records. */
export function attributionOf(tf: TaskForce, ids: readonly string[]): Msg | undefined {
  const who = attributed(tf, ids);
  return who.length ? whoSay(who) : undefined;
}
