import { describe, expect, it } from "vitest";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { findForChangeIn, salesOwnerScope } from "./sales-scope.ts";

// The one owner rule of sales records and the one "load by id for a change" path, without a database:
// the quote, contract, proposal, order and opportunity tests run both against real rows.

const actor = (grant: "own" | "team" | "all" | null, teamIds = [7, 8]) =>
  staffActorFor(
    { id: 5, teamId: 7 },
    { teamIds, grants: grant ? { opportunities: { browse: grant, modify: "own" } } : {} },
  );

describe("salesOwnerScope", () => {
  it("maps the opportunities grant to the owner condition", () => {
    expect(salesOwnerScope(actor(null), "browse")).toBeNull();
    expect(salesOwnerScope(actor("all"), "browse")).toEqual({});
    expect(salesOwnerScope(actor("own"), "browse")).toEqual({ OR: [{ ownerId: 5 }] });
    expect(salesOwnerScope(actor("team"), "browse")).toEqual({
      OR: [{ ownerId: 5 }, { owner: { teamId: { in: [7, 8] } } }],
    });
    // A team grant without a team reaches only one's own records.
    expect(
      salesOwnerScope(
        staffActorFor({ id: 5, teamId: null }, { grants: { opportunities: { browse: "team" } } }),
        "browse",
      ),
    ).toEqual({
      OR: [{ ownerId: 5 }],
    });
    // Each action has its own grant.
    expect(salesOwnerScope(actor("all"), "modify")).toEqual({ OR: [{ ownerId: 5 }] });
    expect(salesOwnerScope(staffActorFor({ id: 1, teamId: null }, { isAdmin: true }), "delete")).toEqual({});
  });
});

describe("findForChangeIn", () => {
  type Where = { AND: unknown[] };
  const scopes = { modify: { OR: [{ ownerId: 5 }] }, browse: {} };

  it("finds under the modify scope with the id in the same query", async () => {
    const seen: Where[] = [];
    const found = await findForChangeIn(
      42,
      (action) => scopes[action],
      async (where) => (seen.push(where), { id: 42 }),
      async () => 1,
    );
    expect(found).toEqual({ kind: "ok", row: { id: 42 } });
    expect(seen).toEqual([{ AND: [scopes.modify, { id: 42 }] }]);
  });

  it("tells a visible read-only record (forbidden) from one the actor may not see (not-found)", async () => {
    const none = async () => null;
    expect(
      await findForChangeIn(
        42,
        (a) => scopes[a],
        none,
        async () => 1,
      ),
    ).toEqual({ kind: "forbidden" });
    expect(
      await findForChangeIn(
        42,
        (a) => scopes[a],
        none,
        async () => 0,
      ),
    ).toEqual({ kind: "not-found" });
    // No grant at all: nothing is queried, and the id is not confirmed.
    let queried = false;
    const found = await findForChangeIn(
      42,
      () => null,
      async () => ((queried = true), { id: 42 }),
      async () => ((queried = true), 1),
    );
    expect(found).toEqual({ kind: "not-found" });
    expect(queried).toBe(false);
  });
});
