import { beforeEach, describe, expect, it } from "vitest";
import type { MemberStatus } from "#app/generated/prisma/enums.ts";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants, type Action } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestContact } from "#tests/factories/member-admin.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { setMemberLevel } from "./member-moderation.server.ts";
import {
  getMemberAuditTrail,
  getMemberLinkOptions,
  getMemberWorkspace,
  memberCapabilities,
} from "./member-workspace.server.ts";

async function actor(actions: Action[], isAdmin = false) {
  const grants = actions.map((action) => ({ module: "members" as const, action, scope: "all" as const }));
  const { staff } = await createTestStaff(db, { grants, isAdmin });
  return staffActorFor(staff, { isAdmin, grants: mergeGrants(grants) });
}

describe("member workspace", () => {
  beforeEach(() => resetDatabase());

  it("capabilities follow the modify right and the account's state", () => {
    const modifier = staffActorFor({ id: 1, teamId: null }, { grants: { members: { browse: "all", modify: "team" } } });
    const viewer = staffActorFor({ id: 2, teamId: null }, { grants: { members: { browse: "all" } } });
    const caps = (status: MemberStatus) => memberCapabilities(modifier, status);

    expect(caps("active")).toEqual({
      canModify: true,
      canLink: true,
      canModerate: true,
      canVerify: true,
      canSuspend: true,
      canLift: false,
      canTerminate: true,
    });
    expect(caps("pending")).toMatchObject({ canVerify: false, canSuspend: true });
    expect(caps("suspended")).toMatchObject({ canSuspend: false, canLift: true });
    expect(caps("terminated")).toMatchObject({
      canLink: true,
      canModerate: false,
      canVerify: false,
      canTerminate: false,
    });
    expect(caps("deregistered")).toMatchObject({ canLink: false, canModerate: false });
    expect(Object.values(memberCapabilities(viewer, "active")).every((v) => v === false)).toBe(true);
  });

  it("loads the member for browsers, not for staff without the module, and null for an unknown member", async () => {
    const { member } = await createTestMember(db, { nickname: "小周同学", status: "suspended" });
    const viewer = await actor(["browse"]);
    const manager = await actor(["browse", "modify"]);
    const outsider = staffActorFor((await createTestStaff(db)).staff);

    const forViewer = await getMemberWorkspace(db, viewer, member.id);
    expect(forViewer?.member).toMatchObject({ id: member.id, nickname: "小周同学" });
    expect(forViewer?.capabilities.canModify).toBe(false);
    expect((await getMemberWorkspace(db, manager, member.id))?.capabilities).toMatchObject({
      canLift: true,
      canSuspend: false,
    });
    expect(await getMemberWorkspace(db, outsider, member.id)).toBeNull();
    expect(await getMemberWorkspace(db, manager, member.id + 10_000)).toBeNull();
    expect(await getMemberAuditTrail(db, outsider, member.id)).toBeNull();
    expect(await getMemberAuditTrail(db, manager, member.id + 10_000)).toBeNull();
  });

  it("link options: suggestions and search for those who may link, nothing for browse-only staff", async () => {
    const { member } = await createTestMember(db, { email: "zhou@example.cn" });
    const contact = await createTestContact(db, { email: "zhou@example.cn", fullName: "周明" });
    const other = await createTestContact(db, { fullName: "欧阳娜娜" });
    const viewer = await actor(["browse"]);
    const manager = await actor(["browse", "modify"]);

    expect(await getMemberLinkOptions(db, viewer, member.id, "欧阳")).toEqual({
      query: "欧阳",
      suggestions: null,
      searchResults: null,
    });
    const options = await getMemberLinkOptions(db, manager, member.id, "  欧阳娜娜 ");
    expect(options?.query).toBe("欧阳娜娜");
    expect(options?.suggestions?.contacts.map((c) => [c.id, c.evidence])).toEqual([[contact.id, ["email"]]]);
    expect(options?.searchResults?.map((c) => c.id)).toContain(other.id);
    expect((await getMemberLinkOptions(db, manager, member.id, ""))?.searchResults).toBeNull();
    expect(await getMemberLinkOptions(db, manager, member.id + 10_000, "")).toBeNull();
  });

  it("the audit trail lists the changes staff made, newest first", async () => {
    const { member } = await createTestMember(db);
    const manager = await actor(["browse", "modify"]);
    await setMemberLevel(db, manager, member.id, "customer");
    await setMemberLevel(db, manager, member.id, "partner");
    const trail = await getMemberAuditTrail(db, manager, member.id);
    expect(trail?.map((e) => [e.action, e.changes])).toEqual([
      ["member.level_changed", [{ field: "level", before: "customer", after: "partner" }]],
      ["member.level_changed", [{ field: "level", before: "prospect", after: "customer" }]],
    ]);
  });
});
