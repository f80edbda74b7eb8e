import { afterAll, beforeEach, describe, expect, it } from "vitest";
import type { StaffStatus } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { createIntakeStaff, createTokenGroupWith } from "#tests/factories/lead-intake.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { claimNextTurn, pickNextTurn, previewNextTurn, type RotationMember } from "./token-rotation.server.ts";

function member(id: number, position: number, status: StaffStatus = "active", active = true): RotationMember {
  return { position, active, staff: { id, name: `S${id}`, email: `s${id}@x.cn`, locale: "zh-CN", status } };
}

/** Runs pickNextTurn n times, moving the cursor like the database does. */
function sequence(members: RotationMember[], n: number, cursor = -1): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const { chosen } = pickNextTurn(members, cursor);
    if (!chosen) break;
    out.push(chosen.staff.id);
    cursor = chosen.position;
  }
  return out;
}

describe("pickNextTurn", () => {
  it("goes round the members in position order, starting with the first", () => {
    const members = [member(3, 2), member(1, 0), member(2, 1)];
    expect(sequence(members, 7)).toEqual([1, 2, 3, 1, 2, 3, 1]);
  });

  it("skips away, deactivated and paused members and names them with the reason", () => {
    const members = [
      member(1, 0),
      member(2, 1, "away"),
      member(3, 2, "inactive"),
      member(4, 3, "active", false),
      member(5, 4),
    ];
    expect(sequence(members, 4)).toEqual([1, 5, 1, 5]);
    expect(pickNextTurn(members, 0)).toEqual({
      chosen: members[4],
      skipped: [
        { staffId: 2, name: "S2", position: 1, reason: "staff-away" },
        { staffId: 3, name: "S3", position: 2, reason: "staff-inactive" },
        { staffId: 4, name: "S4", position: 3, reason: "member-inactive" },
      ],
    });
  });

  it("wraps around after the last position and tolerates gaps in positions", () => {
    const members = [member(1, 10), member(2, 40), member(3, 70)];
    expect(pickNextTurn(members, 70).chosen?.staff.id).toBe(1);
    expect(pickNextTurn(members, 10).chosen?.staff.id).toBe(2);
    // The member at the cursor was removed: the next one after it still follows.
    expect(pickNextTurn(members, 55).chosen?.staff.id).toBe(3);
  });

  it("keeps giving a single member every turn", () => {
    expect(sequence([member(9, 4)], 3)).toEqual([9, 9, 9]);
  });

  it("returns nobody, listing everyone skipped, when no member is eligible or the group is empty", () => {
    const members = [member(1, 0, "away"), member(2, 1, "inactive")];
    const pick = pickNextTurn(members, 0);
    expect(pick.chosen).toBeNull();
    expect(pick.skipped.map((s) => s.staffId)).toEqual([2, 1]);
    expect(pickNextTurn([], -1)).toEqual({ chosen: null, skipped: [] });
  });

  it("shares evenly among the eligible members over many turns", () => {
    const members = [member(1, 0), member(2, 1, "away"), member(3, 2), member(4, 3)];
    const counts = new Map<number, number>();
    for (const id of sequence(members, 300)) counts.set(id, (counts.get(id) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 1: 100, 3: 100, 4: 100 });
  });
});

describe("claimNextTurn", () => {
  beforeEach(async () => {
    await resetDatabase();
  });

  afterAll(async () => {
    await db.$disconnect();
  });

  it("moves the durable cursor to the chosen member's position", async () => {
    const a = await createIntakeStaff(db);
    const b = await createIntakeStaff(db, { status: "away" });
    const c = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [
      { staffId: a.id, position: 1 },
      { staffId: b.id, position: 2 },
      { staffId: c.id, position: 3 },
    ]);
    const first = await db.$transaction((tx) => claimNextTurn(tx, group.id));
    expect(first).toMatchObject({ groupId: group.id, cursorBefore: -1, memberCount: 3, chosen: { position: 1 } });
    const second = await db.$transaction((tx) => claimNextTurn(tx, group.id));
    expect(second).toMatchObject({
      cursorBefore: 1,
      chosen: { position: 3, staff: { id: c.id } },
      skipped: [{ staffId: b.id, reason: "staff-away" }],
    });
    expect((await db.tokenGroup.findUniqueOrThrow({ where: { id: group.id } })).cursor).toBe(3);
  });

  it("leaves the cursor alone when the surrounding transaction rolls back", async () => {
    const a = await createIntakeStaff(db);
    const b = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: a.id }, { staffId: b.id }]);
    await expect(
      db.$transaction(async (tx) => {
        const turn = await claimNextTurn(tx, group.id);
        expect(turn?.chosen?.staff.id).toBe(a.id);
        throw new Error("lead insert failed");
      }),
    ).rejects.toThrow("lead insert failed");
    expect((await db.tokenGroup.findUniqueOrThrow({ where: { id: group.id } })).cursor).toBe(-1);
    expect((await db.$transaction((tx) => claimNextTurn(tx, group.id)))?.chosen?.staff.id).toBe(a.id);
  });

  it("serialises concurrent claims so no turn is given twice", async () => {
    const staff = await Promise.all([createIntakeStaff(db), createIntakeStaff(db), createIntakeStaff(db)]);
    const group = await createTokenGroupWith(
      db,
      staff.map((s) => ({ staffId: s.id })),
    );
    const turns = await Promise.all(
      Array.from({ length: 30 }, () =>
        db.$transaction((tx) => claimNextTurn(tx, group.id), { timeout: 20_000, maxWait: 20_000 }),
      ),
    );
    const counts = new Map<number, number>();
    for (const t of turns) counts.set(t!.chosen!.staff.id, (counts.get(t!.chosen!.staff.id) ?? 0) + 1);
    expect([...counts.values()]).toEqual([10, 10, 10]);
    // Every claim saw the cursor its predecessor left: -1 once, then positions 0, 1, 2 in turn.
    const before = turns.map((t) => t!.cursorBefore).sort((x, y) => x - y);
    expect(before).toEqual([
      -1,
      ...Array<number>(10).fill(0),
      ...Array<number>(10).fill(1),
      ...Array<number>(9).fill(2),
    ]);
  });

  it("returns null for a missing group and nobody for an empty one", async () => {
    expect(await db.$transaction((tx) => claimNextTurn(tx, 424242))).toBeNull();
    const empty = await createTokenGroupWith(db, []);
    expect(await db.$transaction((tx) => claimNextTurn(tx, empty.id))).toMatchObject({ chosen: null, memberCount: 0 });
  });

  it("previews the next turn without moving the cursor", async () => {
    const a = await createIntakeStaff(db);
    const b = await createIntakeStaff(db);
    const group = await createTokenGroupWith(db, [{ staffId: a.id }, { staffId: b.id }], { cursor: 0 });
    expect((await previewNextTurn(db, group.id))?.chosen?.staff.id).toBe(b.id);
    expect((await previewNextTurn(db, group.id))?.chosen?.staff.id).toBe(b.id);
    expect((await db.tokenGroup.findUniqueOrThrow({ where: { id: group.id } })).cursor).toBe(0);
  });
});
