import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { mergeGrants } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { recordScopeBranches, recordScopeWhere } from "./record-scope.server.ts";

beforeEach(() => resetDatabase());

async function world() {
  const teamA = await db.team.create({ data: { name: "A" } });
  const teamB = await db.team.create({ data: { name: "B" } });
  const mk = (name: string, teamId: number) =>
    db.staff.create({ data: { email: `${name}@x.test`, name, passwordHash: "x", teamId } });
  const [me, mate, other] = [await mk("me", teamA.id), await mk("mate", teamA.id), await mk("other", teamB.id)];
  const company = (ownerId: number, name: string, deleted = false) =>
    db.company.create({
      data: { number: `T-${name}`, name, nameKey: name, ownerId, deletedAt: deleted ? new Date() : null },
    });
  const mine = await company(me.id, "mine");
  const mates = await company(mate.id, "mates");
  const others = await company(other.id, "others");
  const sharedToMe = await company(other.id, "shared");
  const binned = await company(me.id, "binned", true);
  await db.recordShare.create({ data: { entityType: "company", recordId: sharedToMe.id, staffId: me.id } });
  const ids = [mine, mates, others, sharedToMe, binned].map((c) => c.id);
  return { me, mine, mates, others, sharedToMe, binned, ids };
}

async function visible(actor: ReturnType<typeof staffActorFor>, ids: number[], action: "browse" | "modify" = "browse") {
  const where = await recordScopeWhere(db, actor, "company", action);
  if (!where) return null;
  const rows = await db.company.findMany({ where: { AND: [where, { id: { in: ids } }] }, select: { name: true } });
  return rows.map((r) => r.name).sort();
}

describe("recordScopeWhere", () => {
  it("own scope sees own and shared records, never the bin", async () => {
    const w = await world();
    const actor = staffActorFor(w.me, {
      grants: mergeGrants([{ module: "companies", action: "browse", scope: "own" }]),
    });
    expect(await visible(actor, w.ids)).toEqual(["mine", "shared"]);
  });

  it("team scope adds the team's records; all scope sees everything but the bin", async () => {
    const w = await world();
    const team = staffActorFor(w.me, {
      grants: mergeGrants([{ module: "companies", action: "browse", scope: "team" }]),
    });
    expect(await visible(team, w.ids)).toEqual(["mates", "mine", "shared"]);
    const all = staffActorFor(w.me, { grants: mergeGrants([{ module: "companies", action: "browse", scope: "all" }]) });
    expect(await visible(all, w.ids)).toEqual(["mates", "mine", "others", "shared"]);
  });

  it("a read-only share does not grant modify; no grant at all is null", async () => {
    const w = await world();
    const actor = staffActorFor(w.me, {
      grants: mergeGrants([
        { module: "companies", action: "browse", scope: "own" },
        { module: "companies", action: "modify", scope: "own" },
      ]),
    });
    expect(await visible(actor, w.ids, "modify")).toEqual(["mine"]);
    expect(await visible(staffActorFor(w.me), w.ids)).toBeNull();
  });
});

describe("recordScopeBranches", () => {
  // The list's form of the scope (decision 054) must reach exactly what the where fragment reaches.
  async function viaBranches(actor: ReturnType<typeof staffActorFor>, ids: number[], action: "browse" | "modify") {
    const b = await recordScopeBranches(db, actor, "company", action);
    if (!b) return null;
    const branches = b.all ? {} : { OR: [{ ownerId: { in: b.ownerIds } }, { id: { in: b.sharedIds } }] };
    const rows = await db.company.findMany({
      where: { deletedAt: null, id: { in: ids }, ...branches },
      select: { name: true },
    });
    return rows.map((r) => r.name).sort();
  }

  it.each(["own", "team", "all"] as const)("%s scope reaches what recordScopeWhere reaches", async (scope) => {
    const w = await world();
    const actor = staffActorFor(w.me, {
      grants: mergeGrants([
        { module: "companies", action: "browse", scope },
        { module: "companies", action: "modify", scope },
      ]),
    });
    for (const action of ["browse", "modify"] as const) {
      expect(await viaBranches(actor, w.ids, action), `${scope} ${action}`).toEqual(
        await visible(actor, w.ids, action),
      );
    }
    expect(await recordScopeBranches(db, staffActorFor(w.me), "company", "browse")).toBeNull();
  });
});
