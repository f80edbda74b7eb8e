import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { memberSessions } from "#app/modules/members/member-session.server.ts";
import { createTestContact } from "#tests/factories/member-admin.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { get, outcome, post, signedInStaff, statusOf, type Grant } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as layoutLoader } from "./member/member-layout.tsx";
import { action as linksAction, loader as linksLoader } from "./member/member-links.tsx";
import { action as moderationAction } from "./member/member-moderation.tsx";
import { loader as listLoader } from "./members-list.tsx";
import { action as settingsAction, loader as settingsLoader } from "./members-settings.tsx";

// The routes' own guards and input handling, called as React Router would (no HTTP server).

const cookieFor = async (options: { isAdmin?: boolean; grants?: Grant[] }) => (await signedInStaff(options)).cookie;

const browse = { module: "members" as const, action: "browse" as const, scope: "all" as const };
const modify = { module: "members" as const, action: "modify" as const, scope: "all" as const };

describe("member admin routes", () => {
  beforeEach(() => resetDatabase());

  it("a salesperson without the members module gets 403 on the list; browse-only staff see it", async () => {
    const sales = await cookieFor({ grants: [{ module: "leads", action: "browse", scope: "own" }] });
    expect(await statusOf(() => listLoader(get("/crm/members", sales)))).toBe(403);
    const viewer = await cookieFor({ grants: [browse] });
    const page = await listLoader(get("/crm/members?q=nobody", viewer));
    expect(page).toMatchObject({ total: { count: 0, capped: false }, canSettings: false });
  });

  it("browse-only staff get 403 for every action and nothing changes; the page reads without edit rights", async () => {
    const viewer = await cookieFor({ grants: [browse] });
    const { member } = await createTestMember(db);
    const session = await memberSessions.create(db, member.id);
    const params = { memberId: String(member.id) };
    const path = `/crm/members/${member.id}`;
    const attempts: Array<Record<string, string>> = [
      { intent: "suspend", reason: "发布广告" },
      { intent: "level", level: "customer" },
      { intent: "terminate", reason: "x", confirm: "on" },
    ];
    for (const fields of attempts) {
      expect(await statusOf(() => moderationAction(post(`${path}/moderation`, viewer, fields, params)))).toBe(403);
    }
    expect(await statusOf(() => linksAction(post(`${path}/links`, viewer, { intent: "unlink" }, params)))).toBe(403);
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      status: "active",
      level: "prospect",
    });
    expect(await memberSessions.validate(db, session.token)).not.toBeNull();

    const page = await layoutLoader(get(path, viewer, params));
    expect(page.capabilities).toMatchObject({ canModify: false, canLink: false, canModerate: false });
    expect(await linksLoader(get(`${path}/links`, viewer, params))).toMatchObject({ suggestions: null });
    expect(await statusOf(() => layoutLoader(get("/crm/members/0", viewer, { memberId: "0" })))).toBe(404);
    expect(await statusOf(() => layoutLoader(get("/crm/members/x", viewer, { memberId: "abc" })))).toBe(404);
  });

  it("a modifier suspends through the form: redirect, sessions gone; bad input is 400 and changes nothing", async () => {
    const manager = await cookieFor({ grants: [browse, modify] });
    const { member } = await createTestMember(db);
    const session = await memberSessions.create(db, member.id);
    const params = { memberId: String(member.id) };
    const path = `/crm/members/${member.id}/moderation`;
    const suspend = (fields: Record<string, string>) =>
      outcome(() => moderationAction(post(path, manager, { intent: "suspend", ...fields }, params)));

    expect(await suspend({ reason: "  " })).toMatchObject({
      status: 400,
      body: { intent: "suspend", fieldErrors: { reason: ["validation.required"] } },
    });
    expect(await suspend({ reason: "刷屏", until: "2026-02-31T10:00" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { until: ["validation.dateTime"] }, values: { reason: "刷屏" } },
    });
    expect(await suspend({ reason: "刷屏", until: "2020-01-01T10:00" })).toMatchObject({
      status: 400,
      body: { fieldErrors: { until: ["memberAdmin.error.until-in-past"] } },
    });
    expect(await statusOf(() => moderationAction(post(path, manager, { intent: "nonsense" }, params)))).toBe(400);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("active");

    expect(await suspend({ reason: "发布广告", until: "" })).toMatchObject({
      status: 302,
      location: `${path}?flash=flash.memberAdmin.suspended`,
    });
    expect(await memberSessions.validate(db, session.token)).toBeNull();
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("suspended");
    // Suspending again is refused: the state moved on.
    expect(await suspend({ reason: "再次暂停" })).toMatchObject({
      status: 409,
      body: { status: "conflict", message: "memberAdmin.error.invalid-state" },
    });
  });

  it("linking a contact another member holds answers 409 with the holder named", async () => {
    const manager = await cookieFor({ grants: [browse, modify] });
    const contact = await createTestContact(db);
    const { member: holder } = await createTestMember(db, { nickname: "先到的会员" });
    await db.member.update({ where: { id: holder.id }, data: { contactId: contact.id } });
    const { member } = await createTestMember(db);
    const params = { memberId: String(member.id) };
    const path = `/crm/members/${member.id}/links`;
    const result = await outcome(() =>
      linksAction(post(path, manager, { intent: "link", contactId: String(contact.id), company: "contact" }, params)),
    );
    expect(result).toMatchObject({
      status: 409,
      body: { intent: "link", message: "memberAdmin.error.contact-taken", details: { nickname: "先到的会员" } },
    });
    expect(await outcome(() => linksAction(post(path, manager, { intent: "link" }, params)))).toMatchObject({
      status: 400,
      body: { fieldErrors: { contactId: ["memberAdmin.validation.chooseContact"] } },
    });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).contactId).toBeNull();
  });

  it("settings need admin or modify with scope all", async () => {
    const team = await cookieFor({ grants: [browse, { ...modify, scope: "team" }] });
    expect(await statusOf(() => settingsLoader(get("/crm/members/settings", team)))).toBe(403);
    expect(
      await statusOf(() =>
        settingsAction(post("/crm/members/settings", team, { intent: "save", requireRealNameVerification: "on" })),
      ),
    ).toBe(403);
    const admin = await cookieFor({ isAdmin: true });
    const saved = await settingsAction(
      post("/crm/members/settings", admin, { intent: "save", requireRealNameVerification: "on" }),
    );
    expect((saved as Response).headers.get("Location")).toBe(
      "/crm/members/settings?flash=flash.memberAdmin.settingsSaved",
    );
    expect((await db.setting.findUniqueOrThrow({ where: { key: "members.requireRealNameVerification" } })).value).toBe(
      true,
    );
    expect(await db.auditLog.count({ where: { action: "setting.updated" } })).toBe(1);
  });
});
