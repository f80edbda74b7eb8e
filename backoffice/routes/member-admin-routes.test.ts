import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { memberSessions } from "#app/modules/members/member-session.server.ts";
import { createTestContact } from "#tests/factories/member-admin.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { get, post, signedInStaff, statusOf, type Grant } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { action as detailAction, loader as detailLoader } from "./member-detail.tsx";
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
    const page = (await listLoader(get("/crm/members?q=nobody", viewer))) as { total: number; canSettings: boolean };
    expect(page).toMatchObject({ total: 0, canSettings: false });
  });

  it("browse-only staff get 403 for every action and nothing changes", async () => {
    const viewer = await cookieFor({ grants: [browse] });
    const { member } = await createTestMember(db);
    const session = await memberSessions.create(db, member.id);
    const params = { memberId: String(member.id) };
    const attempts: Array<Record<string, string>> = [
      { intent: "suspend", reason: "发布广告" },
      { intent: "level", level: "customer" },
      { intent: "terminate", reason: "x", confirm: "yes" },
    ];
    for (const fields of attempts) {
      expect(await statusOf(() => detailAction(post(`/crm/members/${member.id}`, viewer, fields, params)))).toBe(403);
    }
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      status: "active",
      level: "prospect",
    });
    expect(await memberSessions.validate(db, session.token)).not.toBeNull();
    // The page itself is readable, without the action panels' data.
    const page = (await detailLoader({ ...get(`/crm/members/${member.id}`, viewer), params })) as {
      canModify: boolean;
      suggestions: unknown;
    };
    expect(page).toMatchObject({ canModify: false, suggestions: null });
  });

  it("a modifier suspends through the form: redirect, sessions gone; bad input is 400 and changes nothing", async () => {
    const manager = await cookieFor({ grants: [browse, modify] });
    const { member } = await createTestMember(db);
    const session = await memberSessions.create(db, member.id);
    const params = { memberId: String(member.id) };
    const path = `/crm/members/${member.id}`;

    const missingReason = await detailAction(post(path, manager, { intent: "suspend", reason: "  " }, params));
    expect(missingReason).toMatchObject({
      init: { status: 400 },
      data: { fieldErrors: { reason: "validation.required" } },
    });
    const badDate = await detailAction(
      post(path, manager, { intent: "suspend", reason: "刷屏", until: "2026-02-31T10:00" }, params),
    );
    expect(badDate).toMatchObject({ data: { fieldErrors: { until: "memberAdmin.validation.dateTime" } } });
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("active");

    const done = await detailAction(post(path, manager, { intent: "suspend", reason: "发布广告", until: "" }, params));
    expect(done).toBeInstanceOf(Response);
    expect((done as Response).headers.get("Location")).toBe(`${path}?done=suspended`);
    expect(await memberSessions.validate(db, session.token)).toBeNull();
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).status).toBe("suspended");
  });

  it("linking a contact another member holds answers 409 with the holder named", async () => {
    const manager = await cookieFor({ grants: [browse, modify] });
    const contact = await createTestContact(db);
    const { member: holder } = await createTestMember(db, { nickname: "先到的会员" });
    await db.member.update({ where: { id: holder.id }, data: { contactId: contact.id } });
    const { member } = await createTestMember(db);
    const result = await detailAction(
      post(
        `/crm/members/${member.id}`,
        manager,
        { intent: "link", contactId: String(contact.id), company: "contact" },
        {
          memberId: String(member.id),
        },
      ),
    );
    expect(result).toMatchObject({
      init: { status: 409 },
      data: { error: { code: "contact-taken", details: { nickname: "先到的会员" } } },
    });
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
    expect((saved as Response).headers.get("Location")).toBe("/crm/members/settings?saved=1");
    expect((await db.setting.findUniqueOrThrow({ where: { key: "members.requireRealNameVerification" } })).value).toBe(
      true,
    );
    expect(await db.auditLog.count({ where: { action: "setting.updated" } })).toBe(1);
  });
});
