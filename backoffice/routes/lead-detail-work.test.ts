import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { ALL_RIGHTS, createAssignedLead, createTestSalesperson, rights } from "#tests/factories/lead-work.ts";
import {
  get as getRoute,
  outcome,
  post as postRoute,
  staffCookie as cookieOf,
  type FormFields,
} from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action, loader } from "./lead-detail.tsx";

// The lead page's work actions through the route module, as React Router calls them (no HTTP server).

const leadPath = (leadId: number) => `/crm/leads/${leadId}`;
const get = (leadId: number, cookie: string) => getRoute(leadPath(leadId), cookie, { leadId: String(leadId) });
const post = (leadId: number, cookie: string, fields: FormFields) =>
  postRoute(leadPath(leadId), cookie, fields, { leadId: String(leadId) });

describe("lead page work actions", () => {
  beforeEach(() => resetDatabase());

  it("an assignee without the need right gets 403 on the edit and the lead is unchanged", async () => {
    const owner = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      requirement: "原需求",
      assignees: [rights(a2.id, { contact: true })],
    });
    const cookie = await cookieOf(a2.id);

    // The assignee can open the lead, and the page offers no need form.
    const page = (await loader(get(lead.id, cookie))) as Awaited<ReturnType<typeof loader>>;
    expect(page.work.rights).toEqual({ need: false, contact: true, company: false, status: false });
    expect(page.work.canClaim).toBe(true);

    const refused = await outcome(() => action(post(lead.id, cookie, { intent: "edit-need", requirement: "偷改" })));
    expect(refused.status).toBe(403);
    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.requirement).toBe("原需求");
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "edited" } })).toBe(0);

    // The granted group goes through.
    const saved = await outcome(() =>
      action(post(lead.id, cookie, { intent: "edit-contact", contactName: "王芳", contactMobile: "13800138000" })),
    );
    expect(saved).toMatchObject({ status: 302, location: `/crm/leads/${lead.id}?done=saved` });
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).contactName).toBe("王芳");
  });

  it("claim, then the other assignee loses edits (403) and sees who holds it; a stranger gets 403 on the page", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const stranger = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, {
      ownerId: owner.id,
      assignees: [rights(a1.id, ALL_RIGHTS), rights(a2.id, ALL_RIGHTS)],
    });
    const c1 = await cookieOf(a1.id);
    const c2 = await cookieOf(a2.id);

    expect(await outcome(() => action(post(lead.id, c1, { intent: "claim" })))).toMatchObject({
      status: 302,
      location: `/crm/leads/${lead.id}?done=claimed`,
    });
    expect((await outcome(() => action(post(lead.id, c2, { intent: "claim" })))).status).toBe(409);
    expect(
      (await outcome(() => action(post(lead.id, c2, { intent: "identify", identificationLabel: "competitor" }))))
        .status,
    ).toBe(403);
    const page = (await loader(get(lead.id, c2))) as Awaited<ReturnType<typeof loader>>;
    expect(page.lead.claimedBy).toEqual({ id: a1.id, name: a1.name });
    expect(page.work.reason).toBe("claimed-by-other");
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).identificationLabel).toBeNull();

    const strangerCookie = await cookieOf(stranger.id);
    expect((await outcome(() => loader(get(lead.id, strangerCookie)))).status).toBe(403);
    // Only the owner (or a manager) distributes or recalls.
    expect((await outcome(() => action(post(lead.id, c1, { intent: "recall", staffId: "all" })))).status).toBe(403);
  });

  it("the owner distributes by hand with rights per person, then recalls", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, { ownerId: owner.id, status: "new", assignees: [] });
    const cookie = await cookieOf(owner.id);

    const result = await outcome(() =>
      action(
        post(lead.id, cookie, {
          intent: "distribute",
          assignee: String(a1.id),
          [`need:${a1.id}`]: "on",
          [`status:${a1.id}`]: "on",
        }),
      ),
    );
    expect(result.location).toBe(`/crm/leads/${lead.id}?done=distributed`);
    const second = await outcome(() =>
      action(
        post(lead.id, cookie, [
          ["intent", "distribute"],
          ["assignee", String(a2.id)],
        ]),
      ),
    );
    expect(second.status).toBe(302);
    const rows = await db.leadAssignment.findMany({ where: { leadId: lead.id }, orderBy: { staffId: "asc" } });
    expect(rows.map((r) => [r.staffId, r.canEditNeed, r.canEditStatus, r.canEditContact])).toEqual([
      [a1.id, true, true, false],
      [a2.id, false, false, false],
    ]);
    expect((await outcome(() => action(post(lead.id, cookie, { intent: "distribute" })))).status).toBe(400);

    await action(post(lead.id, cookie, { intent: "recall", staffId: String(a1.id) }));
    const active = await db.leadAssignment.findMany({ where: { leadId: lead.id, recalledAt: null } });
    expect(active.map((r) => r.staffId)).toEqual([a2.id]);
  });
});
