import type { ActionFunctionArgs, LoaderFunctionArgs } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { serializeStaffCookie } from "#app/modules/auth/staff-cookie.server.ts";
import { createStaffSession } from "#app/modules/auth/staff-session.server.ts";
import { memberCookie, memberSessions } from "#app/modules/members/member-session.server.ts";
import { createKnowledgeStaff, createTestArticle, createTestPoll } from "#tests/factories/knowledge.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestZone, createZoneMember } from "#tests/factories/zones.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loader as articleLoader } from "./knowledge-article.tsx";
import { loader as fileLoader } from "./knowledge-file.ts";
import { loader as listLoader } from "./knowledge.tsx";
import { action as pollAction, loader as pollLoader } from "./zone-polls.tsx";

// The portal knowledge and poll routes called as React Router would, with real session cookies.

async function memberCookieFor(memberId: number): Promise<string> {
  const { token, session } = await memberSessions.create(db, memberId);
  return memberCookie.serialize(token, session.expiresAt).split(";")[0]!;
}

async function staffCookieFor(staffId: number): Promise<string> {
  const { token, session } = await createStaffSession(db, staffId);
  return serializeStaffCookie(token, session.expiresAt).split(";")[0]!;
}

function get(path: string, cookie: string | null, params: Record<string, string> = {}): LoaderFunctionArgs {
  const headers = cookie ? { Cookie: cookie } : undefined;
  return { request: new Request(`http://localhost${path}`, { headers }), params, context: {} } as LoaderFunctionArgs;
}

function post(path: string, cookie: string, fields: Record<string, string>): ActionFunctionArgs {
  const request = new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return { request, params: {}, context: {} } as unknown as ActionFunctionArgs;
}

async function statusOf(run: () => Promise<unknown>): Promise<number> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status;
    if (result && typeof result === "object" && "init" in result) {
      return (result as { init?: { status?: number } }).init?.status ?? 200;
    }
    return 200;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    if (thrown && typeof thrown === "object" && "init" in thrown) {
      return (thrown as { init?: { status?: number } }).init?.status ?? 500;
    }
    throw thrown;
  }
}

type Label = "public" | "members" | "customers" | "internal" | "draft";

describe("portal knowledge routes", () => {
  beforeEach(() => resetDatabase());

  it("answers 404 (401 for a visitor on a members' solution) for what the viewer may not see, 200 for the rest", async () => {
    const ids: Record<Label, number> = {
      public: (await createTestArticle(db, { visibility: "public" })).id,
      members: (await createTestArticle(db, { visibility: "members" })).id,
      customers: (await createTestArticle(db, { visibility: "customers" })).id,
      internal: (await createTestArticle(db, { visibility: "internal" })).id,
      draft: (await createTestArticle(db, { visibility: "public", status: "draft" })).id,
    };
    const prospect = (await createTestMember(db, { level: "prospect" })).member;
    const customer = (await createTestMember(db, { level: "customer" })).member;
    const { company, zone } = await createTestZone(db);
    const zoneMember = (await createZoneMember(db, company.id, { zoneId: zone.id })).member;
    await db.member.update({ where: { id: zoneMember.id }, data: { level: "prospect" } });
    const csr = await createKnowledgeStaff(db, { browse: "all" });
    const salesWithoutKnowledge = (await createKnowledgeStaff(db, {})).staff;

    const viewers: Array<[string, string | null, Label[]]> = [
      ["visitor", null, ["public"]],
      ["prospect", await memberCookieFor(prospect.id), ["public", "members"]],
      ["customer", await memberCookieFor(customer.id), ["public", "members", "customers"]],
      ["zone member", await memberCookieFor(zoneMember.id), ["public", "members", "customers"]],
      ["staff", await staffCookieFor(csr.staff.id), ["public", "members", "customers", "internal", "draft"]],
      ["staff without grant", await staffCookieFor(salesWithoutKnowledge.id), ["public"]],
    ];
    for (const [name, cookie, allowed] of viewers) {
      for (const [label, id] of Object.entries(ids) as Array<[Label, number]>) {
        const status = await statusOf(() => articleLoader(get(`/knowledge/${id}`, cookie, { articleId: String(id) })));
        // A visitor is asked to sign in (401) for members' and customers' solutions (#14 item 5).
        const signIn = allowed.length === 1 && (label === "members" || label === "customers");
        const expected = allowed.includes(label) ? 200 : signIn ? 401 : 404;
        expect({ name, label, status }).toEqual({ name, label, status: expected });
      }
      const list = (await listLoader(get("/knowledge", cookie))) as { result: { items: Array<{ id: number }> } };
      const listed = list.result.items.map((i) => i.id).sort((a, b) => a - b);
      expect({ name, listed }).toEqual({ name, listed: allowed.map((l) => ids[l]).sort((a, b) => a - b) });
    }
    expect(await statusOf(() => articleLoader(get("/knowledge/abc", null, { articleId: "abc" })))).toBe(404);
    expect(await statusOf(() => articleLoader(get("/knowledge/999999", null, { articleId: "999999" })))).toBe(404);
  }, 60_000);

  it("serves a solution's attachment only to readers of that solution, and only through that solution", async () => {
    const pub = await createTestArticle(db, { visibility: "public" });
    const internal = await createTestArticle(db, { visibility: "internal" });
    const attachment = await db.attachment.create({
      data: {
        ownerType: "knowledge_article",
        ownerId: internal.id,
        fileName: "内部.pdf",
        mimeType: "application/pdf",
        size: 10,
        sha256: "0".repeat(64),
        storageKey: "a".repeat(32),
      },
    });
    const params = { articleId: String(internal.id), attachmentId: String(attachment.id) };
    expect(await statusOf(() => fileLoader(get("/", null, params)))).toBe(404);
    // Reached through a public article it still is not that article's file.
    expect(
      await statusOf(() =>
        fileLoader(get("/", null, { articleId: String(pub.id), attachmentId: String(attachment.id) })),
      ),
    ).toBe(404);
  });

  it("zone polls: members vote once over HTTP; members of no zone get 403", async () => {
    const { zone, admin } = await createTestZone(db);
    const poll = await createTestPoll(db, zone.id);
    const cookie = await memberCookieFor(admin.member.id);
    const vote = (optionId: number) =>
      pollAction(post("/zone/polls", cookie, { pollId: String(poll.id), optionId: String(optionId) }));
    expect(await statusOf(() => vote(poll.options[0]!.id))).toBe(200);
    expect(await statusOf(() => vote(poll.options[1]!.id))).toBe(409);
    const page = (await pollLoader(get("/zone/polls", cookie))) as { polls: Array<{ myOptionId: number | null }> };
    expect(page.polls[0]!.myOptionId).toBe(poll.options[0]!.id);

    const outsider = (await createTestMember(db, { level: "customer" })).member;
    const outsiderCookie = await memberCookieFor(outsider.id);
    expect(await statusOf(() => pollLoader(get("/zone/polls", outsiderCookie)))).toBe(403);
    expect(
      await statusOf(() =>
        pollAction(
          post("/zone/polls", outsiderCookie, { pollId: String(poll.id), optionId: String(poll.options[0]!.id) }),
        ),
      ),
    ).toBe(403);
    expect(await db.zonePollVote.count()).toBe(1);
  });
});
