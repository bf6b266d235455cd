import type { Problem, ProblemCode } from "../errors.ts";
import type { DataPath, Loaded } from "../load/load.ts";
import { locate } from "../load/load.ts";
import { clip, pathLabel } from "./messages.ts";

type Rec = Record<string, unknown>;
type Path = (string | number)[];
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

const DATE_KEYS = /^(date|as_of|last_reviewed|accessed)$/;
const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
/** Lists whose every entry says something exists (a member, a grant, an operation): each needs a source. */
const ENTRY_LISTS: readonly (readonly [string, ...string[]])[] = [
  ["lead_agencies"],
  ["funding"],
  ["membership", "members"],
  ["membership", "counts"],
  ["operations"],
];
/** Seats in `representation` and the member sector whose members hold them. */
const SEATS = [
  ["survivor_led_seats", "survivor-led"],
  ["sex_worker_led_seats", "sex-worker-led"],
  ["targeted_community_seats", "targeted-community"],
] as const;
const CHARGES = ["selling_sex", "buying_sex", "selling_or_buying_sex", "trafficking", "other"] as const;

/** The `# yaml-language-server: $schema=…` line that gives editors completion and hover help. */
export const MODELINE = /^\uFEFF?#\s*yaml-language-server:\s*\$schema=(\S+)/m;

/**
 * Rules a JSON Schema cannot express. They read the raw data defensively, since they
 * also run on files that have schema errors elsewhere. Pure: `today` is passed in.
 */
export function semanticChecks(loaded: Loaded, today: string): Problem[] {
  const data = loaded.data;
  const problems: Problem[] = [];
  const report = (path: DataPath, part: "key" | "value", code: ProblemCode, message: string, severity: Problem["severity"] = "error") =>
    problems.push({ file: loaded.file, ...locate(loaded, path, part), code, message, severity });

  checkModeline(loaded.text, (code, message) => problems.push({ file: loaded.file, line: 1, col: 1, code, message, severity: "warning" }));
  if (!isRec(data)) return problems;

  const ids = checkSourceIds(data, report);
  const used = new Set<string>();
  const dates: { path: Path; key: string; value: string }[] = [];
  // One walk collects every source reference and every date.
  walk(data, [], (node, path) => {
    for (const key in node) {
      const value = node[key];
      if (typeof value === "string" && DATE_KEYS.test(key)) dates.push({ path, key, value });
    }
    if (path[0] === "sources" || !Array.isArray(node.sources)) return;
    node.sources.forEach((entry, i) => {
      const ref = citedId(entry);
      if (ref === undefined) return;
      const refPath: Path = typeof entry === "string" ? [...path, "sources", i] : [...path, "sources", i, "source"];
      // An id written out of form (say 'Example News 2023') is reported once, at the id; its references still count.
      const target = ids.has(ref) ? ref : ids.loose.get(looseId(ref));
      if (target !== undefined) used.add(target);
      else {
        const known = [...ids.keys()];
        const near = known.find((k) => k.toLowerCase() === ref.toLowerCase());
        report(
          refPath,
          "value",
          "source-unresolved",
          `source '${clip(ref, 40)}' is not listed under sources:. ${near ? `Did you mean '${near}'? ` : ""}${known.length ? `Use one of: ${known.join(", ")}, or add it` : "Add it"} to the sources: list at the end of the file.`,
        );
      }
    });
  });
  for (const [id, i] of ids) {
    if (!used.has(id))
      report(
        ["sources", i, "id"],
        "value",
        "source-unused",
        `source '${id}' is listed but no fact cites it. Cite it where it is used, or remove it.`,
        "warning",
      );
  }
  checkUnsourcedFacts(data, report);
  checkEvidence(data, report);
  checkOperations(data, report);
  checkDates(data, dates, today, report);
  checkMembers(data, report);
  return problems;
}

type Report = (path: DataPath, part: "key" | "value", code: ProblemCode, message: string, severity?: Problem["severity"]) => void;

function checkModeline(text: string, report: (code: ProblemCode, message: string) => void): void {
  // Only the comments at the top count: that is where editors look.
  const header = /^(\uFEFF?(?:[ \t]*(?:#[^\n]*)?\r?\n)*)/.exec(text)?.[1] ?? "";
  const line = MODELINE.exec(header);
  if (!line) {
    report(
      "modeline-missing",
      "the file does not start with `# yaml-language-server: $schema=../schemas/task-force.schema.json`. Add that line at the top, so that editors check the file as you type.",
    );
  } else if (!line[1]!.endsWith("task-force.schema.json")) {
    report(
      "modeline-missing",
      `the yaml-language-server line points at '${clip(line[1]!, 60)}', not at task-force.schema.json. Write $schema=../schemas/task-force.schema.json.`,
    );
  }
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const looseId = (id: string) =>
  id
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");

function checkSourceIds(data: Rec, report: Report): Map<string, number> & { loose: Map<string, string> } {
  const ids = Object.assign(new Map<string, number>(), { loose: new Map<string, string>() });
  list(data.sources).forEach((s, i) => {
    if (!isRec(s)) return;
    const id = str(s.id);
    if (id !== undefined) {
      const first = ids.get(id);
      if (first !== undefined)
        report(
          ["sources", i, "id"],
          "value",
          "source-duplicate-id",
          `two sources have the id '${clip(id, 40)}' (the first is sources[${first}]). Give each source its own id.`,
        );
      else ids.set(id, i);
      if (!ID.test(id)) ids.loose.set(looseId(id), id);
    }
    if (s.url === undefined && s.identifier === undefined && s.archive_url === undefined && id !== undefined) {
      report(
        ["sources", i, "id"],
        "value",
        "source-unfindable",
        `source '${clip(id, 40)}' has no url and no identifier, so a reader cannot find it. Add its address (url:) or a story number or DOI (identifier:).`,
        "warning",
      );
    }
  });
  return ids;
}

/** A yes/no or a number (not unknown) is a fact; a fact needs a source. Returns "key: value" for each. */
function knownFacts(node: Rec, prefix = ""): string[] {
  const facts: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === "sources" || key === "note") continue;
    if (value === "yes" || value === "no" || value === "none-reported" || typeof value === "number")
      facts.push(`${prefix}${clip(key, 40)}: ${String(value)}`);
    else if (isRec(value) && !prefix) facts.push(...knownFacts(value, `${clip(key, 40)}.`));
  }
  return facts;
}

function checkUnsourcedFacts(data: Rec, report: Report): void {
  const cited = (node: Rec) => Array.isArray(node.sources) && node.sources.length > 0;
  const complain = (node: Rec, path: Path, what: string) => {
    const hasList = Array.isArray(node.sources);
    report(hasList ? [...path, "sources"] : path, hasList ? "value" : "key", "source-missing", what);
  };
  for (const [first, ...rest] of ENTRY_LISTS) {
    let parent: unknown = data[first];
    for (const key of rest) parent = isRec(parent) ? parent[key] : undefined;
    list(parent).forEach((entry, i) => {
      // A missing sources: list is already a schema error; only an empty one is reported here.
      if (!isRec(entry) || cited(entry) || !Array.isArray(entry.sources)) return;
      const path: Path = [first, ...rest, i];
      const name = str(entry.name) ?? str(entry.funder);
      complain(
        entry,
        path,
        `${pathLabel(path)}${name ? ` ('${clip(name, 40)}')` : ""} cites no source. Add the id of the source that names it to sources:, such as sources: [la-times-2015]. If no source names it, remove it.`,
      );
    });
  }
  const sections: [Path, unknown][] = [
    [["representation"], data.representation],
    [["founded"], data.founded],
  ];
  if (isRec(data.policies)) for (const [id, policy] of Object.entries(data.policies)) sections.push([["policies", id], policy]);
  for (const [path, node] of sections) {
    if (!isRec(node) || cited(node)) continue;
    const facts =
      path[0] === "founded"
        ? str(node.date) && node.date !== "unknown"
          ? [`date: ${clip(node.date as string, 20)}`]
          : []
        : knownFacts(node);
    if (facts.length === 0) continue;
    const shown = facts.slice(0, 3).join(", ");
    complain(
      node,
      path,
      `${pathLabel(path)} states ${shown}${facts.length > 3 ? " and more" : ""}, but cites no source. Cite the source that says so in sources:, or write unknown for any fact no source states.`,
    );
  }
}

function checkOperations(data: Rec, report: Report): void {
  list(data.operations).forEach((op, i) => {
    if (!isRec(op) || !isRec(op.arrests)) return;
    const arrests = op.arrests;
    const total = num(arrests.total);
    const given = CHARGES.filter((k) => num(arrests[k]) !== undefined);
    const sum = given.reduce((acc, k) => acc + num(arrests[k])!, 0);
    if (total !== undefined && sum > total) {
      report(
        ["operations", i, "arrests", "total"],
        "value",
        "arrests-exceed-total",
        `arrests by charge add up to ${sum} (${given.map((k) => `${k} ${num(arrests[k])}`).join(" + ")}), more than the total of ${total}. Correct the numbers, or set total to at least ${sum}.`,
      );
    }
    // Referrals come from the people arrested, plus victims identified without arrest.
    const referred = num(op.referred_to_services);
    const victims = num(op.victims_identified) ?? 0;
    if (referred !== undefined && total !== undefined && referred > total + victims && op.type !== "outreach") {
      const limit = victims ? `the ${total} people arrested plus the ${victims} victims identified` : `the ${total} people arrested`;
      report(
        ["operations", i, "referred_to_services"],
        "value",
        "referrals-exceed-arrests",
        `referred_to_services is ${referred}, more than ${limit}. Check the numbers; if people were referred without being arrested, record them under victims_identified.`,
      );
    }
    const minorsArrested = isRec(op.minors) ? num(op.minors.arrested) : undefined;
    if (minorsArrested !== undefined && total !== undefined && minorsArrested > total) {
      report(
        ["operations", i, "minors", "arrested"],
        "value",
        "minors-exceed-arrests",
        `minors.arrested is ${minorsArrested}, more than the ${total} arrests in all. Minors arrested are part of the total: correct one of the numbers.`,
      );
    }
  });
}

function checkDates(data: Rec, dates: { path: Path; key: string; value: string }[], today: string, report: Report): void {
  for (const { path, key, value } of dates) {
    const m = DATE.exec(value);
    if (!m) continue;
    const [, y, mo, d] = m;
    if (mo && d && !dayExists(Number(y), Number(mo), Number(d))) {
      report(
        [...path, key],
        "value",
        "date-invalid",
        `${key} is ${value}, but that day does not exist. Check the date; write YYYY-MM if the day is not known.`,
      );
    } else if (value > today.slice(0, value.length)) {
      report([...path, key], "value", "date-in-future", `${key} is ${value}, which is in the future (today is ${today}). Check the date.`);
    }
  }
  // Dates that contradict each other are more likely typos than facts.
  const founded = isRec(data.founded) ? str(data.founded.date) : undefined;
  if (founded && DATE.test(founded)) {
    list(data.operations).forEach((op, i) => {
      const date = isRec(op) ? str(op.date) : undefined;
      if (date && DATE.test(date) && before(date, founded)) {
        report(
          ["operations", i, "date"],
          "value",
          "date-order",
          `this operation's date (${date}) is before the task force was founded (${founded}). Check both dates.`,
          "warning",
        );
      }
    });
  }
  const reviewed = isRec(data.review) ? str(data.review.last_reviewed) : undefined;
  if (reviewed && DATE.test(reviewed)) {
    list(data.sources).forEach((s, i) => {
      const date = isRec(s) ? str(s.date) : undefined;
      if (date && DATE.test(date) && before(reviewed, date)) {
        report(
          ["review", "last_reviewed"],
          "value",
          "date-order",
          `last_reviewed (${reviewed}) is before sources[${i}] was published (${date}). Update last_reviewed when you check the facts against the newer source.`,
          "warning",
        );
      }
    });
  }
}

/** True when a is before b, comparing only as precisely as both are written. */
const before = (a: string, b: string) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) < b.slice(0, n);
};

function dayExists(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkMembers(data: Rec, report: Report): void {
  const membership = isRec(data.membership) ? data.membership : {};
  const members = list(membership.members);
  for (const [listPath, entries] of [
    [["membership", "members"], members],
    [["lead_agencies"], list(data.lead_agencies)],
  ] as const) {
    const seen = new Map<string, number>();
    entries.forEach((m, i) => {
      const name = isRec(m) ? str(m.name) : undefined;
      if (!name) return;
      const key = name.trim().toLowerCase().replace(/\s+/g, " ");
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        report(
          [...listPath, i, "name"],
          "value",
          "member-duplicate",
          `'${clip(name, 40)}' is listed twice (also at ${pathLabel([...listPath, first])}). Keep one entry and merge their sources.`,
          "warning",
        );
    });
  }
  const rep = isRec(data.representation) ? data.representation : undefined;
  if (!rep) return;
  for (const [seatKey, sector] of SEATS) {
    const seats = num(rep[seatKey]);
    const holders = members.filter((m) => isRec(m) && m.sector === sector && m.role !== "partner").length;
    if (seats !== undefined && holders > seats) {
      report(
        ["representation", seatKey],
        "value",
        "seats-fewer-than-members",
        `${seatKey} is ${seats}, but membership lists ${holders} ${sector} member(s) who are not only partners. Make the two agree, or explain the difference in representation.note.`,
        "warning",
      );
    }
  }
}

/** The source id of one citation: a bare id, or the `source:` of a citation with a quote. */
export function citedId(entry: unknown): string | undefined {
  if (typeof entry === "string") return entry;
  return isRec(entry) ? str(entry.source) : undefined;
}

/** Kinds of source whose account of what an operation did is theirs, never a stated rule of the task force. */
const ADVOCACY_KINDS = new Set(["op-ed", "advocacy"]);

/**
 * The rules that keep a scorecard from saying more than its sources: quotes beside the
 * facts of real task forces, "none reported" only where a source reports other figures,
 * zero seats only from a complete list or a count, policies only from a stated rule, and
 * inferred dates explained.
 */
function checkEvidence(data: Rec, report: Report): void {
  const real = data.fictional !== "yes";
  const kinds = new Map<string, string>();
  for (const s of list(data.sources)) if (isRec(s) && str(s.id) !== undefined) kinds.set(s.id as string, str(s.type) ?? "other");

  walk(data, [], (node, path) => {
    if (path[0] === "sources" && path.length <= 2) {
      if ((node.date_basis === "inferred" || node.date_basis === "year-inferred") && node.note === undefined)
        report(
          [...path, "date_basis"],
          "value",
          "inferred-unexplained",
          "this date is marked inferred, but note does not say how it was worked out. Add a note, such as: The source names 'Tuesday, August 21'; 21 August fell on a Tuesday in 2018.",
          "warning",
        );
      return;
    }
    if ((node.date_basis === "inferred" || node.date_basis === "year-inferred") && node.note === undefined) {
      report(
        [...path, "date_basis"],
        "value",
        "inferred-unexplained",
        "this date is marked inferred, but note does not say how it was worked out. Add a note that says what the source states and how the date follows from it.",
        "warning",
      );
    }
    if (!Array.isArray(node.sources)) return;
    const cites = node.sources;
    // A reply's text is the task force's own words already; its letter needs no quote beside it.
    if (real && path[0] !== "review") {
      cites.forEach((entry, i) => {
        const id = citedId(entry);
        if (id === undefined || (isRec(entry) && str(entry.quote) !== undefined)) return;
        const where = pathLabel(path) === "the file" ? "" : ` for ${pathLabel(path)}`;
        const how =
          typeof entry === "string"
            ? `Write it as \`- source: ${clip(id, 40)}\` with \`quote:\` on the next line`
            : "Add `quote:` under it";
        report(
          [...path, "sources", i],
          "value",
          "quote-missing",
          `the citation of '${clip(id, 40)}'${where} carries no quote. ${how}, giving the source's own words for these facts, so that a reader can check them. Run validate --strict before publishing.`,
          "warning",
        );
      });
    }
    if (cites.length === 0) {
      const noneReported = Object.entries(node).flatMap(([k, v]) =>
        v === "none-reported"
          ? [k]
          : isRec(v)
            ? Object.entries(v)
                .filter(([, w]) => w === "none-reported")
                .map(([kk]) => `${k}.${kk}`)
            : [],
      );
      for (const key of noneReported) {
        report(
          [...path, ...key.split(".")],
          "value",
          "none-reported-unsourced",
          `${key} is none-reported, which means a source reports other figures here but not this one, yet no source is cited. Cite that source in sources:, or write unknown if no source reports these figures.`,
        );
      }
    }
  });

  const membership = isRec(data.membership) ? data.membership : {};
  const complete = membership.complete === "yes";
  const counted = new Set(
    list(membership.counts).flatMap((c) => (isRec(c) ? list(c.groups).map((g) => (isRec(g) ? g.kind : undefined)) : [])),
  );
  const rep = isRec(data.representation) ? data.representation : undefined;
  if (rep) {
    for (const [seatKey, sector] of SEATS) {
      if (rep[seatKey] !== 0 || complete || counted.has(sector)) continue;
      report(
        ["representation", seatKey],
        "value",
        "seats-zero-unproven",
        `${seatKey} is 0, but the member list is not marked complete and no member count gives ${sector} members. A group that an incomplete list does not name is unknown, not zero. Write unknown (and quote the source in note), or set membership.complete: yes if a source says the list names every member.`,
      );
    }
  }

  if (isRec(data.policies)) {
    for (const [id, policy] of Object.entries(data.policies)) {
      if (!isRec(policy) || (policy.status !== "yes" && policy.status !== "no")) continue;
      const ids = list(policy.sources)
        .map(citedId)
        .filter((x): x is string => x !== undefined);
      if (ids.length > 0 && ids.every((s) => ADVOCACY_KINDS.has(kinds.get(s) ?? ""))) {
        report(
          ["policies", id, "status"],
          "value",
          "policy-from-practice",
          `policies.${id} is ${policy.status}, but its only sources are op-eds or advocacy pieces. A policy is a rule the task force has, stated by a source such as its own records or a statement it made; what one operation did is a practice. Record the practice on the operation, and write unknown here unless a source states the rule.`,
          "warning",
        );
      }
    }
  }
}

function walk(node: unknown, path: Path, visit: (node: Rec, path: Path) => void): void {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) walk(node[i], [...path, i], visit);
  } else if (isRec(node)) {
    visit(node, path);
    for (const k in node) {
      const v = node[k];
      if (v !== null && typeof v === "object") walk(v, [...path, k], visit);
    }
  }
}
