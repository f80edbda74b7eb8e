import { sessionCookieSecure } from "#app/lib/env.server.ts";

// A session cookie per realm (staff, member). In production it is `__Host-` prefixed (Secure,
// Path=/, no Domain), so no subdomain or plain-HTTP page can set or read it.

export function createRealmCookie(baseName: string) {
  const name = () => (sessionCookieSecure() ? `__Host-${baseName}` : baseName);
  const attributes = (maxAgeSeconds: number) => {
    const parts = ["Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
    if (sessionCookieSecure()) parts.push("Secure");
    return parts.join("; ");
  };
  return {
    name,
    serialize(token: string, expiresAt: Date, now = new Date()): string {
      const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
      return `${name()}=${token}; ${attributes(maxAge)}`;
    },
    clear(): string {
      return `${name()}=; ${attributes(0)}`;
    },
    read(request: Request): string | null {
      const header = request.headers.get("Cookie");
      if (!header) return null;
      const wanted = name();
      for (const part of header.split(";")) {
        const eq = part.indexOf("=");
        if (eq !== -1 && part.slice(0, eq).trim() === wanted) return part.slice(eq + 1).trim();
      }
      return null;
    },
  };
}
