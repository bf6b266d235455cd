// Dates in words, per locale, with Intl: apart from the messages, so that checking a file
// (which words its dates in messages) does not load the message formatter.

/** "21 August 2018" / "21 de agosto de 2018", "August 2018", "2018"; "" for anything else (unknown). */
export function formatDate(date: string, locale: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return "";
  const [, y, mo, d] = m;
  const utc = new Date(Date.UTC(Number(y), Number(mo ?? 1) - 1, Number(d ?? 1)));
  if (mo && d) return new Intl.DateTimeFormat(locale, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).format(utc);
  if (mo) return new Intl.DateTimeFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(utc);
  return y!;
}
