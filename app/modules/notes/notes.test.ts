import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCampaign, createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { addNote, listNotes } from "./notes.server.ts";

describe("notes", () => {
  beforeEach(() => resetDatabase());

  it("adds trimmed notes to one record and lists them newest first with the author", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    const campaign = await createTestCampaign(db, me.id);
    await addNote(db, { authorId: me.id, body: "  第一次电话：客户在出差  ", target: { leadId: lead.id } });
    await addNote(db, { authorId: me.id, body: "第二次：约了周三演示", target: { leadId: lead.id } });
    await addNote(db, { authorId: me.id, body: "战役复盘", target: { campaignId: campaign.id } });

    const notes = await listNotes(db, { leadId: lead.id });
    expect(notes.map((n) => n.body)).toEqual(["第二次：约了周三演示", "第一次电话：客户在出差"]);
    expect(notes[0]!.author).toEqual({ id: me.id, name: me.name });
    expect((await listNotes(db, { campaignId: campaign.id })).map((n) => n.body)).toEqual(["战役复盘"]);
  });

  it("refuses an empty or oversized note", async () => {
    const me = await createTestSalesperson(db);
    const lead = await createTestLead(db, { ownerId: me.id });
    expect(await addNote(db, { authorId: me.id, body: "   ", target: { leadId: lead.id } })).toEqual({
      ok: false,
      fieldErrors: { body: "leadWork.error.required" },
    });
    expect((await addNote(db, { authorId: me.id, body: "长".repeat(5001), target: { leadId: lead.id } })).ok).toBe(
      false,
    );
    expect(await db.note.count()).toBe(0);
  });
});
