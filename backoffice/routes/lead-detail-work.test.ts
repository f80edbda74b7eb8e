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
import { action as followUpAction, loader as followUpLoader } from "./lead/lead-follow-up.tsx";
import { action as overviewAction } from "./lead/lead-overview.tsx";
import { action as workAction } from "./lead/lead-work.tsx";
import { loader } from "./lead-detail.tsx";

// The lead page's tabs through their route modules, as React Router calls them (no HTTP server): the
// layout loads the workspace, each tab's action does its intents and answers with one result shape.

const leadPath = (leadId: number, tab = "") => `/crm/leads/${leadId}${tab}`;
const params = (leadId: number) => ({ leadId: String(leadId) });
const get = (leadId: number, cookie: string, tab = "") => getRoute(leadPath(leadId, tab), cookie, params(leadId));
const post = (leadId: number, cookie: string, fields: FormFields, tab = "") =>
  postRoute(leadPath(leadId, tab), cookie, fields, params(leadId));
const work = (leadId: number, cookie: string, fields: FormFields) =>
  outcome(() => workAction(post(leadId, cookie, fields, "/work")));

describe("lead page tabs", () => {
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
    expect(page.capabilities.edit).toEqual({ need: false, contact: true, company: false, status: false });
    expect(page.capabilities.canClaim).toBe(true);

    const edit = (fields: FormFields) => outcome(() => overviewAction(post(lead.id, cookie, fields, "?index")));
    const refused = await edit({ intent: "edit-need", requirement: "偷改" });
    expect(refused).toMatchObject({ status: 403, body: { status: "forbidden" } });
    const row = await db.lead.findUniqueOrThrow({ where: { id: lead.id } });
    expect(row.requirement).toBe("原需求");
    expect(await db.leadEvent.count({ where: { leadId: lead.id, type: "edited" } })).toBe(0);

    // Bad input in a granted group: 400 with the field's message, nothing written.
    expect(await edit({ intent: "edit-contact", contactEmail: "不是邮箱" })).toMatchObject({
      status: 400,
      body: { status: "invalid", fieldErrors: { contactEmail: ["leadWork.error.invalidEmail"] } },
    });
    // The granted group goes through, and saving the same values again says nothing changed.
    const fields = { intent: "edit-contact", contactName: "王芳", contactMobile: "13800138000" };
    expect(await edit(fields)).toMatchObject({ status: 302, location: `/crm/leads/${lead.id}?flash=flash.saved` });
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).contactName).toBe("王芳");
    expect((await edit(fields)).location).toBe(`/crm/leads/${lead.id}?flash=flash.info.noChanges`);
    expect((await edit({ intent: "delete" })).status).toBe(400);
  });

  it("claim, then the other assignee loses edits (403) and sees who holds it; a stranger finds nothing", async () => {
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

    expect(await work(lead.id, c1, { intent: "claim" })).toMatchObject({
      status: 302,
      location: `/crm/leads/${lead.id}/work?flash=flash.leads.claimed`,
    });
    expect(await work(lead.id, c2, { intent: "claim" })).toMatchObject({
      status: 409,
      body: { status: "conflict", message: "leadWork.claim.lost", details: { name: a1.name } },
    });
    expect((await work(lead.id, c2, { intent: "identify", identificationLabel: "competitor" })).status).toBe(403);
    const page = (await loader(get(lead.id, c2))) as Awaited<ReturnType<typeof loader>>;
    expect(page.lead.claimedBy).toMatchObject({ id: a1.id, name: a1.name });
    expect(page.capabilities.reason).toBe("claimed-by-other");
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).identificationLabel).toBeNull();

    // The holder follows up; the one beaten to the claim reads but may not write.
    const note = (cookie: string) =>
      outcome(() => followUpAction(post(lead.id, cookie, { intent: "note", body: "电话已联系" }, "/follow-up")));
    expect((await note(c1)).location).toBe(`/crm/leads/${lead.id}/follow-up?flash=flash.leads.noted`);
    expect((await note(c2)).status).toBe(403);
    const followUp = (await followUpLoader(get(lead.id, c2, "/follow-up"))) as Awaited<
      ReturnType<typeof followUpLoader>
    >;
    expect(followUp.notes.map((n) => n.body)).toEqual(["电话已联系"]);

    // Out of scope reads as missing, for the page and for every action.
    const strangerCookie = await cookieOf(stranger.id);
    expect((await outcome(() => loader(get(lead.id, strangerCookie)))).status).toBe(404);
    expect((await outcome(() => followUpLoader(get(lead.id, strangerCookie, "/follow-up")))).status).toBe(404);
    expect((await work(lead.id, strangerCookie, { intent: "claim" })).status).toBe(404);
    expect((await note(strangerCookie)).status).toBe(404);
    // Only the owner (or a manager) distributes or recalls.
    expect((await work(lead.id, c1, { intent: "recall", staffId: "all" })).status).toBe(403);
  });

  it("the owner distributes by hand with rights per person, then recalls; the status flow refuses a stale move", async () => {
    const owner = await createTestSalesperson(db);
    const a1 = await createTestSalesperson(db);
    const a2 = await createTestSalesperson(db);
    const lead = await createAssignedLead(db, { ownerId: owner.id, status: "new", assignees: [] });
    const cookie = await cookieOf(owner.id);

    const result = await work(lead.id, cookie, {
      intent: "distribute",
      assignee: String(a1.id),
      [`need:${a1.id}`]: "on",
      [`status:${a1.id}`]: "on",
    });
    expect(result.location).toBe(`/crm/leads/${lead.id}/work?flash=flash.leads.distributed`);
    const second = await work(lead.id, cookie, [
      ["intent", "distribute"],
      ["assignee", String(a2.id)],
    ]);
    expect(second.status).toBe(302);
    const rows = await db.leadAssignment.findMany({ where: { leadId: lead.id }, orderBy: { staffId: "asc" } });
    expect(rows.map((r) => [r.staffId, r.canEditNeed, r.canEditStatus, r.canEditContact])).toEqual([
      [a1.id, true, true, false],
      [a2.id, false, false, false],
    ]);
    expect(await work(lead.id, cookie, { intent: "distribute" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { assignee: ["leadWork.error.pickSomeone"] } },
    });
    expect((await work(lead.id, cookie, { intent: "transfer", toStaffId: "abc" })).status).toBe(400);

    expect((await work(lead.id, cookie, { intent: "recall", staffId: String(a1.id) })).location).toBe(
      `/crm/leads/${lead.id}/work?flash=flash.leads.recalled`,
    );
    const active = await db.leadAssignment.findMany({ where: { leadId: lead.id, recalledAt: null } });
    expect(active.map((r) => r.staffId)).toEqual([a2.id]);

    // The lead is "assigned" now; a move from the "new" the page once showed is a conflict.
    expect((await db.lead.findUniqueOrThrow({ where: { id: lead.id } })).status).toBe("assigned");
    expect(await work(lead.id, cookie, { intent: "status", from: "new", to: "closed" })).toMatchObject({
      status: 409,
      body: { message: "leadInbox.detail.status.conflict" },
    });
    expect(await work(lead.id, cookie, { intent: "status", from: "assigned", to: "contacted" })).toMatchObject({
      status: 302,
      location: `/crm/leads/${lead.id}/work?flash=flash.leads.status.contacted`,
    });
    expect((await work(lead.id, cookie, { intent: "status", from: "contacted", to: "bogus" })).status).toBe(400);
  });
});
