import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { createTestCourse } from "#tests/factories/courseware.ts";
import { get, outcome, post, signedInStaff } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import * as editorRoute from "./course.tsx";
import * as lessonEditorRoute from "./lesson.tsx";

// The courseware editor's routes: odd bodies get 4xx and change nothing, readers may not edit,
// staff without forum rights are refused, and an editor publishes a draft lesson.

beforeEach(() => resetDatabase());

describe("back-office courseware actions", () => {
  it("answers odd bodies with 4xx and changes nothing; staff publish a draft lesson", async () => {
    const { classroom, draft } = await createTestCourse(db, "everyone");
    const { cookie } = await signedInStaff({
      grants: [
        { module: "forum", action: "browse", scope: "all" },
        { module: "forum", action: "modify", scope: "all" },
      ],
    });
    const params = { classroomId: String(classroom.id) };
    const at = `/crm/courseware/${classroom.id}`;
    const odd: Array<Record<string, string>> = [
      { intent: "moveChapter", chapterId: "abc", direction: "up" },
      { intent: "moveChapter", chapterId: "1", direction: "sideways" },
      { intent: "createChapter", title: "" },
      { intent: "lessonStatus", lessonId: "99999999999", status: "published" },
      { intent: "lessonStatus", lessonId: String(draft.id), status: "gone" },
      { intent: "nope" },
    ];
    for (const fields of odd) {
      const status = (await outcome(() => editorRoute.action(post(at, cookie, fields, params)))).status;
      expect(status, JSON.stringify(fields)).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(500);
    }
    const publish = await outcome(() =>
      editorRoute.action(
        post(at, cookie, { intent: "lessonStatus", lessonId: String(draft.id), status: "published" }, params),
      ),
    );
    expect(publish.status).toBe(302);
    expect((await db.courseLesson.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("published");

    const lessonParams = { ...params, lessonId: String(draft.id) };
    const saveOdd = await outcome(() =>
      lessonEditorRoute.action(
        post(`${at}/lessons/${draft.id}`, cookie, { intent: "save", chapterId: "0", title: "x" }, lessonParams),
      ),
    );
    expect(saveOdd.status).toBe(400);
    const { cookie: reader } = await signedInStaff({ grants: [{ module: "forum", action: "browse", scope: "all" }] });
    const refused = await outcome(() =>
      editorRoute.action(post(at, reader, { intent: "createChapter", title: "新章" }, params)),
    );
    expect(refused.status).toBe(403);
    const { cookie: stranger } = await signedInStaff({ grants: [{ module: "leads", action: "browse", scope: "own" }] });
    expect((await outcome(() => editorRoute.loader(get(at, stranger, params)))).status).toBe(403);
  });
});
