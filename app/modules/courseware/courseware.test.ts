import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { Grants } from "#app/modules/auth/permissions.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import type { Audience } from "#app/modules/members/member-levels.ts";
import { createTestClassroom, createTestCourse } from "#tests/factories/courseware.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { addLessonAttachments, removeLessonAttachment } from "./course-attachments.server.ts";
import {
  createChapter,
  createLesson,
  deleteChapter,
  getCourseEditor,
  moveChapter,
  moveLesson,
  setLessonStatus,
  updateLesson,
} from "./course-editor.server.ts";
import { setLessonLearned } from "./course-progress.server.ts";
import { findLessonAttachment, getCourseOutline, getLessonView } from "./course-reader.server.ts";
import { courseViewerFor } from "./course-viewer.server.ts";
import type { CourseViewer } from "./courseware-access.ts";

// Who sees which courseware (decision 036), progress, and the editor's rules — on the real database.

const VISITOR: CourseViewer = { kind: "visitor" };
const member = (memberId: number, audience: Audience): CourseViewer => ({ kind: "member", memberId, audience });

async function memberViewer(level: "prospect" | "customer" | "partner") {
  const { member: m } = await createTestMember(db, { level });
  return member(m.id, level);
}

async function fourCourses() {
  return {
    everyone: await createTestCourse(db, "everyone"),
    members: await createTestCourse(db, "members"),
    customers: await createTestCourse(db, "customers"),
    partners: await createTestCourse(db, "partners"),
  };
}

/** The title of every lesson the viewer's outline shows, across the four classrooms. */
async function visibleLessons(viewer: CourseViewer, courses: Awaited<ReturnType<typeof fourCourses>>) {
  const titles: string[] = [];
  for (const course of Object.values(courses)) {
    const outline = await getCourseOutline(db, viewer, course.classroom.id);
    for (const chapter of outline?.chapters ?? []) titles.push(...chapter.lessons.map((l) => l.title));
  }
  return titles.sort();
}

function pdf(name = "讲义.pdf") {
  return new File([Buffer.from("%PDF-1.4\n%test\n")], name, { type: "application/pdf" });
}
function mp4(name = "演示.mp4", valid = true) {
  const head = valid ? [0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70] : [0x4d, 0x5a, 0, 0, 0, 0, 0, 0];
  return new File([new Uint8Array([...head, ...new Array(64).fill(1)])], name, { type: "video/mp4" });
}

async function editorActor(grants: Grants = { forum: { browse: "all", modify: "all" } }) {
  const { staff } = await createTestStaff(db);
  return staffActorFor(staff, { grants });
}

describe("courseware visibility", () => {
  beforeEach(() => resetDatabase());

  it("shows each level only its classrooms, published lessons of published chapters only, drafts to staff", async () => {
    const courses = await fourCourses();
    const staff = { kind: "staff", staffId: 1 } as const;
    expect(await visibleLessons(VISITOR, courses)).toEqual(["everyone 已发布"]);
    expect(await visibleLessons(await memberViewer("prospect"), courses)).toEqual([
      "everyone 已发布",
      "members 已发布",
    ]);
    expect(await visibleLessons(await memberViewer("customer"), courses)).toEqual(
      ["customers 已发布", "everyone 已发布", "members 已发布"].sort(),
    );
    expect(await visibleLessons(await memberViewer("partner"), courses)).toEqual(
      ["everyone 已发布", "members 已发布", "partners 已发布"].sort(),
    );
    const all = await visibleLessons(staff, courses);
    expect(all).toHaveLength(12);
    expect(all).toContain("partners 草稿");
    expect(all).toContain("customers 草稿章节中的课");
  });

  it("gives visitors titles and summaries only; members the body and files; 404 for what is hidden", async () => {
    const { classroom, published, draft, inDraftChapter } = await createTestCourse(db, "everyone");
    const other = await createTestCourse(db, "everyone");
    const prospect = await memberViewer("prospect");

    const asVisitor = await getLessonView(db, VISITOR, classroom.id, published.id);
    expect(asVisitor?.lesson.title).toBe(published.title);
    expect(asVisitor?.lesson.summary).toBe(published.summary);
    expect(asVisitor?.expanded).toBeNull();
    expect(JSON.stringify(asVisitor)).not.toContain("正文");

    const asMember = await getLessonView(db, prospect, classroom.id, published.id);
    expect(asMember?.expanded?.bodyHtml).toBe(published.bodyHtml);

    // Drafts, lessons of draft chapters and lessons asked for under another classroom are not found.
    for (const id of [draft.id, inDraftChapter.id, other.published.id]) {
      expect(await getLessonView(db, prospect, classroom.id, id)).toBeNull();
    }
    expect((await getLessonView(db, { kind: "staff", staffId: 1 }, classroom.id, draft.id))?.expanded).not.toBeNull();
  });

  it("keeps an archived classroom and a level the member lacks out of reach, except for its moderator", async () => {
    const archived = await createTestClassroom(db, { archived: true });
    const { classroom: partners, published } = await createTestCourse(db, "partners");
    const prospect = await memberViewer("prospect");
    expect(await getCourseOutline(db, prospect, archived.id)).toBeNull();
    expect(await getLessonView(db, prospect, partners.id, published.id)).toBeNull();
    if (prospect.kind !== "member") throw new Error("member expected");
    await db.classroomModerator.create({ data: { classroomId: partners.id, memberId: prospect.memberId } });
    expect((await getLessonView(db, prospect, partners.id, published.id))?.expanded).not.toBeNull();
  });

  it("treats a member awaiting verification or not active as unable to expand", async () => {
    const { classroom, published } = await createTestCourse(db, "everyone");
    const pending = await getLessonView(db, member(1, "visitor"), classroom.id, published.id);
    expect(pending?.expanded).toBeNull();
    const { member: suspended } = await createTestMember(db, { status: "suspended" });
    const viewer = courseViewerFor({
      member: {
        sessionId: "s",
        member: { ...suspended, realNameVerified: false },
        audience: "prospect",
        verificationPending: false,
      },
    });
    expect(viewer).toEqual(VISITOR);
  });

  it("lets only viewers who may expand the lesson read its files", async () => {
    const { classroom, published, draft } = await createTestCourse(db, "everyone");
    const actor = await editorActor();
    expect((await addLessonAttachments(db, actor, classroom.id, published.id, [pdf()])).status).toBe("ok");
    expect((await addLessonAttachments(db, actor, classroom.id, draft.id, [pdf("草稿.pdf")])).status).toBe("ok");
    const [file] = await db.attachment.findMany({ where: { ownerType: "course_lesson", ownerId: published.id } });
    const [draftFile] = await db.attachment.findMany({ where: { ownerType: "course_lesson", ownerId: draft.id } });
    const prospect = await memberViewer("prospect");
    expect(await findLessonAttachment(db, VISITOR, classroom.id, published.id, file!.id)).toBeNull();
    expect((await findLessonAttachment(db, prospect, classroom.id, published.id, file!.id))?.id).toBe(file!.id);
    // Another lesson's file under this lesson's URL, and a draft lesson's file: not found.
    expect(await findLessonAttachment(db, prospect, classroom.id, published.id, draftFile!.id)).toBeNull();
    expect(await findLessonAttachment(db, prospect, classroom.id, draft.id, draftFile!.id)).toBeNull();
  });
});

describe("courseware progress (学过)", () => {
  beforeEach(() => resetDatabase());

  it("marks and unmarks a lesson, idempotently, and counts it in the outline", async () => {
    const { classroom, published, draft } = await createTestCourse(db, "everyone");
    const prospect = await memberViewer("prospect");
    expect(await setLessonLearned(db, prospect, classroom.id, published.id, true)).toEqual({
      status: "ok",
      value: { learned: true },
    });
    expect((await setLessonLearned(db, prospect, classroom.id, published.id, true)).status).toBe("ok");
    let outline = await getCourseOutline(db, prospect, classroom.id);
    expect(outline?.learnedCount).toBe(1);
    expect(outline?.chapters[0]?.lessons.find((l) => l.id === published.id)?.learned).toBe(true);
    // Another member's outline is untouched.
    expect((await getCourseOutline(db, await memberViewer("prospect"), classroom.id))?.learnedCount).toBe(0);

    await setLessonLearned(db, prospect, classroom.id, published.id, false);
    outline = await getCourseOutline(db, prospect, classroom.id);
    expect(outline?.learnedCount).toBe(0);

    expect((await setLessonLearned(db, VISITOR, classroom.id, published.id, true)).status).toBe("forbidden");
    expect((await setLessonLearned(db, prospect, classroom.id, draft.id, true)).status).toBe("not-found");
    expect(await db.courseProgress.count()).toBe(0);
  });
});

describe("courseware editor", () => {
  beforeEach(() => resetDatabase());

  it("creates, sanitises, orders and publishes; publishing a lesson publishes its chapter", async () => {
    const classroom = await createTestClassroom(db);
    const actor = await editorActor();
    const first = await createChapter(db, actor, classroom.id, { title: "第一章", summary: null });
    const second = await createChapter(db, actor, classroom.id, { title: "第二章", summary: null });
    if (first.status !== "ok" || second.status !== "ok") throw new Error("chapters not created");
    await moveChapter(db, actor, classroom.id, second.value.id, "up");
    let editor = await getCourseEditor(db, actor, classroom.id);
    expect(editor?.chapters.map((c) => c.title)).toEqual(["第二章", "第一章"]);

    const input = (title: string) => ({
      chapterId: first.value.id,
      title,
      summary: "摘要",
      bodyHtml: `<p onclick="x()">正文</p><script>alert(1)</script><img src=x onerror=alert(1)>`,
      threadId: null,
    });
    const a = await createLesson(db, actor, classroom.id, input("甲"));
    const b = await createLesson(db, actor, classroom.id, input("乙"));
    if (a.status !== "ok" || b.status !== "ok") throw new Error("lessons not created");
    const stored = await db.courseLesson.findUniqueOrThrow({ where: { id: a.value.id } });
    expect(stored.bodyHtml).toBe("<p>正文</p>");
    expect(stored.status).toBe("draft");

    await moveLesson(db, actor, classroom.id, b.value.id, "up");
    await moveLesson(db, actor, classroom.id, b.value.id, "up"); // already first: nothing changes
    editor = await getCourseEditor(db, actor, classroom.id);
    expect(editor?.chapters[1]?.lessons.map((l) => l.title)).toEqual(["乙", "甲"]);

    expect((await setLessonStatus(db, actor, classroom.id, a.value.id, "published")).status).toBe("ok");
    const chapter = await db.courseChapter.findUniqueOrThrow({ where: { id: first.value.id } });
    expect(chapter.status).toBe("published");
    const outline = await getCourseOutline(db, await memberViewer("prospect"), classroom.id);
    expect(outline?.chapters.flatMap((c) => c.lessons.map((l) => l.title))).toEqual(["甲"]);
  });

  it("refuses staff without forum:modify for all unless they administer the classroom", async () => {
    const classroom = await createTestClassroom(db);
    const reader = await editorActor({ forum: { browse: "all", modify: "own" } });
    const input = { title: "章", summary: null };
    expect((await createChapter(db, reader, classroom.id, input)).status).toBe("forbidden");
    await db.classroomAdmin.create({ data: { classroomId: classroom.id, staffId: reader.staffId } });
    expect((await createChapter(db, reader, classroom.id, input)).status).toBe("ok");
    expect((await createChapter(db, reader, 999_999, input)).status).toBe("not-found");
    const none = await editorActor({});
    expect((await createChapter(db, none, classroom.id, input)).status).toBe("forbidden");
  });

  it("checks the chapter and the discussion thread belong to the classroom", async () => {
    const { classroom, chapter, published } = await createTestCourse(db);
    const other = await createTestCourse(db);
    const actor = await editorActor();
    const thread = await db.forumThread.create({ data: { classroomId: other.classroom.id, title: "别的教室" } });
    const base = { title: "改名", summary: null, bodyHtml: "正文", threadId: null };
    expect(
      (await updateLesson(db, actor, classroom.id, published.id, { ...base, chapterId: other.chapter.id })).status,
    ).toBe("invalid");
    expect(
      (
        await updateLesson(db, actor, classroom.id, published.id, {
          ...base,
          chapterId: chapter.id,
          threadId: thread.id,
        })
      ).status,
    ).toBe("invalid");
    expect(
      (await updateLesson(db, actor, other.classroom.id, published.id, { ...base, chapterId: chapter.id })).status,
    ).toBe("not-found");
    const own = await db.forumThread.create({ data: { classroomId: classroom.id, title: "本课讨论" } });
    expect(
      (await updateLesson(db, actor, classroom.id, published.id, { ...base, chapterId: chapter.id, threadId: own.id }))
        .status,
    ).toBe("ok");
    const saved = await db.courseLesson.findUniqueOrThrow({ where: { id: published.id } });
    expect(saved).toMatchObject({ title: "改名", bodyHtml: "<p>正文</p>", threadId: own.id });
  });

  it("accepts video only with a video signature, and deleting a chapter removes its lessons' files", async () => {
    const { classroom, chapter, published } = await createTestCourse(db);
    const actor = await editorActor();
    const bad = await addLessonAttachments(db, actor, classroom.id, published.id, [mp4("fake.mp4", false)]);
    expect(bad.status).toBe("upload-invalid");
    const good = await addLessonAttachments(db, actor, classroom.id, published.id, [mp4(), pdf()]);
    expect(good).toEqual({ status: "ok", value: { count: 2 } });
    const files = await db.attachment.findMany({ where: { ownerType: "course_lesson", ownerId: published.id } });
    expect(files.map((f) => f.mimeType).sort()).toEqual(["application/pdf", "video/mp4"]);
    expect((await removeLessonAttachment(db, actor, classroom.id, published.id, files[0]!.id)).status).toBe("ok");
    expect((await removeLessonAttachment(db, actor, classroom.id, published.id, files[0]!.id)).status).toBe(
      "not-found",
    );

    expect((await deleteChapter(db, actor, classroom.id, chapter.id)).status).toBe("ok");
    expect(await db.courseLesson.count({ where: { chapterId: chapter.id } })).toBe(0);
    expect(await db.attachment.count({ where: { ownerType: "course_lesson", ownerId: published.id } })).toBe(0);
    const audit = await db.auditLog.findMany({ where: { action: { startsWith: "courseware." } } });
    expect(audit.map((a) => a.action)).toContain("courseware.chapter.delete");
  });
});
