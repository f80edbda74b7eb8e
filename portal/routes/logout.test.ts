import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { getMemberAuth } from "#app/modules/members/member-guard.server.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { memberCookieFor, outcome } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as memberLogout, loader as memberLogoutGet } from "./logout.ts";

// Issue #13: sign-out (and sign-out-everywhere) is a resource route, which React Router's action Origin
// check skips; a page on a sibling port ended all of a user's sessions. Now it checks the origin.

const SITE = "http://localhost";

function signOut(path: string, cookie: string, headers: Record<string, string>, intent = "sign-out-everywhere") {
  const request = new Request(`${SITE}${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body: new URLSearchParams({ intent }).toString(),
  });
  return { request, params: {}, context: {} } as never;
}

const CROSS: Array<Record<string, string>> = [
  { Origin: "http://localhost:3001" },
  { Origin: "https://localhost" },
  { Origin: "http://evil.localhost" },
  { Origin: "null" },
  { Origin: "not a url" },
  { "Sec-Fetch-Site": "same-site" },
  { "Sec-Fetch-Site": "cross-site" },
];

describe("sign-out refuses cross-origin posts (portal)", () => {
  beforeEach(() => resetDatabase());

  it("portal: a sibling origin cannot sign a member out; the own origin can", async () => {
    const { member } = await createTestMember(db);
    const cookie = await memberCookieFor(member.id);
    for (const headers of CROSS) {
      const refused = await outcome(() => memberLogout(signOut("/logout", cookie, headers)));
      expect(refused.status, JSON.stringify(headers)).toBe(403);
    }
    const still = () => new Request(`${SITE}/account`, { headers: { Cookie: cookie } });
    expect(await getMemberAuth(still())).not.toBeNull();
    expect((await outcome(async () => memberLogoutGet())).status).toBe(302);

    const done = await outcome(() => memberLogout(signOut("/logout", cookie, { "Sec-Fetch-Site": "same-origin" })));
    expect(done.location).toBe("/?signedOut=1");
    expect(await getMemberAuth(still())).toBeNull();
  });
});
