import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestContact } from "#tests/factories/member-admin.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { VISITOR, type ForumViewer } from "./forum-access.ts";
import { attachmentsOfPosts, findPostAttachment, openingPostId, withPostFiles } from "./forum-attachments.server.ts";
import { forumActivityOfContact } from "./forum-contact-timeline.server.ts";
import { findClassroomCover, setClassroomCover } from "./forum-covers.server.ts";
import { setPostHidden } from "./forum-moderation.server.ts";
import { acceptAnswer, replyToThread } from "./forum-posts.server.ts";
import { createThread } from "./forum-threads.server.ts";
import { createClassroom, memberViewer, staffViewer } from "./forum.test-helpers.ts";

// Post attachments go through the attachment service and are readable exactly where the post is;
// a member's forum activity reaches the linked contact's timeline.

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const png = (name = "截图.png") => new File([PNG], name, { type: "image/png" });
const pdf = (name = "日志.pdf") => new File([Buffer.from("%PDF-1.4\n%x\n")], name, { type: "application/pdf" });

function form(files: File[]) {
  const data = new FormData();
  for (const file of files) data.append("attachments", file);
  return data;
}

async function askWith(viewer: ForumViewer, classroomId: number, files: File[], title = "开机报警求助") {
  return withPostFiles(
    db,
    viewer,
    form(files),
    () => createThread(db, viewer, classroomId, { title, body: "<p>见附件</p>" }),
    ({ threadId }) => openingPostId(db, threadId),
  );
}

let uploads: string;
beforeAll(async () => {
  uploads = await mkdtemp(path.join(tmpdir(), "forum-files-"));
  process.env.UPLOAD_DIR = uploads;
});
afterAll(async () => {
  delete process.env.UPLOAD_DIR;
  await rm(uploads, { recursive: true, force: true });
});
beforeEach(() => resetDatabase());

describe("forum post attachments", () => {
  it("attaches images and files to a question and a reply; images are marked for inline display", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    const asked = await askWith(member, room.id, [png(), pdf()]);
    if (asked.status !== "ok") throw new Error(JSON.stringify(asked));
    const opening = (await openingPostId(db, asked.value.threadId))!;
    const replied = await withPostFiles(
      db,
      member,
      form([pdf("补充.pdf")]),
      () => replyToThread(db, member, asked.value.threadId, { body: "<p>补充</p>" }),
      (v) => v.postId,
    );
    if (replied.status !== "ok") throw new Error(JSON.stringify(replied));
    const files = await attachmentsOfPosts(db, [opening, replied.value.postId]);
    expect(files[opening]?.map((f) => [f.fileName, f.image])).toEqual([
      ["截图.png", true],
      ["日志.pdf", false],
    ]);
    expect(files[replied.value.postId]?.map((f) => f.fileName)).toEqual(["补充.pdf"]);
    const row = await db.attachment.findFirstOrThrow({ where: { fileName: "截图.png" } });
    expect(row.uploadedByMemberId).toBe(member.memberId);
  });

  it("refuses a disguised or oversized file before anything is written", async () => {
    const room = await createClassroom(db);
    const member = await memberViewer(db);
    const fake = new File([Buffer.from("MZ not a png")], "木马.png", { type: "image/png" });
    const result = await askWith(member, room.id, [fake]);
    expect(result).toMatchObject({
      status: "invalid",
      fieldErrors: { attachments: ["forumSearch.error.attachments"] },
    });
    const exe = await askWith(member, room.id, [new File([Buffer.from("x")], "run.exe")]);
    expect(exe.status).toBe("invalid");
    const tooMany = await askWith(member, room.id, [
      png("1.png"),
      png("2.png"),
      png("3.png"),
      png("4.png"),
      png("5.png"),
      png("6.png"),
    ]);
    expect(tooMany.status).toBe("invalid");
    expect(await db.forumThread.count()).toBe(0);
    expect(await db.attachment.count()).toBe(0);
    // A refused post (visitor, bad title) leaves no attachment rows either.
    expect((await askWith(VISITOR, room.id, [png()])).status).toBe("not-found");
    expect((await askWith(member, room.id, [png()], "短")).status).toBe("invalid");
    expect(await db.attachment.count()).toBe(0);
  });

  it("serves a file only where its post is visible", async () => {
    const room = await createClassroom(db);
    const closed = await createClassroom(db, { name: "客户专区", visibility: "customers" });
    const author = await memberViewer(db, { level: "customer" });
    const other = await memberViewer(db);
    const { viewer: staff } = await staffViewer(db);
    const asked = await askWith(author, room.id, [png()]);
    const inClosed = await askWith(author, closed.id, [pdf()], "客户专区的问题");
    if (asked.status !== "ok" || inClosed.status !== "ok") throw new Error("not asked");
    const fileOf = async (threadId: number) =>
      (await db.attachment.findFirstOrThrow({ where: { ownerId: (await openingPostId(db, threadId))! } })).id;
    const open = await fileOf(asked.value.threadId);
    const customersOnly = await fileOf(inClosed.value.threadId);
    for (const viewer of [other, VISITOR, author]) expect(await findPostAttachment(db, viewer, open)).not.toBeNull();
    for (const viewer of [other, VISITOR]) expect(await findPostAttachment(db, viewer, customersOnly)).toBeNull();
    expect(await findPostAttachment(db, author, customersOnly)).not.toBeNull();

    const opening = (await openingPostId(db, asked.value.threadId))!;
    expect((await setPostHidden(db, staff, opening, true, "商机")).status).toBe("ok");
    for (const viewer of [other, VISITOR]) expect(await findPostAttachment(db, viewer, open)).toBeNull();
    expect(await findPostAttachment(db, author, open)).not.toBeNull();
    expect(await findPostAttachment(db, staff, open)).not.toBeNull();
    // Another owner's attachment id is not a forum file.
    const foreign = await db.attachment.create({
      data: {
        ownerType: "knowledge_article",
        ownerId: 1,
        fileName: "x.pdf",
        mimeType: "application/pdf",
        size: 1,
        sha256: "0",
        storageKey: "a".repeat(32),
      },
    });
    expect(await findPostAttachment(db, staff, foreign.id)).toBeNull();
  });
});

describe("contact timeline: forum activity", () => {
  it("lists the linked member's questions, replies and accepted answers for staff who may browse the forum", async () => {
    const room = await createClassroom(db, { name: "常见问题" });
    const asker = await memberViewer(db);
    const helper = await memberViewer(db, { nickname: "热心学员" });
    const contact = await createTestContact(db);
    await db.member.update({ where: { id: helper.memberId }, data: { contactId: contact.id } });
    const { viewer: staffForum, staff } = await staffViewer(db);
    const asked = await createThread(db, asker, room.id, { title: "如何导出报表", body: "<p>求助</p>" });
    if (asked.status !== "ok") throw new Error("ask");
    const own = await createThread(db, helper, room.id, { title: "我的安装问题", body: "<p>求助</p>" });
    if (own.status !== "ok") throw new Error("own");
    const replied = await replyToThread(db, helper, asked.value.threadId, { body: "<p>在报表页点导出</p>" });
    if (replied.status !== "ok") throw new Error("reply");
    expect((await acceptAnswer(db, asker, replied.value.postId)).status).toBe("ok");
    const hiddenReply = await replyToThread(db, helper, own.value.threadId, { body: "<p>想买新设备</p>" });
    if (hiddenReply.status !== "ok") throw new Error("reply");
    await setPostHidden(db, staffForum, hiddenReply.value.postId, true, "商机");

    const actor = staffActorFor(staff, { grants: { forum: { browse: "all" }, contacts: { browse: "all" } } });
    const items = await forumActivityOfContact(db, actor, contact.id);
    expect(items.map((i) => [i.kind, i.title, i.hidden]).sort()).toEqual(
      [
        ["accepted", "如何导出报表", false],
        ["reply", "如何导出报表", false],
        ["reply", "我的安装问题", true],
        ["thread", "我的安装问题", false],
      ].sort(),
    );
    expect(items.every((i) => i.nickname === "热心学员")).toBe(true);
    expect(items.find((i) => i.kind === "reply" && !i.hidden)?.href).toBe(
      `/crm/forum/threads/${asked.value.threadId}#post-${replied.value.postId}`,
    );
    // Without forum rights, or for a contact with no member: nothing.
    const { staff: plain } = await createTestStaff(db);
    expect(
      await forumActivityOfContact(db, staffActorFor(plain, { grants: { contacts: { browse: "all" } } }), contact.id),
    ).toEqual([]);
    const lonely = await createTestContact(db);
    expect(await forumActivityOfContact(db, actor, lonely.id)).toEqual([]);
  });
});

describe("classroom covers", () => {
  it("stores an image cover, replaces it, and shows it only to who may open the classroom", async () => {
    const open = await createClassroom(db);
    const closed = await createClassroom(db, { name: "会员专区", visibility: "members" });
    const { actor } = await staffViewer(db);
    const member = await memberViewer(db);
    expect((await setClassroomCover(db, actor, open.id, pdf())).status).toBe("invalid");
    const disguised = new File([Buffer.from("%PDF-1.4")], "封面.png", { type: "image/png" });
    expect((await setClassroomCover(db, actor, open.id, disguised)).status).toBe("invalid");
    const first = await setClassroomCover(db, actor, open.id, png("封面.png"));
    if (first.status !== "ok") throw new Error(JSON.stringify(first));
    const second = await setClassroomCover(db, actor, open.id, png("新封面.png"));
    if (second.status !== "ok") throw new Error(JSON.stringify(second));
    expect(await db.attachment.count({ where: { ownerType: "classroom" } })).toBe(1);
    expect((await findClassroomCover(db, VISITOR, open.id))?.fileName).toBe("新封面.png");
    expect((await setClassroomCover(db, actor, closed.id, png())).status).toBe("ok");
    expect(await findClassroomCover(db, VISITOR, closed.id)).toBeNull();
    expect(await findClassroomCover(db, member, closed.id)).not.toBeNull();
    const { staff: plain } = await createTestStaff(db);
    const reader = staffActorFor(plain, { grants: { forum: { browse: "all" } } });
    expect((await setClassroomCover(db, reader, open.id, png())).status).toBe("forbidden");
    expect((await setClassroomCover(db, actor, 999_999, png())).status).toBe("not-found");
    expect((await setClassroomCover(db, actor, open.id, null)).status).toBe("ok");
    expect(await findClassroomCover(db, VISITOR, open.id)).toBeNull();
  });
});
