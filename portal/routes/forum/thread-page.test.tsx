import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { setPostHidden } from "#app/modules/forum/forum-moderation.server.ts";
import { replyToThread } from "#app/modules/forum/forum-posts.server.ts";
import { createThread } from "#app/modules/forum/forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "#app/modules/forum/forum.test-helpers.ts";
import { get, memberCookieFor } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { renderPage } from "#portal/testing/render-page.tsx";
import * as threadPage from "./thread.tsx";

// Decision 065: one report form per page (in place without JavaScript via ?report=<postId>), one like
// form per page with a button per post, and the hidden-post rule unchanged at the new URL.

let threadId = 0;
let replyId = 0;
let hiddenReplyId = 0;
let ownReplyId = 0;
const cookies: Record<"reader" | "author", string> = { reader: "", author: "" };

async function render(who: keyof typeof cookies | "visitor", search = "") {
  const path = `/forum/t/${threadId}${search}`;
  const loaderData = await threadPage.loader(
    get(path, who === "visitor" ? null : cookies[who], { threadId: String(threadId) }),
  );
  return renderPage(threadPage.default, { loaderData, path });
}

const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;

describe("thread page controls", () => {
  beforeAll(async () => {
    await resetDatabase();
    const room = await createClassroom(db);
    const asker = await memberViewer(db);
    const answerer = await memberViewer(db);
    const reader = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const thread = await createThread(db, asker, room.id, { title: "怎么导出报表？", body: "<p>求助</p>" });
    if (thread.status !== "ok") throw new Error("setup");
    threadId = thread.value.threadId;
    const replies = [];
    for (const [who, body] of [
      [answerer, "<p>在报表页点导出</p>"],
      [answerer, "<p>机密采购需求</p>"],
      [reader, "<p>我也想知道</p>"],
    ] as const) {
      const reply = await replyToThread(db, who, threadId, { body });
      if (reply.status !== "ok") throw new Error("setup");
      replies.push(reply.value.postId);
    }
    [replyId, hiddenReplyId, ownReplyId] = replies as [number, number, number];
    await setPostHidden(db, staff, hiddenReplyId, true, "商机");
    cookies.reader = await memberCookieFor(reader.memberId);
    cookies.author = await memberCookieFor(answerer.memberId);
  });

  it("renders one like form and no report form until a post's report link is followed", async () => {
    const html = await render("reader");
    expect(count(html, /<form[^>]*id="forum-like"/g)).toBe(1);
    // Opening post and the visible reply by someone else, plus the reader's own reply: three likes.
    expect(count(html, /<button[^>]*form="forum-like"[^>]*name="postId"/g)).toBe(3);
    expect(html).toMatch(new RegExp(`<button[^>]*form="forum-like"[^>]*value="${replyId}"`));
    expect(html).not.toContain('name="reason"');
    // A report link per post of someone else, none for the reader's own post.
    expect(html).toContain(`href="/forum/t/${threadId}?report=${replyId}#post-${replyId}"`);
    expect(html).not.toContain(`report=${ownReplyId}`);
    expect(html).not.toContain(`report=${hiddenReplyId}`);
  });

  it("shows the report form in place for ?report=<postId>, once, carrying that post", async () => {
    const html = await render("reader", `?report=${replyId}`);
    expect(count(html, /name="reason"/g)).toBe(1);
    expect(count(html, /name="intent" value="report"/g)).toBe(1);
    expect(html).toMatch(new RegExp(`name="postId" value="${replyId}"`));
    expect(html).toContain(`href="/forum/t/${threadId}"`); // cancel: back to the page without the form
  });

  it("offers no form for a hidden post, one's own post, or a visitor", async () => {
    for (const [who, id] of [
      ["reader", hiddenReplyId],
      ["reader", ownReplyId],
      ["visitor", replyId],
    ] as const) {
      const html = await render(who, `?report=${id}`);
      expect(html, `${who} ${id}`).not.toContain('name="reason"');
      expect(html, `${who} ${id}`).not.toContain("机密采购需求");
    }
    const visitor = await render("visitor");
    expect(visitor).not.toContain("forum-like");
    expect(visitor).not.toContain("?report=");
    // The hidden reply's author still sees it, and can report others' posts but not their own.
    const author = await render("author", `?report=${hiddenReplyId}`);
    expect(author).toContain("机密采购需求");
    expect(author).not.toContain('name="reason"');
  });
});
