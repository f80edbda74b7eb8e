import { beforeEach, describe, expect, it } from "vitest";
import { getStaffAuth } from "#app/modules/auth/staff-guard.server.ts";
import { outcome, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as staffLogout, loader as staffLogoutGet } from "./logout.ts";

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

describe("sign-out refuses cross-origin posts (back office)", () => {
  beforeEach(() => resetDatabase());

  it("back office: a sibling origin cannot sign staff out everywhere; the own origin can", async () => {
    const staff = await signedInStaff();
    for (const headers of CROSS) {
      const refused = await outcome(() => staffLogout(signOut("/crm/logout", staff.cookie, headers)));
      expect(refused.status, JSON.stringify(headers)).toBe(403);
    }
    // A fresh Request each time: the guard remembers its answer per request.
    const still = () => new Request(`${SITE}/crm`, { headers: { Cookie: staff.cookie } });
    expect(await getStaffAuth(still())).not.toBeNull();
    // GET never signs out.
    expect((await outcome(async () => staffLogoutGet())).status).toBe(302);
    expect(await getStaffAuth(still())).not.toBeNull();

    const done = await outcome(() => staffLogout(signOut("/crm/logout", staff.cookie, { Origin: SITE })));
    expect(done.location).toBe("/crm/login?signedOut=1");
    expect(await getStaffAuth(still())).toBeNull();
  });
});
