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

/** "the Lynwood and Compton operation of 21 August 2018" */
export function operationLabel(op: Operation): string {
  const where = op.places?.length ? `the ${joinWords(op.places)} operation` : `"${op.name}"`;
  const when = formatDate(op.date);
  return when ? `${where} of ${when}` : op.period ? `${where} (${op.period.charAt(0).toLowerCase()}${op.period.slice(1)})` : where;
}

/** "33 arrests for prostitution or solicitation and 0 for trafficking in the Lynwood and Compton operation of 21 August 2018" */
export function describeOperation(op: Operation): string {
  const a = op.arrests;
  const sex = isKnown(a.selling_or_buying_sex)
    ? `${a.selling_or_buying_sex} arrests for prostitution or solicitation`
    : isKnown(a.selling_sex)
      ? `${a.selling_sex} arrests for selling sex`
      : isKnown(a.total)
        ? `${a.total} arrests`
        : "an unknown number of arrests";
  const trafficking = isKnown(a.trafficking) ? ` and ${a.trafficking} for trafficking` : "";
  return `${sex}${trafficking} in ${operationLabel(op)}`;
}
