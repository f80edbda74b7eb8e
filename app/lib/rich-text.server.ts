import sanitizeHtml from "sanitize-html";

/**
 * Server-side sanitiser for the HTML the Tiptap editor (StarterKit + Link) produces.
 * Everything is stored and rendered only after passing through here: never trust client HTML.
 * Allow-list only (see docs/decisions/019-service-sla-and-sanitisation.md):
 * - the block/inline tags StarterKit emits, links with http/https/mailto only;
 * - no attributes except a[href|target|rel] (rel forced), no style/class, no event handlers;
 * - disallowed tags are dropped, and the content of script/style/textarea/etc. is dropped too.
 */
const ALLOWED_TAGS = [
  "p",
  "br",
  "strong",
  "em",
  "s",
  "u",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "h2",
  "h3",
  "a",
  "hr",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "target", "rel"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Drop the text inside these too (not just the tags).
  nonTextTags: [
    "script",
    "style",
    "textarea",
    "option",
    "noscript",
    "title",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "template",
  ],
  disallowedTagsMode: "discard",
  // Editors sometimes emit h1/b/i/strike: map them onto the allowed set instead of losing the emphasis.
  transformTags: {
    h1: "h2",
    h4: "h3",
    h5: "h3",
    h6: "h3",
    b: "strong",
    i: "em",
    strike: "s",
    del: "s",
    div: "p",
    a: (tagName, attribs) => {
      const out: Record<string, string> = { rel: "noopener noreferrer nofollow" };
      if (attribs.href) out.href = attribs.href;
      if (attribs.target === "_blank") out.target = "_blank";
      return { tagName, attribs: out };
    },
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href && !frame.text.trim(),
};

/** Sanitised HTML safe to store and to render with dangerouslySetInnerHTML. */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html ?? "", OPTIONS).trim();
}

const BLOCK_BREAK = /<\/(p|li|h2|h3|blockquote|pre)>|<br\s*\/?>|<hr\s*\/?>/gi;

/** Plain text for previews, e-mails and search: tags removed, entities decoded, blocks on their own lines. */
export function richTextToPlain(html: string): string {
  const withBreaks = sanitizeRichText(html).replace(BLOCK_BREAK, (m) => `${m}\n`);
  const text = sanitizeHtml(withBreaks, { allowedTags: [], allowedAttributes: {} });
  return decodeEntities(text)
    .split("\n")
    .map((line) => line.replace(/[ \t\u00a0]+/g, " ").trim())
    .filter((line, i, all) => line !== "" || (i > 0 && all[i - 1] !== ""))
    .join("\n")
    .trim();
}

/** True when the HTML has no visible text (e.g. Tiptap's empty "<p></p>"). */
export function isRichTextEmpty(html: string): boolean {
  return richTextToPlain(html) === "";
}

/**
 * Turns plain text (the no-JS textarea fallback) into safe paragraphs. Input that already looks like
 * HTML from the editor is passed through the sanitiser instead.
 */
export function normaliseRichTextInput(input: string): string {
  const value = (input ?? "").trim();
  if (value === "") return "";
  if (/^<(p|h2|h3|ul|ol|blockquote|pre|hr)[\s>]/i.test(value)) return sanitizeRichText(value);
  const paragraphs = value
    .split(/\r?\n\s*\r?\n/)
    .map((p) => escapeHtml(p.trim()).replace(/\r?\n/g, "<br>"))
    .filter((p) => p !== "");
  return sanitizeRichText(paragraphs.map((p) => `<p>${p}</p>`).join(""));
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function decodeEntities(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}
