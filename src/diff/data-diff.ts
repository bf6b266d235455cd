// Field-by-field differences between two versions of a task force file, and a way to
// undo one difference, so that compare.ts can ask "did this change move the score?".

/** One step of a path: a map key, a list position, or a list item found by its name or id. */
export type Step = { key: string } | { index: number } | { match: "name" | "id"; value: string };

export interface DataChange {
  path: Step[];
  /** Undefined when the field or item did not exist on that side. */
  before: unknown;
  after: unknown;
}

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => typeof v === "object" && v !== null && !Array.isArray(v);

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isRec(a) && isRec(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Lists of named things (members, operations, sources) are matched by name or id, so inserting one does not shift the rest. */
function matchKey(a: unknown[], b: unknown[]): "name" | "id" | undefined {
  for (const field of ["id", "name"] as const) {
    const ok = (list: unknown[]) => {
      const seen = new Set<string>();
      for (const item of list) {
        if (!isRec(item) || typeof item[field] !== "string" || seen.has(item[field])) return false;
        seen.add(item[field]);
      }
      return true;
    };
    if (ok(a) && ok(b)) return field;
  }
  return undefined;
}

/** Every field that differs, leaf by leaf; whole items for list entries added or removed. */
export function diffData(a: unknown, b: unknown, path: Step[] = []): DataChange[] {
  if (deepEqual(a, b)) return [];
  if (isRec(a) && isRec(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    return keys.flatMap((key) => diffData(a[key], b[key], [...path, { key }]));
  }
  if (Array.isArray(a) && Array.isArray(b) && (a.length > 0 || b.length > 0)) {
    const field = matchKey(a, b);
    if (field) {
      const byValue = (list: unknown[]) => new Map(list.map((item) => [(item as Rec)[field] as string, item]));
      const ma = byValue(a);
      const mb = byValue(b);
      const values = [...ma.keys(), ...[...mb.keys()].filter((v) => !ma.has(v))];
      return values.flatMap((value) => diffData(ma.get(value), mb.get(value), [...path, { match: field, value }]));
    }
    // Lists of plain values (places, source ids) read best as one change.
    if ([...(a as unknown[]), ...(b as unknown[])].every((x) => !isRec(x) && !Array.isArray(x))) return [{ path, before: a, after: b }];
    const out: DataChange[] = [];
    for (let index = 0; index < Math.max(a.length, b.length); index++) out.push(...diffData(a[index], b[index], [...path, { index }]));
    return out;
  }
  return [{ path, before: a, after: b }];
}

/** "membership.members[Example City Police].sector" */
export function pathLabel(path: readonly Step[]): string {
  let out = "";
  for (const step of path) {
    if ("key" in step) out += out ? `.${step.key}` : step.key;
    else if ("index" in step) out += `[${step.index + 1}]`;
    else out += `[${step.value}]`;
  }
  return out || "the whole file";
}

/** A copy of `data` with one change undone: the value at its path set back to `before`. */
export function undo(data: unknown, change: DataChange): unknown {
  const copy = structuredClone(data);
  const { path } = change;
  if (path.length === 0) return structuredClone(change.before);
  let node: unknown = copy;
  for (let i = 0; i < path.length - 1; i++) {
    node = child(node, path[i]!);
    if (node === undefined) return copy;
  }
  const last = path[path.length - 1]!;
  const value = structuredClone(change.before);
  if (isRec(node) && "key" in last) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- node is a section of the file's data (a plain object, a copy): undoing an added field removes its key
    if (value === undefined) delete node[last.key];
    else node[last.key] = value;
  } else if (Array.isArray(node) && "index" in last) {
    if (value === undefined) node.splice(last.index, 1);
    else if (last.index < node.length && change.after !== undefined) node[last.index] = value;
    else node.splice(Math.min(last.index, node.length), 0, value);
  } else if (Array.isArray(node) && "match" in last) {
    const at = node.findIndex((item) => isRec(item) && item[last.match] === last.value);
    if (value === undefined) {
      if (at >= 0) node.splice(at, 1);
    } else if (at >= 0) node[at] = value;
    else node.push(value);
  }
  return copy;
}

function child(node: unknown, step: Step): unknown {
  if (isRec(node) && "key" in step) return node[step.key];
  if (Array.isArray(node) && "index" in step) return node[step.index];
  if (Array.isArray(node) && "match" in step) return node.find((item) => isRec(item) && item[step.match] === step.value);
  return undefined;
}

/** A value as a reviewer reads it: plain text, short. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(not present)";
  if (value === null) return "(empty)";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  // Data read from YAML holds nothing else outside lists and sections.
  if (typeof value !== "object") return `(${typeof value})`;
  if (Array.isArray(value)) return value.length === 0 ? "(empty list)" : `[${value.map(showValue).join(", ")}]`;
  const rec = value as Rec;
  const title = typeof rec.name === "string" ? rec.name : typeof rec.id === "string" ? rec.id : undefined;
  const text =
    title ??
    Object.entries(rec)
      .map(([k, v]) => `${k}: ${showValue(v)}`)
      .join(", ");
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
