// The `t` helper of every template: {{t "scorecard.grade"}} prints a catalogue message in the
// page's language, {{t "scorecard.points" points=points of=knownPoints}} with values. The
// catalogue is trusted project text, like the templates (it may hold <strong> and <em>); every
// value is data and is escaped before it goes in. The page's messages are the view's `messages`.
import type Handlebars from "handlebars";
import { format, type Messages, type Value } from "../i18n/message.ts";

type HB = typeof Handlebars;

/** A view that can be put into words: its language's messages travel with it. */
export interface Worded {
  messages: Messages;
}

/** A value a template hands to a helper, as text: nothing for undefined and null. */
// eslint-disable-next-line @typescript-eslint/no-base-to-string -- template values are untyped: like Handlebars' own {{value}}, this prints whatever it is given
export const valueText = (v: unknown): string => (v === undefined || v === null ? "" : String(v));

const escapeValue = (hb: HB, v: unknown): Value => (typeof v === "number" ? v : hb.escapeExpression(valueText(v)));

/** Registers `t` on a Handlebars environment. */
export function registerWords(hb: HB): void {
  hb.registerHelper("t", function (this: unknown, id: unknown, options: Handlebars.HelperOptions) {
    const root = (options.data as { root?: Partial<Worded> } | undefined)?.root;
    const messages = root?.messages;
    if (!messages) throw new Error(`the template asks for the message '${String(id)}', but the page has no catalogue (this is a bug)`);
    const values: Record<string, Value> = {};
    for (const [k, v] of Object.entries(options.hash as Record<string, unknown>)) {
      // Trusted HTML that the code built (a SafeString) goes in as it is; everything else is escaped.
      values[k] = v instanceof hb.SafeString ? v.toHTML() : escapeValue(hb, v);
    }
    return new hb.SafeString(format(messages, { id: String(id), values }));
  });
}
