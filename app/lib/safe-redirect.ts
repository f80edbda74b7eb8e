// The one parser for "where to go after this" (`redirectTo`, `back`, …) — issue #13. It accepts only a
// path on this site and answers it in a form that is safe to put in a Location header: ASCII only
// (non-ASCII is percent-encoded), no control characters (browsers drop tabs and newlines, so
// "/\t/evil.example" would become "//evil.example"), and never "//" or "/\" at the start (a
// protocol-relative URL to another host), before or after percent-decoding.

const BASE = "http://relay.invalid";
const MAX_LENGTH = 2048;
/** Any space (Unicode's too), control or invisible format character (bidi marks, BOM, zero width). */
const CONTROL_OR_SPACE = /[\s\p{Cc}\p{Cf}]/u;

/** Percent-decodes as far as it goes; a malformed escape leaves the text as it was. */
function decodedOnce(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

// eslint-disable-next-line no-control-regex -- the same, for text that was percent-encoded
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Raw text: no spaces or controls at all, no backslash, no "//" start. */
function looksOffSite(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\") || CONTROL_OR_SPACE.test(path) || path.includes("\\");
}

/** Decoded text may hold spaces and CJK (an encoded search query), but no controls or "//" start. */
function decodesOffSite(path: string): boolean {
  return path.startsWith("//") || path.startsWith("/\\") || CONTROL.test(path);
}

/**
 * `value` as a same-origin path (`/path?query#hash`), or `fallback`. With `under`, the path must also
 * lie inside that section (`under: "/crm"` accepts "/crm" and "/crm/leads", not "/crmx" or "/").
 */
export function safeRedirectPath(value: unknown, fallback: string, options: { under?: string } = {}): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!value.startsWith("/") || looksOffSite(value)) return fallback;
  // Twice decoded: "/%252F%252Fevil" must not become "//evil" for a server or proxy that decodes again.
  const decoded = decodedOnce(value);
  if (decodesOffSite(decoded) || decodesOffSite(decodedOnce(decoded))) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (looksOffSite(path) || !/^[\x21-\x7e]+$/.test(path)) return fallback;
  const under = options.under;
  if (under && !(url.pathname === under || url.pathname.startsWith(`${under}/`))) return fallback;
  return path;
}
