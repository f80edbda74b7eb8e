import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import type { Scope } from "#app/modules/auth/permissions.ts";
import { createSeedExamplePeople } from "#tests/factories/matching.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { setMatchIndexSyncInterval } from "#search/fuzzy/contact-index.server.ts";
import { findPerson } from "./contact-match.server.ts";

// "Find this person" searches ALL contacts; scope decides what is SHOWN (issue #15 items 5 and 8).

beforeAll(() => setMatchIndexSyncInterval(0));
beforeEach(async () => {
  await resetDatabase();
});
afterAll(async () => {
  setMatchIndexSyncInterval(5000);
  await db.$disconnect();
});

const SEED = "刘强 深圳 liu@xyz.com";
const RESTRICTED_KEYS = ["id", "name", "owner", "score", "verdict", "visible"];

async function setting() {
  const north = await db.team.create({ data: { name: `华北 ${Date.now()}` } });
  const south = await db.team.create({ data: { name: `华南 ${Date.now()}` } });
  const manager = (await createTestStaff(db, { teamId: north.id })).staff;
  const teammate = (await createTestStaff(db, { teamId: north.id })).staff;
  const stranger = (await createTestStaff(db, { teamId: south.id })).staff;
  // The 96 % match (刘志强, liu@xyz.com) is owned by a rep of another team.
  const people = await createSeedExamplePeople(db, stranger.id);
  await db.contact.update({ where: { id: people.namesake.id }, data: { ownerId: teammate.id } });
  await db.contact.update({ where: { id: people.homophone.id }, data: { ownerId: manager.id } });
  const actor = (scope: Scope) => staffActorFor(manager, { grants: { contacts: { browse: scope } } });
  return { manager, teammate, stranger, people, actor };
}

describe("findPerson scope", () => {
  it("own: finds the match another rep owns, as name and owner only — no other field leaks", async () => {
    const { people, stranger, actor } = await setting();
    const { candidates } = await findPerson(db, actor("own"), SEED);
    expect(candidates[0]).toEqual({
      visible: false,
      id: people.target.id,
      name: "刘志强",
      owner: stranger.name,
      score: expect.any(Number),
      verdict: "same",
    });
    expect(candidates[0]!.score).toBeGreaterThanOrEqual(0.9);
    const shown = (id: number) => candidates.find((c) => c.id === id);
    expect(shown(people.homophone.id)).toMatchObject({ visible: true, email: "liuqiang@163.com" });
    for (const id of [people.target.id, people.namesake.id, people.elsewhere.id]) {
      const row = shown(id)!;
      expect(row.visible).toBe(false);
      expect(Object.keys(row).sort()).toEqual(RESTRICTED_KEYS);
    }
    // Nothing of the hidden records' data anywhere in the answer.
    const json = JSON.stringify(candidates.filter((c) => !c.visible));
    for (const secret of ["liu@xyz.com", "13902661088", "讯驰", "qiang.liu@pengcheng-tech.cn", "bjhengtong", "CONT"]) {
      expect(json).not.toContain(secret);
    }
  });

  it("team: the teammate's contact is shown in full, the other team's as name and owner", async () => {
    const { people, actor } = await setting();
    const { candidates } = await findPerson(db, actor("team"), SEED);
    expect(candidates.find((c) => c.id === people.namesake.id)).toMatchObject({
      visible: true,
      email: "qiang.liu@pengcheng-tech.cn",
    });
    const target = candidates.find((c) => c.id === people.target.id)!;
    expect(Object.keys(target).sort()).toEqual(RESTRICTED_KEYS);
  });

  it("all: every match in full, the seed example first as the same person", async () => {
    const { people, actor } = await setting();
    const { candidates } = await findPerson(db, actor("all"), SEED);
    expect(candidates.every((c) => c.visible)).toBe(true);
    expect(candidates[0]).toMatchObject({
      visible: true,
      id: people.target.id,
      email: "liu@xyz.com",
      company: "深圳讯驰科技有限公司",
      verdict: "same",
    });
  });

  it("a contact in the recycle bin is never found; no grant finds nothing", async () => {
    const { people, actor, manager } = await setting();
    await db.contact.update({ where: { id: people.target.id }, data: { deletedAt: new Date() } });
    const { candidates } = await findPerson(db, actor("all"), SEED);
    expect(candidates.map((c) => c.id)).not.toContain(people.target.id);
    expect((await findPerson(db, staffActorFor(manager), SEED)).candidates).toEqual([]);
  });
});
