import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createMarketingManager, createRulesActor, createTestTokenGroup } from "#tests/factories/rules.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { RulesForbiddenError } from "./rules-access.server.ts";
import { pickNextTurn } from "./token-rotation.server.ts";
import {
  addTokenGroupMember,
  createTokenGroup,
  deleteTokenGroup,
  getTokenGroup,
  listAddableStaff,
  listTokenGroups,
  moveTokenGroupMember,
  nextInTurn,
  removeTokenGroupMember,
  renameTokenGroup,
  setTokenGroupMemberActive,
} from "./token-groups.server.ts";

async function staffIds(n: number, status: "active" | "away" | "inactive" = "active") {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await createTestStaff(db, { status })).staff.id);
  return ids;
}

async function order(groupId: number) {
  const rows = await db.tokenGroupMember.findMany({ where: { groupId }, orderBy: { position: "asc" } });
  return rows.map((r) => ({ staffId: r.staffId, position: r.position }));
}

async function cursorOf(groupId: number) {
  return (await db.tokenGroup.findUniqueOrThrow({ where: { id: groupId } })).cursor;
}

describe("next in turn", () => {
  const m = (position: number, active = true, staffStatus: "active" | "away" | "inactive" = "active") => ({
    position,
    active,
    staffStatus,
  });

  it("takes the first eligible member after the cursor and wraps around", () => {
    const members = [m(0), m(1), m(2)];
    expect(nextInTurn(members, -1)?.position).toBe(0);
    expect(nextInTurn(members, 0)?.position).toBe(1);
    expect(nextInTurn(members, 2)?.position).toBe(0);
  });

  it("skips away, inactive and switched-off members", () => {
    const members = [m(0), m(1, true, "away"), m(2, false), m(3, true, "inactive"), m(4)];
    expect(nextInTurn(members, 0)?.position).toBe(4);
    expect(nextInTurn(members, 4)?.position).toBe(0);
  });

  it("gives everything to a single eligible member and nobody when all are away", () => {
    expect(nextInTurn([m(0, true, "away"), m(1)], 1)?.position).toBe(1);
    expect(nextInTurn([m(0, true, "away"), m(1, true, "inactive"), m(2, false)], -1)).toBeNull();
    expect(nextInTurn([], -1)).toBeNull();
  });

  it("does not depend on the input order", () => {
    expect(nextInTurn([m(2), m(0), m(1)], 0)?.position).toBe(1);
  });

  it("agrees with the rotation that hands out the leads, for every small group and cursor", () => {
    const statuses = ["active", "away", "inactive"] as const;
    // Deterministic pseudo-random groups: sizes 0..5, gaps in positions, every cursor from -1 to the end.
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let round = 0; round < 400; round++) {
      const size = rand(6);
      let position = -1;
      const members = Array.from({ length: size }, () => {
        position += 1 + rand(2);
        return m(position, rand(4) !== 0, statuses[rand(3)]!);
      });
      for (let cursor = -1; cursor <= position + 1; cursor++) {
        const rotation = pickNextTurn(
          members.map((x, i) => ({
            position: x.position,
            active: x.active,
            staff: { id: i, name: `s${i}`, email: "", locale: "zh-CN", status: x.staffStatus },
          })),
          cursor,
        );
        expect(nextInTurn(members, cursor)?.position ?? null).toBe(rotation.chosen?.position ?? null);
      }
    }
  });
});

describe("token groups service", () => {
  let actor: StaffActor;
  beforeEach(async () => {
    await resetDatabase();
    actor = (await createMarketingManager(db)).actor;
  });

  it("creates a group with a unique name and records it in the audit log", async () => {
    const created = await createTokenGroup(db, actor, { name: "  华北销售轮转  " });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const group = await db.tokenGroup.findUniqueOrThrow({ where: { id: created.groupId } });
    expect(group).toMatchObject({ name: "华北销售轮转", cursor: -1 });
    const audit = await db.auditLog.findMany({ where: { entityType: "TokenGroup", entityId: String(group.id) } });
    expect(audit.map((a) => a.action)).toEqual(["token_group.created"]);
    expect(audit[0]!.actorId).toBe(actor.staffId);

    const clash = await createTokenGroup(db, actor, { name: "华北销售轮转" });
    expect(clash).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: { name: { key: "rules.groups.error.nameTaken" } },
    });
    const blank = await createTokenGroup(db, actor, { name: "   " });
    expect(blank).toMatchObject({ ok: false, fieldErrors: { name: { key: "validation.required" } } });
    const long = await createTokenGroup(db, actor, { name: "长".repeat(101) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { name: { key: "validation.tooLong" } } });
    expect(await db.tokenGroup.count()).toBe(1);
  });

  it("lets exactly one of two concurrent creates with the same name win", async () => {
    const results = await Promise.all([
      createTokenGroup(db, actor, { name: "并发组" }),
      createTokenGroup(db, actor, { name: "并发组" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({
      fieldErrors: { name: { key: "rules.groups.error.nameTaken" } },
    });
    expect(await db.tokenGroup.count()).toBe(1);
  });

  it("renames, refusing a name another group has", async () => {
    const a = await createTestTokenGroup(db, [], { name: "甲组" });
    await createTestTokenGroup(db, [], { name: "乙组" });
    expect(await renameTokenGroup(db, actor, a.id, { name: "乙组" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await renameTokenGroup(db, actor, a.id, { name: "丙组" })).toEqual({ ok: true });
    expect((await db.tokenGroup.findUniqueOrThrow({ where: { id: a.id } })).name).toBe("丙组");
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "token_group.renamed" } });
    expect(audit.before).toEqual({ name: "甲组" });
    expect(audit.after).toEqual({ name: "丙组" });
    expect(await renameTokenGroup(db, actor, 999_999, { name: "丁组" })).toEqual({ ok: false, reason: "not-found" });
  });

  it("adds active staff at the end, once, and refuses away or inactive staff", async () => {
    const [s1, s2] = await staffIds(2);
    const [away] = await staffIds(1, "away");
    const [gone] = await staffIds(1, "inactive");
    const group = await createTestTokenGroup(db, []);
    expect((await addTokenGroupMember(db, actor, group.id, s1!)).ok).toBe(true);
    expect((await addTokenGroupMember(db, actor, group.id, s2!)).ok).toBe(true);
    expect(await order(group.id)).toEqual([
      { staffId: s1, position: 0 },
      { staffId: s2, position: 1 },
    ]);
    expect(await addTokenGroupMember(db, actor, group.id, s1!)).toMatchObject({
      ok: false,
      fieldErrors: { staffId: { key: "rules.groups.error.alreadyMember" } },
    });
    for (const id of [away!, gone!, 999_999]) {
      expect(await addTokenGroupMember(db, actor, group.id, id)).toMatchObject({
        ok: false,
        fieldErrors: { staffId: { key: "rules.groups.error.staffNotActive" } },
      });
    }
    expect(await db.tokenGroupMember.count({ where: { groupId: group.id } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: "token_group.member_added" } })).toBe(2);
    // The add-staff choices leave out members and anyone not at work.
    const addable = (await listAddableStaff(db, group.id)).map((s) => s.id);
    expect(addable).not.toContain(s1);
    expect(addable).not.toContain(away);
    expect(addable).not.toContain(gone);
  });

  it("appends concurrently added staff at distinct positions", async () => {
    const ids = await staffIds(5);
    const group = await createTestTokenGroup(db, []);
    const results = await Promise.all(ids.map((id) => addTokenGroupMember(db, actor, group.id, id)));
    expect(results.every((r) => r.ok)).toBe(true);
    expect((await order(group.id)).map((r) => r.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it("moves members up and down, keeping positions unique and contiguous", async () => {
    const [a, b, c, d] = await staffIds(4);
    const group = await createTestTokenGroup(db, [{ staffId: a! }, { staffId: b! }, { staffId: c! }, { staffId: d! }]);
    const memberOf = (staffId: number) => group.members.find((m) => m.staffId === staffId)!.id;

    expect(await moveTokenGroupMember(db, actor, group.id, memberOf(c!), "up")).toEqual({ ok: true, moved: true });
    expect((await order(group.id)).map((r) => r.staffId)).toEqual([a, c, b, d]);
    expect(await moveTokenGroupMember(db, actor, group.id, memberOf(a!), "down")).toEqual({ ok: true, moved: true });
    expect((await order(group.id)).map((r) => r.staffId)).toEqual([c, a, b, d]);
    // The ends do not move further.
    expect(await moveTokenGroupMember(db, actor, group.id, memberOf(c!), "up")).toEqual({ ok: true, moved: false });
    expect(await moveTokenGroupMember(db, actor, group.id, memberOf(d!), "down")).toEqual({ ok: true, moved: false });
    expect((await order(group.id)).map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(await db.auditLog.count({ where: { action: "token_group.member_moved" } })).toBe(2);
  });

  it("survives concurrent moves in one group without breaking the unique index", async () => {
    const ids = await staffIds(4);
    const group = await createTestTokenGroup(
      db,
      ids.map((staffId) => ({ staffId })),
    );
    const moves = group.members.flatMap((m) => [
      moveTokenGroupMember(db, actor, group.id, m.id, "up"),
      moveTokenGroupMember(db, actor, group.id, m.id, "down"),
    ]);
    const results = await Promise.all(moves);
    expect(results.every((r) => r.ok)).toBe(true);
    const after = await order(group.id);
    expect(after.map((r) => r.position)).toEqual([0, 1, 2, 3]);
    expect(after.map((r) => r.staffId).sort()).toEqual([...ids].sort());
  });

  it("the cursor follows the last receiver when members are reordered", async () => {
    const [a, b, c] = await staffIds(3);
    // a received the last lead (cursor 0): b is next.
    const group = await createTestTokenGroup(db, [{ staffId: a! }, { staffId: b! }, { staffId: c! }], { cursor: 0 });
    const memberOf = (staffId: number) => group.members.find((m) => m.staffId === staffId)!.id;
    await moveTokenGroupMember(db, actor, group.id, memberOf(a!), "down");
    // b, a, c: a (the last receiver) is now at 1, so c is next — a never gets two in a row.
    expect(await cursorOf(group.id)).toBe(1);
    expect((await getTokenGroup(db, group.id))?.next?.staffId).toBe(c);
  });

  it("removes a member, closes the gap and keeps the next person next", async () => {
    const [a, b, c, d] = await staffIds(4);
    // b received the last lead (cursor 1): c is next.
    const group = await createTestTokenGroup(db, [{ staffId: a! }, { staffId: b! }, { staffId: c! }, { staffId: d! }], {
      cursor: 1,
    });
    const memberOf = (staffId: number) => group.members.find((m) => m.staffId === staffId)!.id;
    expect(await removeTokenGroupMember(db, actor, group.id, memberOf(a!))).toEqual({ ok: true });
    expect(await order(group.id)).toEqual([
      { staffId: b, position: 0 },
      { staffId: c, position: 1 },
      { staffId: d, position: 2 },
    ]);
    expect((await getTokenGroup(db, group.id))?.next?.staffId).toBe(c);
    // Removing the last receiver hands the turn to whoever followed them.
    expect(await removeTokenGroupMember(db, actor, group.id, memberOf(b!))).toEqual({ ok: true });
    expect((await getTokenGroup(db, group.id))?.next?.staffId).toBe(c);
    expect((await order(group.id)).map((r) => r.position)).toEqual([0, 1]);
    // A re-added member goes to the end.
    expect((await addTokenGroupMember(db, actor, group.id, a!)).ok).toBe(true);
    expect((await order(group.id)).map((r) => r.staffId)).toEqual([c, d, a]);
    expect(await removeTokenGroupMember(db, actor, group.id, 999_999)).toEqual({ ok: false, reason: "not-found" });
    const removed = await db.auditLog.findMany({ where: { action: "token_group.member_removed" } });
    expect(removed).toHaveLength(2);
    expect(removed[0]!.before).toMatchObject({ staffId: a, position: 0 });
  });

  it("computes the next member in the detail and list, skipping away, inactive and switched-off staff", async () => {
    const [a, b, c] = await staffIds(3);
    const group = await createTestTokenGroup(db, [{ staffId: a! }, { staffId: b! }, { staffId: c! }], { cursor: 0 });
    const memberOf = (staffId: number) => group.members.find((m) => m.staffId === staffId)!.id;
    expect((await getTokenGroup(db, group.id))?.next?.staffId).toBe(b);

    await db.staff.update({ where: { id: b! }, data: { status: "away" } });
    expect((await getTokenGroup(db, group.id))?.next?.staffId).toBe(c);

    await setTokenGroupMemberActive(db, actor, group.id, memberOf(c!), false);
    const detail = await getTokenGroup(db, group.id);
    expect(detail?.next?.staffId).toBe(a);
    expect(detail?.members.map((m) => [m.staff.id, m.eligible, m.isNext])).toEqual([
      [a, true, true],
      [b, false, false],
      [c, false, false],
    ]);
    const [listed] = await listTokenGroups(db);
    expect(listed).toMatchObject({ memberCount: 3, eligibleCount: 1, next: { id: a } });

    await db.staff.update({ where: { id: a! }, data: { status: "inactive" } });
    expect((await getTokenGroup(db, group.id))?.next).toBeNull();
    expect((await listTokenGroups(db))[0]).toMatchObject({ eligibleCount: 0, next: null });

    const toggles = await db.auditLog.findMany({ where: { action: "token_group.member_deactivated" } });
    expect(toggles).toHaveLength(1);
    expect(toggles[0]!.after).toEqual({ staffId: c, active: false });
  });

  it("deletes only a group no category uses, and names the categories otherwise", async () => {
    const [owner] = await staffIds(1);
    const used = await createTestTokenGroup(db, [{ staffId: owner! }], { name: "在用组" });
    await db.registrationCategory.create({
      data: {
        code: "WEB-GUEST",
        name: "官网来宾登记",
        kind: "guest",
        designatedStaffId: owner!,
        tokenGroupId: used.id,
      },
    });
    const refused = await deleteTokenGroup(db, actor, used.id);
    expect(refused).toMatchObject({ ok: false, reason: "invalid", formError: { key: "rules.groups.error.inUse" } });
    if (refused.ok || refused.reason !== "invalid") return;
    expect(refused.formError?.vars?.categories).toContain("官网来宾登记 (WEB-GUEST)");
    expect(await db.tokenGroup.count({ where: { id: used.id } })).toBe(1);

    const unused = await createTestTokenGroup(db, [{ staffId: owner! }], { name: "空闲组" });
    expect(await deleteTokenGroup(db, actor, unused.id)).toEqual({ ok: true });
    expect(await db.tokenGroup.count({ where: { id: unused.id } })).toBe(0);
    expect(await db.tokenGroupMember.count({ where: { groupId: unused.id } })).toBe(0);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "token_group.deleted" } });
    expect(audit).toMatchObject({ entityType: "TokenGroup", entityId: String(unused.id) });
    expect(audit.before).toEqual({ name: "空闲组", staffIds: [owner] });
  });

  it("refuses everyone without company-wide lead modify rights and changes nothing", async () => {
    const { actor: own } = await createRulesActor(db, {
      grants: [{ module: "leads", action: "modify", scope: "own" }],
    });
    const { actor: team } = await createRulesActor(db, {
      grants: [{ module: "leads", action: "modify", scope: "team" }],
    });
    const { actor: browser } = await createRulesActor(db, {
      grants: [{ module: "leads", action: "browse", scope: "all" }],
    });
    const group = await createTestTokenGroup(db, []);
    for (const who of [own, team, browser]) {
      await expect(createTokenGroup(db, who, { name: "越权" })).rejects.toBeInstanceOf(RulesForbiddenError);
      await expect(renameTokenGroup(db, who, group.id, { name: "越权" })).rejects.toBeInstanceOf(RulesForbiddenError);
      await expect(deleteTokenGroup(db, who, group.id)).rejects.toBeInstanceOf(RulesForbiddenError);
      await expect(addTokenGroupMember(db, who, group.id, who.staffId)).rejects.toBeInstanceOf(RulesForbiddenError);
    }
    expect(await db.tokenGroup.count()).toBe(1);
    expect(await db.tokenGroupMember.count()).toBe(0);
    // Admins pass.
    const { actor: admin } = await createRulesActor(db, { isAdmin: true });
    expect((await createTokenGroup(db, admin, { name: "管理员建的组" })).ok).toBe(true);
  });
});
