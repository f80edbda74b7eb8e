import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { storeUploads } from "#app/modules/files/attachments.server.ts";
import { createTokenGroupWith } from "#tests/factories/lead-intake.ts";
import {
  createServiceScenario,
  createTestPhoneRequest,
  createTestZoneRequest,
  zoneCtx,
  type ServiceScenario,
} from "#tests/factories/service.ts";
import { createTestContact } from "#tests/factories/member-admin.ts";
import { createTestCsr } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { addMemberReply, addStaffReply } from "./service-replies.server.ts";
import {
  getPortalRequest,
  getStaffRequest,
  listPortalRequests,
  memberMayReadAttachment,
  staffMayReadServiceAttachment,
} from "./service-queries.server.ts";
import {
  changeStatus,
  createZoneRequest,
  publishRequest,
  rateRequest,
  reopenRequest,
} from "./service-requests.server.ts";

let dir: string;
const previousDir = process.env.UPLOAD_DIR;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relay-service-"));
  process.env.UPLOAD_DIR = dir;
});
afterAll(async () => {
  process.env.UPLOAD_DIR = previousDir;
  await rm(dir, { recursive: true, force: true });
});

let s: ServiceScenario;
beforeEach(async () => {
  await resetDatabase();
  s = await createServiceScenario(db);
});

function csr(sc = s) {
  return { id: sc.a.csr.staff.id, name: sc.a.csr.staff.name };
}
const viewerA = () => ({ member: { id: s.a.admin.member.id }, zone: { id: s.a.zone.id, companyId: s.a.company.id } });
const viewerColleague = () => ({
  member: { id: s.colleague.member.id },
  zone: { id: s.a.zone.id, companyId: s.a.company.id },
});
const viewerB = () => ({ member: { id: s.b.admin.member.id }, zone: { id: s.b.zone.id, companyId: s.b.company.id } });

describe("creating a request in the zone", () => {
  it("routes to the zone CSR, takes the SLA from the covering 24x7/4h contract, mails the CSR and keeps attachments", async () => {
    const stored = await storeUploads([new File(["log line"], "switch.log")]);
    const before = Date.now();
    const result = await createZoneRequest(
      db,
      zoneCtx(s.a.admin.member, s.a.zone),
      {
        kind: "fault",
        subject: "端口闪断",
        description: "<p>3 号口<script>alert(1)</script>闪断</p>",
        assetId: String(s.asset.id),
      },
      stored,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: result.value.id } });
    expect(row).toMatchObject({
      number: `SREQ${String(row.id).padStart(12, "0")}`,
      zoneId: s.a.zone.id,
      companyId: s.a.company.id,
      memberId: s.a.admin.member.id,
      assetId: s.asset.id,
      contractId: s.contract.id,
      assigneeId: s.a.csr.staff.id,
      status: "new",
      channel: "zone",
      descriptionHtml: "<p>3 号口闪断</p>",
    });
    // 24x7 + 4 h on site: four clock hours after receipt.
    const dueMs = row.dueAt!.getTime() - row.createdAt.getTime();
    expect(dueMs).toBe(4 * 60 * 60 * 1000);
    expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(before - 1000);

    const mail = await db.emailOutbox.findMany({ where: { template: "service-request-new" } });
    expect(mail.map((m) => m.toAddress)).toEqual([s.a.csr.staff.email]);
    expect(mail[0]!.subject).toContain(row.number);
    expect(await db.notification.count({ where: { staffId: s.a.csr.staff.id, type: "service-request" } })).toBe(1);
    const events = await db.serviceRequestEvent.findMany({ where: { requestId: row.id } });
    expect(events.map((e) => [e.type, e.actorType, e.actorId])).toEqual([["created", "member", s.a.admin.member.id]]);
    expect(events[0]!.detail).toMatchObject({ routedBy: "zone-csr", slaSource: "contract", responseMode: "h24x7" });
    const files = await db.attachment.findMany({ where: { ownerType: "service_request", ownerId: row.id } });
    expect(files.map((f) => f.fileName)).toEqual(["switch.log"]);
  });

  it("refuses an asset of another company and an empty description, with field errors", async () => {
    const bad = await createZoneRequest(db, zoneCtx(s.a.admin.member, s.a.zone), {
      kind: "fault",
      subject: "x",
      description: "<p></p>",
      assetId: s.otherAsset.id,
    });
    expect(bad).toEqual({ ok: false, errors: { description: ["service.error.descriptionRequired"] } });
    const foreign = await createZoneRequest(db, zoneCtx(s.a.admin.member, s.a.zone), {
      kind: "fault",
      subject: "x",
      description: "有问题",
      assetId: s.otherAsset.id,
    });
    expect(foreign).toEqual({ ok: false, errors: { assetId: ["service.error.assetNotFound"] } });
    expect(await db.serviceRequest.count()).toBe(0);
  });

  it("without a covering contract uses the 8x5 next-business-day default", async () => {
    const created = await createTestZoneRequest(db, s, { assetId: null, kind: "question" });
    // Any company contract covers requests without an asset; remove it to see the default.
    await db.serviceRequest.deleteMany();
    await db.serviceContract.deleteMany();
    const again = await createTestZoneRequest(db, s, { assetId: null, kind: "question" });
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: again.id } });
    expect(created.contractId).toBe(s.contract.id);
    expect(row.contractId).toBeNull();
    const event = await db.serviceRequestEvent.findFirstOrThrow({ where: { requestId: again.id } });
    expect(event.detail).toMatchObject({
      slaSource: "default",
      responseMode: "h8x5",
      responseTime: "next_business_day",
    });
    // 17:00 Asia/Shanghai = 09:00 UTC.
    expect(row.dueAt!.getUTCHours()).toBe(9);
  });
});

describe("routing", () => {
  it("takes turns in the zone's service token group, skipping away staff", async () => {
    const one = await createTestCsr(db);
    const away = await createTestCsr(db);
    const two = await createTestCsr(db);
    await db.staff.update({ where: { id: away.staff.id }, data: { status: "away" } });
    const group = await createTokenGroupWith(db, [
      { staffId: one.staff.id },
      { staffId: away.staff.id },
      { staffId: two.staff.id },
    ]);
    await db.zone.update({ where: { id: s.a.zone.id }, data: { serviceTokenGroupId: group.id } });
    const assignees: Array<number | null> = [];
    for (let i = 0; i < 4; i++) assignees.push((await createTestZoneRequest(db, s)).assigneeId);
    expect(assignees).toEqual([one.staff.id, two.staff.id, one.staff.id, two.staff.id]);
  });

  it("hands out turns evenly under concurrency", async () => {
    const one = await createTestCsr(db);
    const two = await createTestCsr(db);
    const group = await createTokenGroupWith(db, [{ staffId: one.staff.id }, { staffId: two.staff.id }]);
    await db.zone.update({ where: { id: s.a.zone.id }, data: { serviceTokenGroupId: group.id } });
    const results = await Promise.all(Array.from({ length: 6 }, () => createTestZoneRequest(db, s)));
    const counts = results.reduce<Record<number, number>>((acc, r) => {
      acc[r.assigneeId!] = (acc[r.assigneeId!] ?? 0) + 1;
      return acc;
    }, {});
    expect(counts).toEqual({ [one.staff.id]: 3, [two.staff.id]: 3 });
  });

  it("leaves the request unassigned when the zone has no active CSR", async () => {
    await db.staff.update({ where: { id: s.a.csr.staff.id }, data: { status: "inactive" } });
    const created = await createTestZoneRequest(db, s);
    expect(created.assigneeId).toBeNull();
    expect(created.routedBy).toBe("unassigned");
    expect(await db.emailOutbox.count()).toBe(0);
  });

  it("staff phone entry: contact and asset must belong to the company; the contact's member becomes the requester", async () => {
    const contact = await createTestContact(db, { companyId: s.a.company.id, fullName: "赵工" });
    await db.member.update({ where: { id: s.colleague.member.id }, data: { contactId: contact.id } });
    const created = await createTestPhoneRequest(db, csr(), {
      companyId: s.a.company.id,
      contactId: contact.id,
      assetId: s.asset.id,
    });
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: created.id } });
    expect(row).toMatchObject({
      channel: "phone",
      contactId: contact.id,
      memberId: s.colleague.member.id,
      zoneId: s.a.zone.id,
      createdByStaffId: s.a.csr.staff.id,
    });
    // The CSR entered it for themselves: no mail to self.
    expect(await db.emailOutbox.count()).toBe(0);
    await expect(
      createTestPhoneRequest(db, csr(), { companyId: s.a.company.id, assetId: s.otherAsset.id }),
    ).rejects.toThrow(/assetNotFound/);
    const otherContact = await createTestContact(db, { companyId: s.b.company.id });
    await expect(
      createTestPhoneRequest(db, csr(), { companyId: s.a.company.id, contactId: otherContact.id }),
    ).rejects.toThrow(/contactNotFound/);
  });
});

describe("conversation, visibility and publishing", () => {
  it("internal notes never reach the portal, its mail or its downloads", async () => {
    const req = await createTestZoneRequest(db, s);
    await db.emailOutbox.deleteMany();
    const noteFiles = await storeUploads([new File(["secret"], "internal.txt")]);
    const note = await addStaffReply(
      db,
      csr(),
      req.id,
      { body: "<p>内部备注：客户合同快到期</p>", internal: true },
      noteFiles,
    );
    const reply = await addStaffReply(db, csr(), req.id, { body: "<p>请重启设备后再观察</p>", internal: false });
    expect(note.ok && reply.ok).toBe(true);
    if (!note.ok) return;

    const portal = await getPortalRequest(db, viewerA(), req.id);
    expect(portal?.replies.map((r) => r.bodyHtml)).toEqual(["<p>请重启设备后再观察</p>"]);
    expect(JSON.stringify(portal)).not.toContain("内部备注");
    const mails = await db.emailOutbox.findMany();
    expect(mails.map((m) => [m.toAddress, m.template])).toEqual([[s.a.admin.member.email, "service-request-reply"]]);
    expect(mails[0]!.html).not.toContain("内部备注");

    const noteAttachment = await db.attachment.findFirstOrThrow({
      where: { ownerType: "service_reply", ownerId: note.value.replyId },
    });
    expect(await memberMayReadAttachment(db, viewerA(), noteAttachment)).toBe(false);
    expect(await staffMayReadServiceAttachment(db, actorOf(s.a.csr.staff.id, "own"), noteAttachment)).toBe(true);

    const staffView = await getStaffRequest(db, actorOf(s.a.csr.staff.id, "own"), req.id);
    expect(staffView?.replies.map((r) => r.internal)).toEqual([true, false]);
    // The first public reply is the first response.
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).firstResponseAt).not.toBeNull();
  });

  it("colleagues see a request only once it is published; other zones never", async () => {
    const req = await createTestZoneRequest(db, s);
    const files = await storeUploads([new File(["x"], "photo.txt")]);
    await addStaffReply(db, csr(), req.id, { body: "<p>答复</p>", internal: false }, files);
    const attachment = await db.attachment.findFirstOrThrow({ where: { ownerType: "service_reply" } });

    expect(await getPortalRequest(db, viewerColleague(), req.id)).toBeNull();
    expect(await memberMayReadAttachment(db, viewerColleague(), attachment)).toBe(false);
    expect((await listPortalRequests(db, viewerColleague(), { tab: "published", page: 1 })).total).toBe(0);

    expect(await publishRequest(db, csr(), req.id, "<p>更换光模块后恢复</p>")).toEqual({ ok: true, value: null });
    const seen = await getPortalRequest(db, viewerColleague(), req.id);
    expect(seen?.solutionHtml).toBe("<p>更换光模块后恢复</p>");
    expect(seen?.canReply).toBe(false);
    expect(seen?.canRate).toBe(false);
    expect(await memberMayReadAttachment(db, viewerColleague(), attachment)).toBe(true);
    expect(
      (await listPortalRequests(db, viewerColleague(), { tab: "published", page: 1 })).rows.map((r) => r.id),
    ).toEqual([req.id]);

    // Zone B's member: not even a published request of zone A, nor its files.
    expect(await getPortalRequest(db, viewerB(), req.id)).toBeNull();
    expect(await memberMayReadAttachment(db, viewerB(), attachment)).toBe(false);
    expect((await listPortalRequests(db, viewerB(), { tab: "published", page: 1 })).total).toBe(0);
    // A forged viewer with zone B's id but zone A's company (or vice versa) sees nothing either.
    expect(
      await getPortalRequest(
        db,
        { member: { id: s.b.admin.member.id }, zone: { id: s.b.zone.id, companyId: s.a.company.id } },
        req.id,
      ),
    ).toBeNull();

    expect(await publishRequest(db, csr(), req.id, "<p></p>")).toEqual({
      ok: false,
      errors: { solution: ["service.error.solutionRequired"] },
    });
  });

  it("a member reply while waiting for the customer moves it back to in progress and tells the CSR", async () => {
    const req = await createTestZoneRequest(db, s);
    await addStaffReply(db, csr(), req.id, { body: "请提供日志", internal: false, thenStatus: "waiting_customer" });
    await db.emailOutbox.deleteMany();
    const reply = await addMemberReply(db, { id: s.a.admin.member.id, nickname: s.a.admin.member.nickname }, req.id, {
      body: "日志见附件",
    });
    expect(reply.ok).toBe(true);
    expect((await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).status).toBe("in_progress");
    const mails = await db.emailOutbox.findMany();
    expect(mails.map((m) => m.toAddress)).toEqual([s.a.csr.staff.email]);
    // A colleague can't reply to someone else's request.
    const colleague = await addMemberReply(db, { id: s.colleague.member.id, nickname: "x" }, req.id, {
      body: "我也是",
    });
    expect(colleague.ok).toBe(false);
  });

  it("waiting for the customer pauses the resolution clock; the member's reply adds the pause to it", async () => {
    const req = await createTestZoneRequest(db, s);
    const created = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(created.resolutionDueAt!.getTime()).toBeGreaterThan(created.dueAt!.getTime());
    await addStaffReply(db, csr(), req.id, { body: "请提供日志", internal: false, thenStatus: "waiting_customer" });
    const waiting = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(waiting.pausedAt).not.toBeNull();
    // The customer took three hours to answer.
    await db.serviceRequest.update({
      where: { id: req.id },
      data: { pausedAt: new Date(Date.now() - 3 * 60 * 60_000) },
    });
    await addMemberReply(db, { id: s.a.admin.member.id, nickname: s.a.admin.member.nickname }, req.id, {
      body: "日志见附件",
    });
    const resumed = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(resumed.pausedAt).toBeNull();
    expect(resumed.pausedMinutes).toBeGreaterThanOrEqual(180);
    expect(resumed.pausedMinutes).toBeLessThan(182);
    // A staff status change out of waiting ends a pause the same way.
    await changeStatus(db, csr(), req.id, "waiting_customer");
    await db.serviceRequest.update({ where: { id: req.id }, data: { pausedAt: new Date(Date.now() - 60 * 60_000) } });
    await changeStatus(db, csr(), req.id, "resolved");
    const resolved = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(resolved.pausedAt).toBeNull();
    expect(resolved.pausedMinutes).toBeGreaterThanOrEqual(240);
  });
});

describe("status, rating and reopening", () => {
  it("follows the transition table and records each change", async () => {
    const req = await createTestZoneRequest(db, s);
    expect((await changeStatus(db, csr(), req.id, "accepted")).ok).toBe(true);
    expect((await changeStatus(db, csr(), req.id, "new")).ok).toBe(false);
    expect((await changeStatus(db, csr(), req.id, "resolved")).ok).toBe(true);
    expect((await changeStatus(db, csr(), req.id, "closed")).ok).toBe(true);
    expect(await changeStatus(db, csr(), req.id, "in_progress")).toEqual({
      ok: false,
      errors: { status: ["service.error.transition"] },
    });
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(row.firstResponseAt).not.toBeNull();
    expect(row.resolvedAt).not.toBeNull();
    expect(row.closedAt).not.toBeNull();
    const events = await db.serviceRequestEvent.findMany({ where: { requestId: req.id, type: "status" } });
    expect(events.map((e) => e.detail)).toEqual([
      { from: "new", to: "accepted" },
      { from: "accepted", to: "resolved" },
      { from: "resolved", to: "closed" },
    ]);
    expect(
      await db.emailOutbox.count({ where: { template: "service-request-reply", toAddress: s.a.admin.member.email } }),
    ).toBe(3);
  });

  it("only the requester rates, once, after resolution; rating a resolved request closes it", async () => {
    const req = await createTestZoneRequest(db, s);
    const member = { id: s.a.admin.member.id, nickname: s.a.admin.member.nickname };
    expect(await rateRequest(db, member, req.id, { rating: 5 })).toEqual({
      ok: false,
      errors: { rating: ["service.error.notResolved"] },
    });
    await changeStatus(db, csr(), req.id, "resolved");
    expect((await rateRequest(db, { id: s.colleague.member.id, nickname: "c" }, req.id, { rating: 5 })).ok).toBe(false);
    expect((await rateRequest(db, member, req.id, { rating: 6 })).ok).toBe(false);
    // Two tabs submit at once: exactly one rating counts.
    const both = await Promise.all([
      rateRequest(db, member, req.id, { rating: 4, comment: "快" }),
      rateRequest(db, member, req.id, { rating: 1, comment: "慢" }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(row.status).toBe("closed");
    expect([4, 1]).toContain(row.rating);
    expect(row.closedAt).not.toBeNull();
  });

  it("the requester may reopen within 7 days of closing, not after", async () => {
    const req = await createTestZoneRequest(db, s);
    const member = { id: s.a.admin.member.id, nickname: s.a.admin.member.nickname };
    await changeStatus(db, csr(), req.id, "closed");
    const closedAt = (await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } })).closedAt!;
    const late = new Date(closedAt.getTime() + 8 * 24 * 3600 * 1000);
    expect(await reopenRequest(db, member, req.id, "又出现了", late)).toEqual({
      ok: false,
      errors: { reopen: ["service.error.reopenWindow"] },
    });
    expect((await reopenRequest(db, { id: s.colleague.member.id, nickname: "c" }, req.id, "")).ok).toBe(false);
    expect(await reopenRequest(db, member, req.id, "又出现了")).toEqual({ ok: true, value: null });
    const row = await db.serviceRequest.findUniqueOrThrow({ where: { id: req.id } });
    expect(row).toMatchObject({ status: "in_progress", reopenCount: 1, closedAt: null });
  });
});

function actorOf(staffId: number, scope: "own" | "team" | "all", teamId: number | null = null) {
  return staffActorFor({ id: staffId, teamId }, { grants: { service: { browse: scope, modify: scope } } });
}
