import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { makeCompany, makeContact, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { get, outcome, post, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as companiesAction, loader as companiesLoader } from "./companies-list.tsx";
import { action as contactsAction, loader as contactsLoader } from "./contacts-list.tsx";

// The company and contact lists' bulk actions through their routes: what the toolbar offers, the
// done/skipped counts of a post, refusals without the grant and on odd bodies (4xx, nothing changed).

beforeEach(() => resetDatabase());

describe("contact list bulk actions", () => {
  it("offers what the grants allow and answers with done and skipped counts", async () => {
    const rep = await signedInStaff({
      grants: [
        { module: "contacts", action: "browse", scope: "own" },
        { module: "contacts", action: "transfer", scope: "own" },
        { module: "contacts", action: "delete", scope: "own" },
      ],
    });
    const other = await makeStaff(db, "陈静");
    const mine = await makeContact(db, "甲", rep.staffId);
    const theirs = await makeContact(db, "乙", other.id);

    const page = await outcome(() => contactsLoader(get("/crm/contacts", rep.cookie)));
    expect(page.body).toMatchObject({ bulk: { rights: { transfer: true, delete: true } } });

    const ids = `${mine.id},${theirs.id}`;
    const binned = await outcome(() =>
      contactsAction(post("/crm/contacts", rep.cookie, { intent: "bulk-delete", ids })),
    );
    expect(binned).toMatchObject({ status: 200, body: { status: "done", intent: "bulk-delete", done: 1, skipped: 1 } });
    expect((await db.contact.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
    expect(await db.auditLog.count({ where: { action: "contact.binned", entityId: String(mine.id) } })).toBe(1);

    const oddBodies: Array<Record<string, string>> = [
      { intent: "bulk-delete" },
      { intent: "bulk-delete", ids: "1;DROP" },
      { intent: "bulk-transfer", ids, toStaffId: "abc" },
      { intent: "bulk-share", ids },
      { intent: "whatever", ids },
    ];
    for (const body of oddBodies) {
      expect((await outcome(() => contactsAction(post("/crm/contacts", rep.cookie, body)))).status).toBe(400);
    }
  });

  it("refuses a browse-only user (403) and shows no bulk rights", async () => {
    const viewer = await signedInStaff({ grants: [{ module: "contacts", action: "browse", scope: "all" }] });
    const c = await makeContact(db, "甲", viewer.staffId);
    const page = await outcome(() => contactsLoader(get("/crm/contacts", viewer.cookie)));
    expect(page.body).toMatchObject({ bulk: { rights: { transfer: false, delete: false } } });
    const refused = await outcome(() =>
      contactsAction(post("/crm/contacts", viewer.cookie, { intent: "bulk-delete", ids: String(c.id) })),
    );
    expect(refused.status).toBe(403);
    expect((await db.contact.findUniqueOrThrow({ where: { id: c.id } })).deletedAt).toBeNull();
  });
});

describe("company list bulk actions", () => {
  it("transfers and shares the companies in scope, skipping the rest", async () => {
    const manager = await signedInStaff({
      grants: [
        { module: "companies", action: "browse", scope: "own" },
        { module: "companies", action: "transfer", scope: "own" },
      ],
    });
    const colleague = await makeStaff(db, "张伟");
    const mine = await makeCompany(db, "甲公司", manager.staffId);
    const foreign = await makeCompany(db, "乙公司", colleague.id);
    const ids = `${mine.id},${foreign.id}`;

    const page = await outcome(() => companiesLoader(get("/crm/companies", manager.cookie)));
    expect(page.body).toMatchObject({ bulk: { rights: { transfer: true, delete: false } } });
    expect((page.body as { bulk: { choices: { staff: Array<{ id: number }> } } }).bulk.choices.staff).toContainEqual(
      expect.objectContaining({ id: colleague.id }),
    );

    const shared = await outcome(() =>
      companiesAction(
        post("/crm/companies", manager.cookie, { intent: "bulk-share", ids, staffId: String(colleague.id) }),
      ),
    );
    expect(shared.body).toMatchObject({ status: "done", done: 1, skipped: 1 });
    const transferred = await outcome(() =>
      companiesAction(
        post("/crm/companies", manager.cookie, { intent: "bulk-transfer", ids, toStaffId: String(colleague.id) }),
      ),
    );
    expect(transferred.body).toMatchObject({ status: "done", intent: "bulk-transfer", done: 1, skipped: 1 });
    expect((await db.company.findUniqueOrThrow({ where: { id: mine.id } })).ownerId).toBe(colleague.id);
    // Deleting needs the delete grant, which this manager lacks: refused per row, nothing binned.
    const deleted = await outcome(() =>
      companiesAction(post("/crm/companies", manager.cookie, { intent: "bulk-delete", ids })),
    );
    expect(deleted.status).toBe(403);
    expect(await db.company.count({ where: { deletedAt: { not: null } } })).toBe(0);
  });
});
