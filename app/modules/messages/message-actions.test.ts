import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { assignThreadForm, memberReplyForm, staffReplyForm, startThreadForm } from "./message-actions.server.ts";

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
}

beforeEach(() => resetDatabase());

describe("site-message forms", () => {
  it("starts a thread, refuses empty input with typed keys, and keeps another member out", async () => {
    const { member } = await createTestMember(db);
    const { member: other } = await createTestMember(db);
    expect(await startThreadForm(db, member.id, form({ subject: " ", body: "" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { subject: ["validation.required"], body: ["validation.required"] },
    });
    const started = await startThreadForm(db, member.id, form({ subject: "发票抬头", body: "怎么修改？" }));
    expect(started.status).toBe("ok");
    const threadId = started.status === "ok" ? started.value.threadId : 0;
    expect(await memberReplyForm(db, other.id, threadId, form({ body: "插一句" }))).toMatchObject({
      status: "not-found",
    });
    expect(await memberReplyForm(db, member.id, threadId, form({ body: "补充材料" }))).toMatchObject({
      status: "ok",
    });
    expect(await db.message.count({ where: { threadId } })).toBe(2);
  });

  it("lets members:browse staff reply, and keeps taking over for members:modify (403 otherwise)", async () => {
    const { member } = await createTestMember(db);
    const started = await startThreadForm(db, member.id, form({ subject: "咨询", body: "你好" }));
    const threadId = started.status === "ok" ? started.value.threadId : 0;
    const { staff } = await createTestStaff(db);
    const reader = staffActorFor(staff, { grants: { members: { browse: "all" } } });
    const handler = staffActorFor(staff, { grants: { members: { browse: "all", modify: "all" } } });

    expect(await staffReplyForm(db, reader, threadId, form({ body: "回复" }))).toMatchObject({ status: "ok" });
    expect(await assignThreadForm(db, reader, threadId)).toMatchObject({ status: "forbidden" });
    expect(await staffReplyForm(db, handler, threadId, form({ body: "" }))).toMatchObject({
      status: "invalid",
      fieldErrors: { body: ["validation.required"] },
    });
    const replied = await staffReplyForm(db, handler, threadId, form({ body: "请上传证明" }));
    expect(replied).toMatchObject({ status: "ok", value: { emailed: expect.any(Boolean) } });
    expect(await assignThreadForm(db, handler, threadId + 999)).toMatchObject({ status: "not-found" });
  });
});
