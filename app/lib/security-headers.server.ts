// Security headers (issue #13). Documents get a strict Content-Security-Policy with a fresh nonce per
// response, which React Router's inline scripts carry (<Scripts nonce>, <ScrollRestoration nonce>,
// <ServerRouter nonce>); every other response gets a policy that allows nothing. HSTS only in
// production (browsers ignore it over plain HTTP anyway, and a developer's localhost must not pin it).

/** The policy of an HTML document rendered with `nonce`. */
export function documentPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced module scripts load (route chunks) are trusted too.
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    // Tailwind ships one stylesheet; style attributes (React's `style`, ECharts) need 'unsafe-inline'.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON, redirects and files: nothing may run or frame it. */
export const NON_DOCUMENT_POLICY = "default-src 'none'; frame-ancestors 'none'";

export const HSTS = "max-age=31536000; includeSubDomains";

/** Adds the headers every response carries; keeps a policy a route set itself (file downloads). */
export function applySecurityHeaders(headers: Headers, options: { production: boolean }): void {
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  headers.set("X-Frame-Options", "DENY");
  if (!headers.has("Content-Security-Policy")) headers.set("Content-Security-Policy", NON_DOCUMENT_POLICY);
  if (options.production) headers.set("Strict-Transport-Security", HSTS);
}

/** A base64 nonce of 128 random bits. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64");
}
