import { sessionCookieSecure } from "#app/lib/env.server.ts";

// The staff realm's cookie. In production it is `__Host-` prefixed (Secure, Path=/, no Domain), so
// no subdomain or plain-HTTP page can set or read it. Members get their own cookie and table.

export function staffCookieName(): string {
  return sessionCookieSecure() ? "__Host-relay_staff" : "relay_staff";
}

function attributes(maxAgeSeconds: number): string {
  const parts = ["Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (sessionCookieSecure()) parts.push("Secure");
  return parts.join("; ");
}

export function serializeStaffCookie(token: string, expiresAt: Date, now = new Date()): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${staffCookieName()}=${token}; ${attributes(maxAge)}`;
}

export function clearStaffCookie(): string {
  return `${staffCookieName()}=; ${attributes(0)}`;
}

export function readStaffCookie(request: Request): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = staffCookieName();
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq === -1) continue;
    if (part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
