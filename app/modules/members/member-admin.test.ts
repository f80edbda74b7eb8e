import { describe, expect, it } from "vitest";
import {
  canManageMemberSettings,
  canModifyMembers,
  changedFields,
  parseChinaDateTime,
  toChinaDateTimeInput,
} from "./member-admin.server.ts";

describe("member admin helpers", () => {
  it("reads datetime-local input as China Standard Time and rejects impossible dates", () => {
    expect(parseChinaDateTime("2026-12-01T09:30")?.toISOString()).toBe("2026-12-01T01:30:00.000Z");
    expect(parseChinaDateTime("2026-01-01T03:00")?.toISOString()).toBe("2025-12-31T19:00:00.000Z");
    expect(parseChinaDateTime("2026-02-31T09:30")).toBeNull();
    expect(parseChinaDateTime("tomorrow")).toBeNull();
    expect(parseChinaDateTime("")).toBeNull();
    expect(toChinaDateTimeInput(new Date("2026-12-01T01:30:00Z"))).toBe("2026-12-01T09:30");
  });

  it("keeps only the fields that changed", () => {
    expect(changedFields({ a: 1, b: "x", c: null }, { a: 1, b: "y", c: null, d: true })).toEqual({
      before: { b: "x", d: null },
      after: { b: "y", d: true },
    });
  });

  it("settings need admin or modify with scope all; modify needs any scope", () => {
    expect(canModifyMembers({ isAdmin: false, grants: { members: { browse: "all" } } })).toBe(false);
    expect(canModifyMembers({ isAdmin: false, grants: { members: { modify: "own" } } })).toBe(true);
    expect(canManageMemberSettings({ isAdmin: false, grants: { members: { modify: "team" } } })).toBe(false);
    expect(canManageMemberSettings({ isAdmin: false, grants: { members: { modify: "all" } } })).toBe(true);
    expect(canManageMemberSettings({ isAdmin: true, grants: {} })).toBe(true);
  });
});
