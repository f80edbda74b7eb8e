// A short window of a highlighted field around its first match. The engines return the whole field
// HTML-escaped with `<mark>` around matches; cutting that text must not split an entity (`&amp;`) or
// leave a `<mark>` open, so the text is walked as units: a tag, an entity, or one code point.

const UNIT = /<\/?mark>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|[\s\S]/giu;

/** `before` visible characters ahead of the first match, `length` in all; null without a match. */
export function highlightSnippet(html: string | undefined, length = 120, before = 30): string | null {
  if (!html) return null;
  const units: string[] = html.match(UNIT) ?? [];
  const first = units.indexOf("<mark>");
  if (first < 0) return null;
  let start = first;
  for (let seen = 0; start > 0 && seen < before; start--) if (!isTag(units[start - 1])) seen++;
  const out: string[] = [];
  let open = false;
  let visible = 0;
  let index = start;
  for (; index < units.length && visible < length; index++) {
    const unit = units[index]!;
    if (unit === "<mark>") open = true;
    else if (unit === "</mark>") open = false;
    else visible++;
    out.push(unit);
  }
  if (open) out.push("</mark>");
  // Trim a leading newline/space run; mark where text was cut.
  const body = out.join("").replace(/^\s+/, "");
  return `${start > 0 ? "…" : ""}${body}${index < units.length ? "…" : ""}`;
}

function isTag(unit: string | undefined): boolean {
  return unit === "<mark>" || unit === "</mark>";
}
