import { describe, expect, it } from "vitest";
import { isCrossOrigin } from "./same-origin.server.ts";

// Issue #13: the Origin check for resource routes that change state (sign-out). Route-level tests:
// backoffice/routes/logout.test.ts and portal/routes/logout.test.ts.

const SITE = "http://localhost";

const CROSS: Array<Record<string, string>> = [
  { Origin: "http://localhost:3001" },
  { Origin: "https://localhost" },
  { Origin: "http://evil.localhost" },
  { Origin: "null" },
  { Origin: "not a url" },
  { "Sec-Fetch-Site": "same-site" },
  { "Sec-Fetch-Site": "cross-site" },
];

describe("isCrossOrigin", () => {
  it("tells same-origin requests from others", () => {
    const at = (headers: Record<string, string>) => isCrossOrigin(new Request(`${SITE}/logout`, { headers }));
    for (const headers of CROSS) expect(at(headers), JSON.stringify(headers)).toBe(true);
    expect(at({ Origin: SITE })).toBe(false);
    expect(at({ "Sec-Fetch-Site": "same-origin" })).toBe(false);
    expect(at({})).toBe(false);
  });
});
