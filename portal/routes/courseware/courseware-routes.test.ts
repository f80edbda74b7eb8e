import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import type { LoaderFunctionArgs } from "react-router";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { addLessonAttachments } from "#app/modules/courseware/course-attachments.server.ts";
import { createTestCourse } from "#tests/factories/courseware.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { get, memberCookieFor, outcome, post } from "#tests/route-harness.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import * as courseRoute from "./course.tsx";
import * as fileRoute from "./lesson-file.ts";
import * as lessonRoute from "./lesson.tsx";

// The courseware routes: the file route over real HTTP with range requests (a loopback node:http
// server hands each request to the route's loader, as the production server does), and the portal
// pages for visitors and members.

const VIDEO = Buffer.alloc(10_000);
for (let i = 0; i < VIDEO.length; i++) VIDEO[i] = i % 251;
VIDEO.set([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70], 0);

let dir: string;
let server: Server;
let base: string;
const previous = process.env.UPLOAD_DIR;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "relay-course-"));
  process.env.UPLOAD_DIR = dir;
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const match = /^\/classroom\/(\d+)\/lessons\/(\d+)\/files\/(\d+)$/.exec(url.pathname);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const request = new Request(url, { method: req.method, headers });
    const params = match ? { classroomId: match[1]!, lessonId: match[2]!, attachmentId: match[3]! } : {};
    const response = await fileRoute
      .loader({ request, params, context: {} } as unknown as LoaderFunctionArgs)
      .catch((thrown: unknown) => (thrown instanceof Response ? thrown : new Response(null, { status: 404 })));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) Readable.fromWeb(response.body as never).pipe(res);
    else res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  process.env.UPLOAD_DIR = previous;
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => resetDatabase());

async function courseWithVideo() {
  const course = await createTestCourse(db, "everyone");
  const { staff } = await createTestStaff(db);
  const actor = staffActorFor(staff, { grants: { forum: { browse: "all", modify: "all" } } });
  await addLessonAttachments(db, actor, course.classroom.id, course.published.id, [new File([VIDEO], "课程.mp4")]);
  const file = await db.attachment.findFirstOrThrow({ where: { ownerType: "course_lesson" } });
  const { member } = await createTestMember(db);
  const cookie = await memberCookieFor(member.id);
  const url = `${base}/classroom/${course.classroom.id}/lessons/${course.published.id}/files/${file.id}`;
  return { ...course, file, cookie, url };
}

describe("lesson file route over HTTP", () => {
  it("answers 206 with Content-Range for ranges, 200 for the whole file, 416 for bad ranges", async () => {
    const { url, cookie, file } = await courseWithVideo();
    const whole = await fetch(url, { headers: { Cookie: cookie } });
    expect(whole.status).toBe(200);
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await whole.arrayBuffer()).equals(VIDEO)).toBe(true);

    const part = await fetch(url, { headers: { Cookie: cookie, Range: "bytes=100-199" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 100-199/10000");
    expect(part.headers.get("content-length")).toBe("100");
    expect(Buffer.from(await part.arrayBuffer()).equals(VIDEO.subarray(100, 200))).toBe(true);

    const tail = await fetch(url, { headers: { Cookie: cookie, Range: "bytes=-10" } });
    expect(tail.headers.get("content-range")).toBe("bytes 9990-9999/10000");
    expect(Buffer.from(await tail.arrayBuffer()).equals(VIDEO.subarray(9990))).toBe(true);

    for (const range of ["bytes=10000-", "bytes=500-100"]) {
      const bad = await fetch(url, { headers: { Cookie: cookie, Range: range } });
      expect(bad.status, range).toBe(416);
      expect(bad.headers.get("content-range")).toBe("bytes */10000");
      await bad.arrayBuffer();
    }

    // If-Range: the current tag keeps the range; a stale tag or a weak one gets the whole file.
    const etag = whole.headers.get("etag")!;
    expect(etag).toBe(`"${file.sha256}"`);
    const same = await fetch(url, { headers: { Cookie: cookie, Range: "bytes=0-9", "If-Range": etag } });
    expect(same.status).toBe(206);
    await same.arrayBuffer();
    for (const stale of ['"0000"', `W/${etag}`]) {
      const changed = await fetch(url, { headers: { Cookie: cookie, Range: "bytes=0-9", "If-Range": stale } });
      expect(changed.status).toBe(200);
      expect((await changed.arrayBuffer()).byteLength).toBe(10_000);
    }
    const cached = await fetch(url, { headers: { Cookie: cookie, "If-None-Match": etag } });
    expect(cached.status).toBe(304);
  });

  it("answers 404 to visitors, to another lesson's path and to odd ids", async () => {
    const { url, cookie, classroom, draft } = await courseWithVideo();
    expect((await fetch(url)).status).toBe(404);
    const elsewhere = url.replace(/lessons\/\d+/, `lessons/${draft.id}`);
    expect((await fetch(elsewhere, { headers: { Cookie: cookie } })).status).toBe(404);
    const odd = `${base}/classroom/${classroom.id}/lessons/99999999999999999999/files/1`;
    expect((await fetch(odd, { headers: { Cookie: cookie } })).status).toBe(404);
  });
});

describe("portal courseware pages", () => {
  it("shows visitors the outline and a sign-in prompt; members the body; marks learned", async () => {
    const { classroom, published, draft } = await createTestCourse(db, "everyone");
    const params = { classroomId: String(classroom.id), lessonId: String(published.id) };
    const path = `/classroom/${classroom.id}/lessons/${published.id}`;

    const outline = await outcome(() => courseRoute.loader(get(`/classroom/${classroom.id}/course`, null, params)));
    expect(outline.status).toBe(200);
    expect(JSON.stringify(outline.body)).toContain(published.title);
    expect(JSON.stringify(outline.body)).not.toContain(draft.title);

    const visitor = await outcome(() => lessonRoute.loader(get(path, null, params)));
    expect(visitor.body).toMatchObject({ expanded: null, here: path, lesson: { summary: published.summary } });

    const { member } = await createTestMember(db);
    const cookie = await memberCookieFor(member.id);
    const asMember = await outcome(() => lessonRoute.loader(get(path, cookie, params)));
    expect(asMember.body).toMatchObject({ expanded: { bodyHtml: published.bodyHtml, learned: false } });

    const marked = await outcome(() => lessonRoute.action(post(path, cookie, { intent: "learned" }, params)));
    expect(marked).toMatchObject({ status: 302, location: path });
    expect(await db.courseProgress.count({ where: { memberId: member.id } })).toBe(1);
    expect((await outcome(() => lessonRoute.action(post(path, null, { intent: "learned" }, params)))).status).toBe(403);
    expect((await outcome(() => lessonRoute.action(post(path, cookie, { intent: "toString" }, params)))).status).toBe(
      400,
    );
    const hidden = { ...params, lessonId: String(draft.id) };
    expect((await outcome(() => lessonRoute.loader(get(path, cookie, hidden)))).status).toBe(404);
    expect((await outcome(() => courseRoute.loader(get(path, cookie, { classroomId: "x" })))).status).toBe(404);
  });
});
