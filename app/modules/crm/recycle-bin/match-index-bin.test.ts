import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { actorWith, makeCompany, makeContact, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { mergeRecords, undoMerge } from "#app/modules/crm/merge/merge.server.ts";
import { suggestRecordMatches } from "#app/modules/crm/record-suggestions.server.ts";
import { matchIndex, setMatchIndexSyncInterval } from "#search/fuzzy/contact-index.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { moveToBin, purgeFromBin, restoreFromBin } from "./recycle-bin.server.ts";

// The in-memory match index holds live records only and follows the bin, restore, purge and merge
// at once: the sync interval is an hour here, so only the services' own notes can explain a change.

beforeAll(() => setMatchIndexSyncInterval(3_600_000));
beforeEach(() => resetDatabase());
afterAll(() => setMatchIndexSyncInterval(5000));

async function world() {
  const manager = await makeStaff(db, "陈静");
  const actor = actorWith(manager, [
    ["companies", "browse", "all"],
    ["companies", "delete", "all"],
    ["companies", "modify", "all"],
    ["contacts", "browse", "all"],
    ["contacts", "delete", "all"],
    ["contacts", "modify", "all"],
  ]);
  return { manager, actor };
}

const suggest = (email: string) =>
  suggestRecordMatches(db, { name: "刘强", email, city: "深圳" }).then((r) => r.contacts.map((c) => c.id));

describe("match index and the recycle bin", () => {
  it("builds without binned rows and follows bin → restore → bin → purge at once", async () => {
    const { manager, actor } = await world();
    const company = await makeCompany(db, "深圳星辰科技有限公司", manager.id);
    const liu = await makeContact(db, "刘强", manager.id, {
      companyId: company.id,
      email: "liu@xyz.com",
      city: "深圳",
    });
    const binnedEarlier = await makeContact(db, "刘强", manager.id, { email: "liu.q@old.cn", city: "深圳" });
    await db.contact.update({ where: { id: binnedEarlier.id }, data: { deletedAt: new Date() } });
    const index = matchIndex();
    await index.ready(db, true);
    expect(index.contacts.has(liu.id)).toBe(true);
    expect(index.contacts.has(binnedEarlier.id)).toBe(false);
    expect(await suggest("liu.q@old.cn")).not.toContain(binnedEarlier.id);

    // The company goes to the bin with its contacts: both leave the index now.
    expect((await moveToBin(db, actor, { entity: "company", id: company.id, withContacts: true })).status).toBe("ok");
    expect(index.companies.has(company.id)).toBe(false);
    expect(index.contacts.has(liu.id)).toBe(false);
    expect(await suggest("liu@xyz.com")).toEqual([]);

    // Restored: back at the next use, without waiting for the interval.
    expect((await restoreFromBin(db, actor, "company", company.id)).status).toBe("ok");
    await index.ready(db);
    expect(index.companies.has(company.id)).toBe(true);
    expect(index.contacts.has(liu.id)).toBe(true);
    expect(await suggest("liu@xyz.com")).toContain(liu.id);

    expect((await moveToBin(db, actor, { entity: "contact", id: liu.id })).status).toBe("ok");
    expect(index.contacts.has(liu.id)).toBe(false);
    expect((await purgeFromBin(db, actor, "contact", liu.id)).status).toBe("ok");
    await index.ready(db);
    expect(index.contacts.has(liu.id)).toBe(false);
    expect(index.stats().contacts).toBe(0);
  });

  it("drops merged-away contacts at once and takes them back when the merge is undone", async () => {
    const { manager, actor } = await world();
    const keep = await makeContact(db, "刘强", manager.id, { email: "liu@xyz.com", mobile: "13800138000" });
    const dupe = await makeContact(db, "刘强", manager.id, { email: "liuqiang@xyz.com", mobile: "13800138000" });
    const index = matchIndex();
    await index.ready(db, true);
    expect(index.contacts.has(dupe.id)).toBe(true);

    const merged = await mergeRecords(db, actor, { entity: "contact", survivorId: keep.id, loserIds: [dupe.id] });
    expect(merged.status).toBe("ok");
    expect(index.contacts.has(dupe.id)).toBe(false);
    expect(await suggest("liuqiang@xyz.com")).toEqual([keep.id]);

    if (merged.status !== "ok") return;
    expect((await undoMerge(db, actor, merged.value.mergeId)).status).toBe("ok");
    await index.ready(db);
    expect(index.contacts.has(dupe.id)).toBe(true);
  });
});
