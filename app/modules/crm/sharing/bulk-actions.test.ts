import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { actorWith, makeCompany, makeContact, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { runBulkRecordAction } from "./bulk-actions.server.ts";

beforeEach(() => resetDatabase());

function form(values: Record<string, string | string[]>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) for (const one of [v].flat()) f.append(k, one);
  return f;
}

async function world() {
  const team = await db.team.create({ data: { name: "华北" } });
  const me = await makeStaff(db, "王磊", team.id);
  const mate = await makeStaff(db, "张伟", team.id);
  const other = await makeStaff(db, "陈静");
  const actor = actorWith(me, [
    ["contacts", "browse", "own"],
    ["contacts", "transfer", "own"],
    ["contacts", "delete", "own"],
    ["companies", "browse", "team"],
    ["companies", "transfer", "team"],
    ["companies", "delete", "own"],
  ]);
  return { team, me, mate, other, actor };
}

const audits = (action: string) => db.auditLog.count({ where: { action } });

describe("list bulk actions", () => {
  it("transfers the rows in scope, skips and counts the rest, audits each row", async () => {
    const { me, other, actor } = await world();
    const a = await makeContact(db, "甲", me.id);
    const b = await makeContact(db, "乙", me.id);
    const theirs = await makeContact(db, "丙", other.id);
    const result = await runBulkRecordAction(
      db,
      actor,
      "contact",
      form({
        intent: "bulk-transfer",
        ids: [String(a.id), String(b.id), String(theirs.id)],
        toStaffId: String(other.id),
      }),
    );
    expect(result).toEqual({ status: "ok", value: { intent: "bulk-transfer", done: 2, skipped: 1 } });
    expect(await db.contact.count({ where: { ownerId: other.id } })).toBe(3);
    expect(await audits("contact.transferred")).toBe(2);
    // Nothing in scope any more: nothing done, everything skipped, still not an error.
    const again = await runBulkRecordAction(
      db,
      actor,
      "contact",
      form({ intent: "bulk-transfer", ids: `${a.id},${b.id}`, toStaffId: String(me.id) }),
    );
    expect(again).toEqual({ status: "ok", value: { intent: "bulk-transfer", done: 0, skipped: 2 } });
  });

  it("shares with a colleague or a team within the team scope", async () => {
    const { team, me, mate, other, actor } = await world();
    const mine = await makeCompany(db, "甲公司", me.id, { teamId: team.id });
    const mates = await makeCompany(db, "乙公司", mate.id, { teamId: team.id });
    const foreign = await makeCompany(db, "丙公司", other.id);
    const ids = `${mine.id},${mates.id},${foreign.id}`;
    const share = await runBulkRecordAction(
      db,
      actor,
      "company",
      form({ intent: "bulk-share", ids, teamId: String(team.id), canEdit: "on" }),
    );
    expect(share).toEqual({ status: "ok", value: { intent: "bulk-share", done: 2, skipped: 1 } });
    const shares = await db.recordShare.findMany({ where: { entityType: "company" }, orderBy: { recordId: "asc" } });
    expect(shares.map((s) => [s.recordId, s.teamId, s.canEdit])).toEqual([
      [mine.id, team.id, true],
      [mates.id, team.id, true],
    ]);
    expect(await audits("company.shared")).toBe(2);
    // Both a colleague and a team, or neither: one clear refusal, nothing shared.
    const neitherOrBoth: Array<Record<string, string>> = [{}, { staffId: String(other.id), teamId: String(team.id) }];
    for (const extra of neitherOrBoth) {
      const bad = await runBulkRecordAction(db, actor, "company", form({ intent: "bulk-share", ids, ...extra }));
      expect(bad.status).toBe("invalid");
    }
    const ghost = await runBulkRecordAction(
      db,
      actor,
      "company",
      form({ intent: "bulk-share", ids, staffId: "999999" }),
    );
    expect(ghost.status).toBe("invalid");
    expect(await db.recordShare.count()).toBe(2);
  });

  it("bins only rows in the delete scope, with a company's contacts when asked", async () => {
    const { team, me, mate, actor } = await world();
    const mine = await makeCompany(db, "甲公司", me.id, { teamId: team.id });
    const mates = await makeCompany(db, "乙公司", mate.id, { teamId: team.id });
    const person = await makeContact(db, "丁", me.id, { companyId: mine.id });
    const result = await runBulkRecordAction(
      db,
      actor,
      "company",
      form({ intent: "bulk-delete", ids: `${mine.id},${mates.id}`, withContacts: "on" }),
    );
    expect(result).toEqual({ status: "ok", value: { intent: "bulk-delete", done: 1, skipped: 1 } });
    expect((await db.company.findUniqueOrThrow({ where: { id: mine.id } })).deletedAt).not.toBeNull();
    expect((await db.company.findUniqueOrThrow({ where: { id: mates.id } })).deletedAt).toBeNull();
    expect((await db.contact.findUniqueOrThrow({ where: { id: person.id } })).deletedAt).not.toBeNull();
    expect(await audits("company.binned")).toBe(1);
  });

  it("refuses without the grant and on bad input, changing nothing", async () => {
    const me = await makeStaff(db, "李娜");
    const browseOnly = actorWith(me, [["contacts", "browse", "all"]]);
    const c = await makeContact(db, "甲", me.id);
    const run = (values: Record<string, string>) => runBulkRecordAction(db, browseOnly, "contact", form(values));
    expect((await run({ intent: "bulk-delete", ids: String(c.id) })).status).toBe("forbidden");
    expect((await run({ intent: "bulk-transfer", ids: String(c.id), toStaffId: String(me.id) })).status).toBe(
      "forbidden",
    );
    for (const ids of ["x", "", "0", "-1", "99999999999", Array.from({ length: 501 }, (_, i) => i + 1).join(",")]) {
      expect((await run({ intent: "bulk-delete", ids })).status).toBe("invalid");
    }
    expect((await run({ intent: "nope", ids: String(c.id) })).status).toBe("invalid");
    expect((await db.contact.findUniqueOrThrow({ where: { id: c.id } })).deletedAt).toBeNull();
  });
});
