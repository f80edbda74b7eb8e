import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { actorWith, makeContact, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { runBulkRecordAction } from "./bulk-actions.server.ts";

beforeEach(() => resetDatabase());

function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

describe("list bulk actions", () => {
  it("transfers all or nothing, bins only rows in the delete scope, refuses bad input", async () => {
    const me = await makeStaff(db, "王磊");
    const other = await makeStaff(db, "陈静");
    const actor = actorWith(me, [
      ["contacts", "browse", "own"],
      ["contacts", "transfer", "own"],
      ["contacts", "delete", "own"],
    ]);
    const a = await makeContact(db, "甲", me.id);
    const b = await makeContact(db, "乙", me.id);
    const theirs = await makeContact(db, "丙", other.id);
    const transfer = (ids: number[]) =>
      runBulkRecordAction(
        db,
        actor,
        "contact",
        form({ intent: "bulk-transfer", ids: ids.join(","), toStaffId: String(other.id) }),
      );
    expect((await transfer([a.id, theirs.id])).status).toBe("not-found");
    expect(await db.contact.count({ where: { ownerId: other.id } })).toBe(1);
    expect(await transfer([a.id])).toMatchObject({ status: "ok", value: { count: 1 } });
    const bin = await runBulkRecordAction(
      db,
      actor,
      "contact",
      form({ intent: "bulk-delete", ids: `${b.id},${theirs.id}` }),
    );
    expect(bin).toMatchObject({ status: "ok", value: { count: 1 } });
    expect((await db.contact.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
    expect((await runBulkRecordAction(db, actor, "contact", form({ intent: "bulk-delete", ids: "x" }))).status).toBe(
      "invalid",
    );
    expect((await runBulkRecordAction(db, actor, "contact", form({ intent: "nope" }))).status).toBe("invalid");
  });
});
