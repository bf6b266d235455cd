import type { Operation } from "../../model.ts";
import { isKnown } from "../../model.ts";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "21 August 2018", "August 2018", "2018", or "" for unknown. */
export function formatDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return "";
  const [, y, mo, d] = m;
  if (mo && d) return `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
  if (mo) return `${MONTHS[Number(mo) - 1]} ${y}`;
  return y!;
}

export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}

/** "the Lynwood and Compton operation of 21 August 2018", or the name and period when there is no date. */
export function operationLabel(op: Operation): string {
  const where = op.places?.length ? `the ${joinWords(op.places)} operation` : `"${op.name}"`;
  const when = formatDate(op.date);
  return when ? `${where} of ${when}` : op.period ? `${where} (${op.period.charAt(0).toLowerCase()}${op.period.slice(1)})` : where;
}

const arrests = (n: number) => `${n} ${n === 1 ? "arrest" : "arrests"}`;

/** "33 arrests for prostitution or solicitation and 0 for trafficking in the Lynwood and Compton operation of 21 August 2018" */
export function describeOperation(op: Operation): string {
  const a = op.arrests;
  const trafficking = isKnown(a.trafficking) ? ` and ${a.trafficking} for trafficking` : "";
  if (isKnown(a.selling_or_buying_sex)) return `${arrests(a.selling_or_buying_sex)} for prostitution or solicitation${trafficking} in ${operationLabel(op)}`;
  if (isKnown(a.selling_sex)) return `${arrests(a.selling_sex)} for selling sex${trafficking} in ${operationLabel(op)}`;
  if (isKnown(a.total)) {
    const of = isKnown(a.trafficking) ? `, ${a.trafficking} of them for trafficking,` : "";
    return `${arrests(a.total)} in all${of} in ${operationLabel(op)}`;
  }
  return `an unknown number of arrests in ${operationLabel(op)}`;
}
