import { describe, expect, it } from "vitest";
import { can, inScope, mergeGrants, scopeFor } from "./permissions.ts";

describe("permissions", () => {
  it("merges grants from several roles, keeping the widest scope", () => {
    const grants = mergeGrants([
      { module: "leads", action: "browse", scope: "own" },
      { module: "leads", action: "browse", scope: "team" },
      { module: "leads", action: "modify", scope: "own" },
      { module: "not-a-module", action: "browse", scope: "all" },
    ]);
    expect(grants).toEqual({ leads: { browse: "team", modify: "own" } });
  });

  it("allows only granted module × action pairs; admins pass everything", () => {
    const sales = { isAdmin: false, grants: mergeGrants([{ module: "leads", action: "browse", scope: "own" }]) };
    expect(can(sales, "leads", "browse")).toBe(true);
    expect(can(sales, "leads", "delete")).toBe(false);
    expect(can(sales, "members", "browse")).toBe(false);
    expect(scopeFor({ isAdmin: true, grants: {} }, "members", "delete")).toBe("all");
  });

  it("applies data scopes to records", () => {
    const viewer = { id: 7, teamId: 3 };
    expect(inScope("own", viewer, { ownerId: 7, ownerTeamId: 3 })).toBe(true);
    expect(inScope("own", viewer, { ownerId: 8, ownerTeamId: 3 })).toBe(false);
    expect(inScope("team", viewer, { ownerId: 8, ownerTeamId: 3 })).toBe(true);
    expect(inScope("team", { id: 7, teamId: null }, { ownerId: 8, ownerTeamId: null })).toBe(false);
    expect(inScope("all", viewer, { ownerId: null, ownerTeamId: null })).toBe(true);
    expect(inScope(null, viewer, { ownerId: 7, ownerTeamId: 3 })).toBe(false);
  });
});
