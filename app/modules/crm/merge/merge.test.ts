import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "#app/generated/prisma/client.ts";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { parseDatamodel } from "#prisma/schema-drift/expected-schema.server.ts";
import { mergeRecords, undoMerge } from "./merge.server.ts";
import { MERGE_RELATIONS, NOT_REPOINTED, relationsTo, type MergeEntity } from "./merge-relations.ts";
import { actorWith, makeCompany, makeContact, makeStaff } from "./test-world.ts";

beforeEach(() => resetDatabase());

const SCHEMA = path.resolve(import.meta.dirname, "../../../../prisma/schema.prisma");

describe("merge relation list", () => {
  it("covers every foreign key to Contact and Company in the Prisma DMMF", async () => {
    const datamodel = parseDatamodel(readFileSync(SCHEMA, "utf8"));
    const fromSchema = datamodel.models.flatMap((m) =>
      m.fields
        .filter((f) => f.kind === "object" && (f.type === "Contact" || f.type === "Company"))
        .flatMap((f) => (f.relationFromFields ?? []).map((column) => `${m.name}.${column}->${f.type}`)),
    );
    const handled = [...MERGE_RELATIONS, ...NOT_REPOINTED].map((r) => `${r.model}.${r.column}->${r.target}`);
    expect(new Set(handled).size).toBe(handled.length);
    expect([...handled].sort()).toEqual([...fromSchema].sort());
    for (const r of NOT_REPOINTED) expect(r.reason.length).toBeGreaterThan(10);
  });
});

let seq = 0;
/** One row per relation, pointing at `target`; a missing builder fails the test (a new relation). */
async function rowFor(model: string, column: string, target: number, ctx: { staffId: number; companyId: number }) {
  const n = `${Date.now().toString(36)}${++seq}`;
  const data = { [column]: target };
  switch (model) {
    case "Company":
      return (await db.company.create({ data: { number: `C${n}`, name: `子${n}`, nameKey: `子${n}`, ...data } })).id;
    case "Contact":
      return (await db.contact.create({ data: { number: `P${n}`, familyName: "下", fullName: `下${n}`, ...data } })).id;
    case "ContactCompanyHistory": {
      const contactId =
        column === "contactId"
          ? target
          : (await db.contact.create({ data: { number: `H${n}`, familyName: "史", fullName: `史${n}` } })).id;
      return (await db.contactCompanyHistory.create({ data: { endedAt: new Date(), ...data, contactId } })).id;
    }
    case "Member":
      return (await db.member.create({ data: { email: `${n}@m.test`, nickname: `m${n}`, passwordHash: "x", ...data } }))
        .id;
    case "Lead":
      return (
        await db.lead.create({
          data: { number: `L${n}`, ownerId: ctx.staffId, routedBy: "manual", source: "staff", ...data },
        })
      ).id;
    case "Opportunity":
      return (await db.opportunity.create({ data: { number: `O${n}`, name: "机会", ownerId: ctx.staffId, ...data } }))
        .id;
    case "Task":
      return (await db.task.create({ data: { title: "回访", assigneeId: ctx.staffId, ...data } })).id;
    case "Note":
      return (await db.note.create({ data: { body: `备注${n}`, ...data } })).id;
    case "Zone":
      return (await db.zone.create({ data: { companyId: target, name: `专区${n}` } })).id;
    case "Asset":
      return (await db.asset.create({ data: { number: `A${n}`, name: "平衡机", companyId: ctx.companyId, ...data } }))
        .id;
    case "ServiceContract":
      return (
        await db.serviceContract.create({
          data: { number: `S${n}`, name: "合约", companyId: target, startDate: new Date(), endDate: new Date() },
        })
      ).id;
    case "ServiceRequest":
      return (
        await db.serviceRequest.create({
          data: {
            number: `R${n}`,
            companyId: ctx.companyId,
            kind: "question",
            subject: "问",
            descriptionHtml: "<p>问</p>",
            channel: "web",
            ...data,
          },
        })
      ).id;
    case "PriceScheme":
      return (await db.priceScheme.create({ data: { name: `方案${n}`, ...data } })).id;
    case "Quote":
      return (
        await db.quote.create({
          data: {
            number: `Q${n}`.slice(0, 20),
            title: "报价",
            companyId: ctx.companyId,
            ownerId: ctx.staffId,
            createdById: ctx.staffId,
            validUntil: new Date(),
            terms: "",
            ...data,
          },
        })
      ).id;
    case "SalesContract":
      return (
        await db.salesContract.create({
          data: {
            number: `K${n}`.slice(0, 20),
            name: "合同",
            companyId: ctx.companyId,
            ownerId: ctx.staffId,
            typeCode: "new",
            ...data,
          },
        })
      ).id;
    case "Proposal":
      return (await db.proposal.create({ data: { title: "提议", companyId: target, ownerId: ctx.staffId } })).id;
    case "SalesOrder":
      return (
        await db.salesOrder.create({
          data: {
            number: `D${n}`.slice(0, 20),
            source: "opportunity",
            sourceKey: `merge:${n}`,
            companyId: ctx.companyId,
            ownerId: ctx.staffId,
            createdById: ctx.staffId,
            ...data,
          },
        })
      ).id;
    default:
      throw new Error(`No test row builder for ${model}.${column}: add one and decide the merge rule`);
  }
}

async function columnValue(model: string, column: string, id: number): Promise<number | null> {
  const rows = await db.$queryRaw<Array<{ v: number | null }>>`
    SELECT ${Prisma.raw(`\`${column}\``)} AS v FROM ${Prisma.raw(`\`${model}\``)} WHERE id = ${id}`;
  return rows[0]?.v ?? null;
}

async function setup() {
  const team = await db.team.create({ data: { name: "销售一部" } });
  const manager = await makeStaff(db, "王磊", team.id);
  const rep = await makeStaff(db, "李娜", team.id);
  const other = await makeStaff(db, "陈静");
  const actor = actorWith(manager, [
    ["contacts", "browse", "team"],
    ["contacts", "modify", "team"],
    ["companies", "browse", "team"],
    ["companies", "modify", "team"],
  ]);
  return { team, manager, rep, other, actor };
}

describe("mergeRecords", () => {
  for (const entity of ["contact", "company"] as MergeEntity[]) {
    it(`re-points every ${entity} relation to the survivor, bins the loser, and undo puts everything back`, async () => {
      const w = await setup();
      const anchor = await makeCompany(db, "锚点公司", w.manager.id);
      const survivor =
        entity === "contact"
          ? await makeContact(db, "刘强", w.manager.id, { email: "liu@xyz.com" })
          : await makeCompany(db, "深圳星辰科技有限公司", w.manager.id, { phone: "0755-1234567" });
      const loser =
        entity === "contact"
          ? await makeContact(db, "刘强", w.rep.id, { mobile: "13800138000", email: "lq@xyz.com" })
          : await makeCompany(db, "深圳星辰科技", w.rep.id, { phone: "0755-7654321", website: "xyz.com" });
      const rows: Array<{ model: string; column: string; id: number }> = [];
      for (const rel of relationsTo(entity)) {
        rows.push({
          ...rel,
          id: await rowFor(rel.model, rel.column, loser.id, { staffId: w.rep.id, companyId: anchor.id }),
        });
      }
      const share = await db.recordShare.create({
        data: { entityType: entity, recordId: loser.id, staffId: w.other.id },
      });
      const picks: Record<string, number> =
        entity === "contact" ? { mobile: loser.id, email: loser.id } : { website: loser.id, phone: loser.id };

      const result = await mergeRecords(db, w.actor, { entity, survivorId: survivor.id, loserIds: [loser.id], picks });
      expect(result.status).toBe("ok");
      for (const row of rows)
        expect([row.model, row.column, await columnValue(row.model, row.column, row.id)]).toEqual([
          row.model,
          row.column,
          survivor.id,
        ]);
      expect((await db.recordShare.findUniqueOrThrow({ where: { id: share.id } })).recordId).toBe(survivor.id);
      if (entity === "contact") {
        const s = await db.contact.findUniqueOrThrow({ where: { id: survivor.id } });
        expect([s.mobile, s.email, s.emailKey, s.phoneKey]).toEqual([
          "13800138000",
          "lq@xyz.com",
          "lq@xyz.com",
          "13800138000",
        ]);
        const l = await db.contact.findUniqueOrThrow({ where: { id: loser.id } });
        expect(l.mergedIntoId).toBe(survivor.id);
        expect(l.deletedAt).not.toBeNull();
      } else {
        const s = await db.company.findUniqueOrThrow({ where: { id: survivor.id } });
        expect([s.website, s.phoneKey]).toEqual(["xyz.com", "07557654321"]);
        expect((await db.company.findUniqueOrThrow({ where: { id: loser.id } })).mergedIntoId).toBe(survivor.id);
      }
      expect(await db.auditLog.count({ where: { action: `${entity}.merged`, entityId: String(survivor.id) } })).toBe(1);

      const mergeId = result.status === "ok" ? result.value.mergeId : 0;
      const undone = await undoMerge(db, w.actor, mergeId);
      expect(undone.status).toBe("ok");
      for (const row of rows)
        expect([row.model, row.column, await columnValue(row.model, row.column, row.id)]).toEqual([
          row.model,
          row.column,
          loser.id,
        ]);
      expect((await db.recordShare.findUniqueOrThrow({ where: { id: share.id } })).recordId).toBe(loser.id);
      if (entity === "contact") {
        const s = await db.contact.findUniqueOrThrow({ where: { id: survivor.id } });
        expect([s.mobile, s.email]).toEqual([null, "liu@xyz.com"]);
        const l = await db.contact.findUniqueOrThrow({ where: { id: loser.id } });
        expect([l.deletedAt, l.mergedIntoId]).toEqual([null, null]);
      } else {
        const s = await db.company.findUniqueOrThrow({ where: { id: survivor.id } });
        expect([s.website, s.phone]).toEqual([null, "0755-1234567"]);
        expect((await db.company.findUniqueOrThrow({ where: { id: loser.id } })).deletedAt).toBeNull();
      }
      expect((await undoMerge(db, w.actor, mergeId)).status).toBe("conflict");
    });
  }

  it("two concurrent merges of the same pair give exactly one result", async () => {
    const w = await setup();
    const a = await makeContact(db, "张伟", w.manager.id);
    const b = await makeContact(db, "张伟", w.rep.id);
    await db.note.create({ data: { body: "b 的备注", contactId: b.id } });
    const results = await Promise.all([
      mergeRecords(db, w.actor, { entity: "contact", survivorId: a.id, loserIds: [b.id] }),
      mergeRecords(db, w.actor, { entity: "contact", survivorId: b.id, loserIds: [a.id] }),
      mergeRecords(db, w.actor, { entity: "contact", survivorId: a.id, loserIds: [b.id] }),
    ]);
    expect(results.filter((r) => r.status === "ok")).toHaveLength(1);
    const failed = results.filter((r) => r.status !== "ok");
    expect(failed.map((r) => (r.status === "conflict" ? r.message : r.status))).toEqual([
      "recordAdmin.merge.alreadyMerged",
      "recordAdmin.merge.alreadyMerged",
    ]);
    expect(await db.recordMerge.count()).toBe(1);
    expect(await db.contact.count({ where: { id: { in: [a.id, b.id] }, deletedAt: null } })).toBe(1);
  });

  it("refuses records outside the actor's modify scope and changes nothing", async () => {
    const w = await setup();
    const mine = await makeContact(db, "赵六", w.manager.id);
    const theirs = await makeContact(db, "赵六", w.other.id);
    const note = await db.note.create({ data: { body: "x", contactId: theirs.id } });
    const result = await mergeRecords(db, w.actor, { entity: "contact", survivorId: mine.id, loserIds: [theirs.id] });
    expect(result.status).toBe("not-found");
    expect((await db.note.findUniqueOrThrow({ where: { id: note.id } })).contactId).toBe(theirs.id);
    expect((await db.contact.findUniqueOrThrow({ where: { id: theirs.id } })).deletedAt).toBeNull();
    // A read-only share is not enough to merge; an edit share is.
    await db.recordShare.create({ data: { entityType: "contact", recordId: theirs.id, staffId: w.manager.id } });
    expect(
      (await mergeRecords(db, w.actor, { entity: "contact", survivorId: mine.id, loserIds: [theirs.id] })).status,
    ).toBe("not-found");
    await db.recordShare.updateMany({ where: { recordId: theirs.id }, data: { canEdit: true } });
    expect(
      (await mergeRecords(db, w.actor, { entity: "contact", survivorId: mine.id, loserIds: [theirs.id] })).status,
    ).toBe("ok");
  });

  it("refuses two zones (unique one-to-one) with a clear conflict, and moves a single zone", async () => {
    const w = await setup();
    const a = await makeCompany(db, "甲公司", w.manager.id);
    const b = await makeCompany(db, "甲公司分部", w.manager.id);
    const c = await makeCompany(db, "甲公司二部", w.manager.id);
    await db.zone.create({ data: { companyId: a.id, name: "甲专区" } });
    const zoneC = await db.zone.create({ data: { companyId: c.id, name: "丙专区" } });
    const both = await mergeRecords(db, w.actor, { entity: "company", survivorId: a.id, loserIds: [c.id] });
    expect(both).toMatchObject({ status: "conflict", message: "recordAdmin.merge.conflictZone" });
    const moved = await mergeRecords(db, w.actor, { entity: "company", survivorId: b.id, loserIds: [c.id] });
    expect(moved.status).toBe("ok");
    expect((await db.zone.findUniqueOrThrow({ where: { id: zoneC.id } })).companyId).toBe(b.id);
  });

  it("a survivor never becomes its own parent, and undo expires after 30 days", async () => {
    const w = await setup();
    const parent = await makeCompany(db, "母公司", w.manager.id);
    const child = await makeCompany(db, "子公司", w.manager.id, { parentId: parent.id });
    const result = await mergeRecords(db, w.actor, {
      entity: "company",
      survivorId: child.id,
      loserIds: [parent.id],
      picks: { parent: child.id },
    });
    expect(result.status).toBe("ok");
    expect((await db.company.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBeNull();
    const mergeId = result.status === "ok" ? result.value.mergeId : 0;
    const later = new Date(Date.now() + 31 * 86_400_000);
    expect(await undoMerge(db, w.actor, mergeId, {}, later)).toMatchObject({
      message: "recordAdmin.merge.undoExpired",
    });
    expect((await undoMerge(db, w.actor, mergeId)).status).toBe("ok");
    expect((await db.company.findUniqueOrThrow({ where: { id: child.id } })).parentId).toBe(parent.id);
  });
});
