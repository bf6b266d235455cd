// Every word a template prints comes from a catalogue: what is left of a template once its
// {{...}} expressions, tags and comments are taken out is punctuation, never words. And the
// catalogue text that goes into pages unescaped holds no markup beyond <strong> and <em>.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TEMPLATES_DIR } from "../../src/cli/context.ts";
import { catalogueLanguages, messagesFor } from "../../src/io/messages.ts";

const templates = [
  ...readdirSync(TEMPLATES_DIR).filter((f) => f.endsWith(".hbs")),
  ...readdirSync(join(TEMPLATES_DIR, "partials"))
    .filter((f) => f.endsWith(".hbs"))
    .map((f) => join("partials", f)),
].sort();

/** The text a template prints by itself: no expressions, no tags, no comments, no entities. */
export function literalText(template: string): string {
  return template
    .replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, " ")
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<svg[\s\S]*?<\/svg>/g, " ")
    .replace(/\{\{\{?[\s\S]*?\}?\}\}/g, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<[^>]*>/g, " ")
    .replace(/&[a-z]+;|&#\d+;/g, " ");
}

describe("the templates", () => {
  it.each(templates)("%s prints no words of its own", (name) => {
    const words = literalText(readFileSync(join(TEMPLATES_DIR, name), "utf8")).match(/\p{L}{2,}/gu) ?? [];
    // Initials printed before a number, like the G of "G1" in the guidance list, are not words.
    expect(words).toEqual([]);
  });

  it("the check finds a word left in a template", () => {
    expect(literalText('<p class="x">{{t "sc.kicker"}} Last reviewed {{date}}</p>').match(/\p{L}{2,}/gu)).toEqual(["Last", "reviewed"]);
    expect(literalText('<p title="{{t "a"}}">{{#if x}} · {{/if}}</p>').match(/\p{L}{2,}/gu)).toBeNull();
  });
});

describe("catalogue text printed into pages", () => {
  it.each(catalogueLanguages())("%s holds no markup but <strong> and <em>", (lang) => {
    const tags = Object.entries(messagesFor(lang).catalogue).flatMap(([id, text]) =>
      (text.match(/<\/?([a-zA-Z][\w-]*)[^>]*>/g) ?? [])
        .filter((t) => !/^<\/?(strong|em)(\s+class="[a-z-]+")?>$/.test(t))
        .map((t) => `${id}: ${t}`),
    );
    expect(tags).toEqual([]);
  });
});
