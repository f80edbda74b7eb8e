import path from "node:path";
import { route } from "@react-router/dev/routes";
import { data, type LoaderFunctionArgs } from "react-router";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import routes from "#app/routes.ts";
import { createTestLead, createTestCategory, createTestCampaign } from "#tests/factories/lead-inbox.ts";
import { createTestArticle } from "#tests/factories/knowledge.ts";
import { createTestDistributionRule } from "#tests/factories/distribution.ts";
import { createTestTokenGroup } from "#tests/factories/rules.ts";
import { createSalesOpportunity } from "#tests/factories/sales.ts";
import { createServiceScenario, createTestZoneRequest } from "#tests/factories/service.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import {
  checkClassification,
  flattenRoutes,
  openSnapshotter,
  probeRoute,
  type Classification,
  type ProbeWorld,
  type RouteModule,
} from "#tests/guard-matrix.ts";
import { memberCookieFor, staffCookie } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";

// Every route in app/routes.ts, classified: who may call it, and what everyone else gets (decision 023).
// A new route fails this test until it is classified here, and fails again if it is not guarded.

const staff = (grantless?: Extract<Classification, { kind: "staff" }>["grantless"]): Classification => ({
  kind: "staff",
  grantless,
});
const pub = (reason: string): Classification => ({ kind: "public", reason });
const zone = (record: boolean, query?: string): Classification => ({ kind: "zone", record, query });
const MEMBER: Classification = { kind: "member" };

/**
 * The allow-list: back-office routes a signed-in staff member without any grant may use. Each shows
 * only what belongs to the caller or what their grants reveal, so it needs no module permission.
 */
const SIGNED_IN = {
  shell: { status: 200, reason: "the shell: navigation filtered by grants, the user menu" },
  dashboard: { status: 200, reason: "each widget shows only what the caller's grants reveal" },
  notifications: { status: 200, reason: "the caller's own bell notifications" },
  notificationsAction: { status: 400, reason: "marks the caller's own notifications read (an unknown intent: 400)" },
  search: { status: 200, reason: "global search: results per module the caller may browse, none without grants" },
  regions: { status: 200, reason: "administrative divisions (public reference data) for the region picker" },
  campaigns: { status: 200, reason: "campaign owners and participants see their campaigns without a role grant" },
  campaign: { status: 404, reason: "participant access is a service rule: not a participant, so not found" },
  listViews: { status: 302, reason: "the caller's own saved views and column choices (GET goes back to the list)" },
  listViewsAction: { status: 400, reason: "changes only the caller's own saved views (an unknown intent: 400)" },
  ownAway: { status: 200, reason: "the caller's own away status (user menu)" },
  ownAwayAction: { status: 400, reason: "sets only the caller's own away status (an unknown intent: 400)" },
  approvals: { status: 200, reason: "待我审核: only requests whose current step names the caller" },
  approvalsAction: { status: 400, reason: "a vote is checked against the request's step (an unknown intent: 400)" },
  companyLogo: { status: 404, reason: "the company logo for the shell's header (none uploaded: 404)" },
  handedThread: { status: 404, reason: "a handed-over forum thread: only with a lead from it in the caller's scope" },
} as const;

/** A campaign change by someone who is neither owner nor participant: the service rule answers 404. */
const campaignAction = (form: Record<string, string>) => ({ ...SIGNED_IN.campaign, form });

const CLASSIFICATION: Record<string, Classification> = {
  healthz: pub("liveness probe: the process answers, no data"),
  readyz: pub("load balancer readiness probe: database, index and worker state, no data"),
  locale: pub("sets the language cookie"),
  "api/v1/leads": pub("web-to-CRM intake: authenticated by a channel key (401 without)"),
  "api/v1/openapi": pub("the intake API's description"),
  portal: pub("the portal shell: optional member"),
  "portal/home": pub("portal home"),
  "portal/knowledge": pub("knowledge base: each article's visibility decides, visitors see public ones"),
  "portal/forum": pub("training classrooms: the level rule in the query decides which are listed"),
  "portal/forum-similar": pub("similar question titles while typing: visible, not hidden threads only"),
  "portal/forum-search": pub("forum search: classrooms the reader may open, never hidden/held/deleted posts"),
  "portal/forum-post-file": pub("a post's file: served only where its post is visible to the reader (404 otherwise)"),
  "portal/forum-cover": pub("a classroom's cover image: for whoever may open the classroom (404 otherwise)"),
  "portal/forum-classroom": pub(
    "a classroom's threads: its level decides (404 otherwise), hidden ones only for author/moderators",
  ),
  "portal/forum-thread": pub("a thread: visible per level and hidden rules (404 otherwise); actions need a member"),
  "portal/forum-alerts": pub("the member's forum bell: visitors are sent to sign in"),
  "portal/forum-queue": pub("member moderators' queue: visitors sign in, others 404; only their classrooms' posts"),
  "portal/forum-unsubscribe": pub("one-click unsubscribe (RFC 8058): the signed token is the credential, bad ones 404"),
  "portal/forum-new": pub("ask a question: visitors are sent to sign in, the classroom's level decides (404)"),
  "portal/course": pub("courseware outline: the classroom's level decides (404 otherwise); titles and summaries only"),
  "portal/course-lesson": pub("a lesson: the classroom's level decides (404); the body only for signed-in members"),
  "portal/course-lesson-file": pub("a lesson's file: only for viewers who may expand the lesson, 404 otherwise"),
  "portal/requirements": pub("online requirement form (anonymous intake)"),
  "portal/order": pub("product order form (anonymous intake)"),
  "portal/products": pub("product catalog: the viewer's member level decides which products are listed"),
  "portal/product": pub("a product page: hidden from the viewer's level or inactive → 404; adding only sets a cookie"),
  "portal/product-image": pub("a product picture: only through a product the viewer's level may see (404 otherwise)"),
  "portal/order-pdf": pub("the basket as a PDF: the viewer's own basket and prices, no side effects"),
  "portal/guest-registration": pub("guest registration form (anonymous intake)"),
  "portal/knowledge-article": pub("one article: its visibility decides, 404 otherwise"),
  "portal/knowledge-file": pub("an article's file: the article's visibility decides, 404 otherwise"),
  "portal/login": pub("member sign-in"),
  "portal/register": pub("member registration"),
  "portal/policy": pub("privacy policy and terms of use, read before registering"),
  "portal/activate": pub("activation link from the e-mail"),
  "portal/activate-resend": pub("resend the activation e-mail (enumeration-safe)"),
  "portal/forgot-password": pub("password reset request (enumeration-safe)"),
  "portal/reset-password": pub("password reset link from the e-mail"),
  "portal/logout": pub("ends the caller's own session, if any"),
  "portal/goodbye": pub("where deregistration ends: the member is already signed out"),
  "portal/zone": zone(false),
  "portal/zone-join": zone(false),
  "portal/zone-members": zone(false),
  "portal/zone-assets": zone(false),
  "portal/zone-asset": zone(true),
  "portal/zone-contracts": zone(false),
  "portal/zone-contract": zone(true),
  "portal/zone-requests": zone(false),
  "portal/zone-request-new": zone(false),
  "portal/zone-request": zone(true),
  "portal/zone-file": zone(true),
  "portal/zone-search": zone(false, `q=${encodeURIComponent("故障单")}`),
  "portal/zone-polls": zone(false),
  "portal/zone-quotes": zone(false),
  "portal/zone-quote": zone(true),
  "portal/zone-quote-pdf": zone(true),
  "portal/zone-sales-contracts": zone(false),
  "portal/zone-sales-contract": zone(true),
  "portal/zone-proposals": zone(false),
  "portal/zone-proposal": zone(true),
  "portal/zone-proposal-pdf": zone(true),
  "portal/account": MEMBER,
  "portal/account-overview": MEMBER,
  "portal/account-profile": MEMBER,
  "portal/account-security": MEMBER,
  "portal/account-email-confirm": MEMBER,
  "portal/account-deregister": MEMBER,
  "portal/account-orders": MEMBER,
  "portal/account-order-pdf": MEMBER,
  "portal/account-forum": MEMBER,
  "portal/account-messages": MEMBER,
  "portal/account-message-new": MEMBER,
  "portal/account-message-thread": MEMBER,
  "crm/login": pub("staff sign-in"),
  "crm/logout": pub("ends the caller's own session, if any"),
  "crm/set-password": pub("staff invitation / reset link: the single-use, expiring link is the credential"),
  crm: staff({ loader: SIGNED_IN.shell }),
  "crm/dashboard": staff({ loader: SIGNED_IN.dashboard }),
  "crm/dev-mail": staff(),
  "crm/dev-mail-message": staff(),
  "crm/members": staff(),
  "crm/members-settings": staff(),
  "crm/member-detail": staff(),
  "crm/member-profile": staff(),
  "crm/member-links": staff(),
  "crm/member-moderation": staff(),
  "crm/member-audit": staff(),
  "crm/member-forum": staff(),
  "crm/messages": staff(),
  "crm/message-thread": staff(),
  "crm/notifications": staff({ loader: SIGNED_IN.notifications, action: SIGNED_IN.notificationsAction }),
  "crm/leads": staff(),
  "crm/lead-new": staff(),
  "crm/lead-detail": staff(),
  "crm/lead-overview": staff(),
  "crm/lead-work": staff(),
  "crm/lead-follow-up": staff(),
  "crm/lead-history": staff(),
  "crm/rules-categories": staff(),
  "crm/rules-category-detail": staff(),
  "crm/rules-token-groups": staff(),
  "crm/rules-token-group-detail": staff(),
  "crm/lead-batch": staff(),
  "crm/lead-convert": staff(),
  "crm/rules-distribution": staff(),
  "crm/rules-distribution-detail": staff(),
  "crm/opportunities": staff(),
  "crm/opportunity-detail": staff(),
  "crm/opportunity-new": staff(),
  "crm/opportunities-board": staff(),
  "crm/opportunity-overview": staff(),
  "crm/opportunity-items": staff(),
  "crm/opportunity-team": staff(),
  "crm/opportunity-competitors": staff(),
  "crm/opportunity-sub-projects": staff(),
  "crm/opportunity-history": staff(),
  "crm/opportunity-work": staff(),
  "crm/sales-orders": staff(),
  "crm/sales-order": staff(),
  "crm/sales-order-lines": staff(),
  "crm/sales-order-fulfilment": staff(),
  "crm/sales-order-assets": staff(),
  "crm/sales-order-history": staff(),
  "crm/campaigns": staff({ loader: SIGNED_IN.campaigns }),
  "crm/campaign-detail": staff({ loader: SIGNED_IN.campaign }),
  "crm/campaign-overview": staff({
    loader: SIGNED_IN.campaign,
    action: campaignAction({ intent: "update", name: "改名" }),
  }),
  "crm/campaign-participants": staff({
    loader: SIGNED_IN.campaign,
    action: campaignAction({ intent: "participant-remove", staffId: "1" }),
  }),
  "crm/campaign-activity": staff({
    loader: SIGNED_IN.campaign,
    action: campaignAction({ intent: "note", body: "跟进" }),
  }),
  "crm/campaign-ledger": staff({
    loader: SIGNED_IN.campaign,
    action: campaignAction({ intent: "expense", amount: "100", spentOn: "2026-01-05", item: "展位" }),
  }),
  "crm/contact-match": staff(),
  "crm/contacts": staff(),
  "crm/contact-new": staff(),
  "crm/contact-detail": staff(),
  "crm/contact-overview": staff(),
  "crm/contact-company": staff(),
  "crm/contact-org": staff(),
  "crm/contact-leads": staff(),
  "crm/contact-opportunities": staff(),
  "crm/contact-service": staff(),
  "crm/contact-assets": staff(),
  "crm/contact-member": staff(),
  "crm/contact-activity": staff(),
  "crm/contact-attachments": staff(),
  "crm/companies": staff(),
  "crm/company-new": staff(),
  "crm/company-detail": staff(),
  "crm/company-overview": staff(),
  "crm/company-contacts": staff(),
  "crm/company-organisation": staff(),
  "crm/company-leads": staff(),
  "crm/company-opportunities": staff(),
  "crm/company-requests": staff(),
  "crm/company-assets": staff(),
  "crm/company-contracts": staff(),
  "crm/company-zone": staff(),
  "crm/company-activity": staff(),
  "crm/company-attachments": staff(),
  "crm/company-file": staff(),
  "crm/recycle-bin": staff(),
  "crm/duplicates": staff(),
  "crm/merge": staff(),
  "crm/record-actions": staff(),
  "crm/access-requests": staff(),
  "crm/access-requests-new": staff(),
  "crm/api-regions": { kind: "staff", json: true, grantless: { loader: SIGNED_IN.regions } },
  "crm/api-contacts-match": { kind: "staff", json: true },
  "crm/search": staff({ loader: SIGNED_IN.search }),
  "crm/api-search": { kind: "staff", json: true, grantless: { loader: SIGNED_IN.search } },
  "crm/list-views": staff({ loader: SIGNED_IN.listViews, action: SIGNED_IN.listViewsAction }),
  "crm/zones": staff(),
  "crm/zone-detail": staff(),
  "crm/zone-polls": staff(),
  "crm/assets": staff(),
  "crm/asset-detail": staff(),
  "crm/service-contracts": staff(),
  "crm/service-contract-detail": staff(),
  "crm/service": staff(),
  "crm/service-request-new": staff(),
  "crm/service-satisfaction": staff(),
  "crm/service-request-detail": staff(),
  "crm/file-download": staff(),
  "crm/knowledge": staff(),
  "crm/forum": staff(),
  "crm/forum-queue": staff(),
  "crm/forum-settings": staff(),
  "crm/forum-classroom": staff(),
  "crm/forum-classroom-cover": staff(),
  "crm/forum-thread": staff(),
  "crm/forum-handed": staff({ loader: SIGNED_IN.handedThread }),
  "crm/courseware": staff(),
  "crm/courseware-course": staff(),
  "crm/courseware-lesson": staff(),
  "crm/knowledge-new": staff(),
  "crm/knowledge-detail": staff(),
  "crm/knowledge-synonyms": staff(),
  "crm/admin-roles": staff(),
  "crm/admin-role-overrides": staff(),
  "crm/admin-role-conflicts": staff(),
  "crm/admin-role-detail": staff(),
  "crm/admin-audit": staff(),
  "crm/admin-audit-export": staff(),
  "crm/admin": staff(),
  "crm/admin-staff": staff(),
  "crm/admin-staff-invite": staff(),
  "crm/admin-staff-detail": staff(),
  "crm/admin-staff-handover": staff(),
  "crm/admin-handovers": staff(),
  "crm/admin-handover-run": staff(),
  "crm/admin-teams": staff(),
  "crm/admin-team-detail": staff(),
  "crm/me-away": staff({ loader: SIGNED_IN.ownAway, action: SIGNED_IN.ownAwayAction }),
  "crm/approvals": staff({ loader: SIGNED_IN.approvals, action: SIGNED_IN.approvalsAction }),
  "crm/admin-approvals": staff(),
  "crm/admin-tables": staff(),
  "crm/admin-sales-methods": staff(),
  "crm/admin-numbers": staff(),
  "crm/admin-company": staff(),
  "crm/admin-company-logo": staff({ loader: SIGNED_IN.companyLogo }),
  "crm/products": staff(),
  "crm/product-new": staff(),
  "crm/product-edit": staff(),
  "crm/product-detail": staff(),
  "crm/product-overview": staff(),
  "crm/product-competition": staff(),
  "crm/product-images": staff(),
  "crm/product-image-file": staff(),
  "crm/price-schemes": staff(),
  "crm/price-scheme-new": staff(),
  "crm/price-scheme": staff(),
  "crm/price-scheme-edit": staff(),
  "crm/quotes": staff(),
  "crm/quote-new": staff(),
  "crm/quote-library": staff(),
  "crm/quote": staff(),
  "crm/quote-pdf": staff(),
  "crm/contracts": staff(),
  "crm/contract-new": staff(),
  "crm/contract-pdf": staff(),
  "crm/contract": staff(),
  "crm/contract-overview": staff(),
  "crm/contract-lines": staff(),
  "crm/contract-plan": staff(),
  "crm/contract-document": staff(),
  "crm/contract-templates": staff(),
  "crm/contract-template": staff(),
  "crm/proposals": staff(),
  "crm/proposal": staff(),
  "crm/proposal-pdf": staff(),
  "crm/module": staff(),
  "not-found": pub("the 404 page"),
};

const APP_DIR = path.resolve(import.meta.dirname);
const ENTRIES = flattenRoutes(routes, APP_DIR);

let world: ProbeWorld;
let snapshotter: Awaited<ReturnType<typeof openSnapshotter>>;

/** One record of every kind a route param names, owned by staff other than the grantless caller. */
async function seedWorld(): Promise<ProbeWorld> {
  const { staff: admin, role: adminRole } = await createTestStaff(db, { isAdmin: true });
  const { staff: grantless } = await createTestStaff(db, { grants: [] });
  const campaign = await createTestCampaign(db, admin.id);
  const category = await createTestCategory(db, { designatedStaffId: admin.id, campaignId: campaign.id });
  const lead = await createTestLead(db, { ownerId: admin.id, categoryId: category.id, campaignId: campaign.id });
  const group = await createTestTokenGroup(db, [{ staffId: admin.id }]);
  const rule = await createTestDistributionRule(db, { region: "北京" });
  const batch = await db.leadBatch.create({
    data: {
      kind: "transfer",
      params: { kind: "transfer", toStaffId: admin.id, toName: admin.name },
      createdById: admin.id,
    },
  });
  const opportunity = await createSalesOpportunity(db, { ownerId: admin.id, campaignId: campaign.id });
  const article = await createTestArticle(db, { status: "published", visibility: "public" });
  const mail = await db.emailOutbox.create({
    data: { toAddress: "someone@test.relay", subject: "测试邮件", html: "<p>x</p>", text: "x", template: "test" },
  });

  const s = await createServiceScenario(db);
  const request = await createTestZoneRequest(db, s, { subject: "甲方专属故障单" });
  // Published to zone A, so zone A's search finds it and zone B's must not.
  await db.serviceRequest.update({ where: { id: request.id }, data: { publishedAt: new Date() } });
  const attachment = await db.attachment.create({
    data: {
      ownerType: "service_request",
      ownerId: request.id,
      fileName: "甲方现场照片.png",
      mimeType: "image/png",
      size: 1,
      sha256: "0".repeat(64),
      storageKey: `guard-matrix-${Date.now()}`,
    },
  });
  const member = s.a.admin.member;
  const thread = await db.messageThread.create({
    data: { memberId: member.id, subject: "甲方咨询", staffUnreadCount: 1 },
  });
  const contract = await db.serviceContract.findFirstOrThrow({ where: { companyId: s.a.company.id } });
  const contact = await db.contact.create({
    data: { number: "CONT-GUARD-1", familyName: "甲", fullName: "甲方联系人", ownerId: admin.id },
  });
  // A quote published to zone A: zone B's member must not see it, staff need the opportunities grant.
  const quote = await db.quote.create({
    data: {
      number: "QUOTGUARD1",
      currentKey: "QUOTGUARD1",
      title: "甲方报价",
      companyId: s.a.company.id,
      ownerId: admin.id,
      createdById: admin.id,
      validUntil: new Date("2099-01-01T00:00:00Z"),
      terms: "",
      status: "sent",
      publishedAt: new Date(),
    },
  });

  return {
    params: {
      leadId: String(lead.id),
      memberId: String(member.id),
      threadId: String(thread.id),
      categoryId: String(category.id),
      groupId: String(group.id),
      ruleId: String(rule.id),
      batchId: String(batch.id),
      opportunityId: String(opportunity.id),
      quoteId: String(quote.id),
      contactId: String(contact.id),
      companyId: String(s.a.company.id),
      campaignId: String(campaign.id),
      zoneId: String(s.a.zone.id),
      assetId: String(s.asset.id),
      contractId: String(s.contract.id),
      requestId: String(request.id),
      attachmentId: String(attachment.id),
      articleId: String(article.id),
      id: String(mail.id),
      roleId: String(adminRole.id),
      staffId: String(admin.id),
      teamId: String((await db.team.create({ data: { name: `守卫团队${Date.now()}` } })).id),
      runId: String(
        (
          await db.handOverRun.create({
            data: {
              fromStaffId: grantless.id,
              toStaffId: admin.id,
              split: {},
              before: {},
              moved: {},
              createdById: admin.id,
            },
          })
        ).id,
      ),
      token: "guard.probe",
      module: "reports",
      ledger: "expenses",
    },
    grantlessStaff: await staffCookie(grantless.id),
    otherZoneMember: await memberCookieFor(s.b.admin.member.id),
    zoneAMarkers: [s.a.company.name, "核心交换机", contract.name, "甲方专属故障单", "甲方现场照片"],
    snapshot: () => snapshotter.snapshot(),
  };
}

beforeAll(async () => {
  await resetDatabase();
  snapshotter = await openSnapshotter(process.env.DATABASE_URL ?? "");
  world = await seedWorld();
});

afterAll(async () => {
  await snapshotter?.close();
});

describe("guard matrix over app/routes.ts", () => {
  it("classifies every route, as what its URL says it is", () => {
    expect(ENTRIES.length).toBeGreaterThan(90);
    expect(new Set(ENTRIES.map((e) => e.id)).size).toBe(ENTRIES.length);
    expect(checkClassification(ENTRIES, CLASSIFICATION)).toEqual([]);
  });

  it.each(ENTRIES.map((e) => [e.id, e] as const))("%s", async (_id, entry) => {
    const c = CLASSIFICATION[entry.id];
    if (!c) return; // reported by the classification test
    const mod = (await import(/* @vite-ignore */ entry.file)) as RouteModule;
    expect(await probeRoute(entry, mod, c, world)).toEqual([]);
  });
});

describe("the matrix catches a new route", () => {
  const fakeConfig = [
    ...routes,
    route("crm/reports/export", "../backoffice/routes/reports-export.tsx", { id: "crm/reports-export" }),
  ];

  it("fails an unclassified route", () => {
    const problems = checkClassification(flattenRoutes(fakeConfig, APP_DIR), CLASSIFICATION);
    expect(problems).toEqual([expect.stringContaining("crm/reports-export (/crm/reports/export) is not classified")]);
  });

  it("fails a back-office route passed off as public", () => {
    const problems = checkClassification(flattenRoutes(fakeConfig, APP_DIR), {
      ...CLASSIFICATION,
      "crm/reports-export": pub("it is only a report"),
    });
    expect(problems).toEqual([expect.stringContaining("is classified public, its URL says staff")]);
  });

  it("fails an unguarded loader and action, and notices the write", async () => {
    const entry = flattenRoutes(fakeConfig, APP_DIR).find((e) => e.id === "crm/reports-export")!;
    const unguarded: RouteModule = {
      loader: async () => ({ rows: await db.lead.count() }),
      action: async () => {
        await db.team.create({ data: { name: `导出${Date.now()}` } });
        return { ok: true };
      },
    };
    const problems = await probeRoute(entry, unguarded, staff(), world);
    expect(problems).toEqual([
      expect.stringMatching(/GET \/crm\/reports\/export anonymous: expected a redirect to \/crm\/login, got 200/),
      expect.stringMatching(/GET \/crm\/reports\/export without grants: expected 403, got 200/),
      expect.stringMatching(/POST \/crm\/reports\/export anonymous: expected a redirect to \/crm\/login, got 200/),
      expect.stringMatching(/POST \/crm\/reports\/export without grants: expected 403, got 200/),
      expect.stringMatching(/POST \/crm\/reports\/export: a refused request changed the database/),
    ]);
  });

  it("fails a route that looks its record up before the guard answers", async () => {
    const config = [...routes, route("crm/reports/:leadId", "../backoffice/routes/report.tsx", { id: "crm/report" })];
    const entry = flattenRoutes(config, APP_DIR).find((e) => e.id === "crm/report")!;
    const lookupFirst: RouteModule = {
      loader: async ({ request, params }: LoaderFunctionArgs) => {
        const lead = await db.lead.findUnique({ where: { id: Number(params.leadId) } });
        if (!lead) throw data(null, { status: 404 });
        await requireStaffActor(request, { module: "reports", action: "browse" });
        return { lead };
      },
    };
    const problems = await probeRoute(entry, lookupFirst, staff(), world);
    expect(problems).toEqual([
      expect.stringMatching(
        /GET \/crm\/reports\/2147483646 anonymous \(missing id\): the route looked up first, got 404/,
      ),
      expect.stringMatching(/GET \/crm\/reports\/2147483646 without grants \(missing id\): expected 403, got 404/),
    ]);
  });

  it("fails a zone record route that looks the record up without the caller's zone", async () => {
    const entry = ENTRIES.find((e) => e.id === "portal/zone-asset")!;
    const leaky: RouteModule = {
      loader: async () => ({ asset: await db.asset.findUnique({ where: { id: Number(world.params.assetId) } }) }),
    };
    const problems = await probeRoute(entry, leaky, zone(true), world);
    expect(problems).toContainEqual(
      expect.stringMatching(/anonymous: expected \/login\?redirectTo=%2Fzone%2Fassets%2F\d+, got 200/),
    );
    expect(problems).toContainEqual(expect.stringMatching(/as a member of another zone: expected 404, got 200/));
  });
});
