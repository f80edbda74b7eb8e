import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { createTestMember } from "#tests/factories/members.ts";
import { IP, profileInput, signedIn } from "./member-account.test-helpers.ts";
import { getProfile, updateProfile } from "./member-profile.server.ts";

const NICKNAME_TAKEN = { status: "invalid", fieldErrors: { nickname: ["account.profile.nicknameTaken"] } };

describe("member profile", () => {
  beforeEach(() => resetDatabase());

  it("saves the editable fields, stores the phone match key and audits only what changed", async () => {
    const { member, actor } = await signedIn({ nickname: "老王", phone: "13800138000" });
    const result = await updateProfile(
      db,
      actor,
      profileInput({
        nickname: "王工",
        phone: "+86 139-0013-9000",
        title: "采购经理",
        province: "浙江",
        city: "杭州",
        address: "西湖区文三路 1 号",
        notifyByEmail: true,
      }),
    );
    expect(result).toEqual({
      status: "ok",
      value: { changed: ["nickname", "phone", "title", "province", "city", "address"] },
    });
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored).toMatchObject({
      nickname: "王工",
      phone: "+86 139-0013-9000",
      phoneKey: "13900139000",
      title: "采购经理",
      city: "杭州",
      notifyByEmail: true,
      notifyNewsletter: false,
    });
    const audit = await db.auditLog.findMany({ where: { action: "member.profile_updated" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorType: "member",
      actorId: member.id,
      entityId: String(member.id),
      ipAddress: IP,
    });
    expect(audit[0]!.before).toEqual({
      nickname: "老王",
      phone: "13800138000",
      title: null,
      province: null,
      city: null,
      address: null,
    });
    expect(audit[0]!.after).toMatchObject({ nickname: "王工", phone: "+86 139-0013-9000", title: "采购经理" });
    expect(Object.keys(audit[0]!.after as object)).not.toContain("notifyByEmail");
  });

  it("writes nothing when nothing changed", async () => {
    const { actor } = await signedIn({ nickname: "不变的人" });
    const result = await updateProfile(db, actor, profileInput({ nickname: "不变的人", notifyByEmail: true }));
    expect(result).toEqual({ status: "ok", value: { changed: [] } });
    expect(await db.auditLog.count()).toBe(0);
  });

  it("turns a preference off when the checkbox is not sent", async () => {
    const { member, actor } = await signedIn({ nickname: "订阅者" });
    await updateProfile(db, actor, profileInput({ nickname: "订阅者" }));
    const stored = await db.member.findUniqueOrThrow({ where: { id: member.id } });
    expect(stored.notifyByEmail).toBe(false);
  });

  it("refuses a nickname another member has, whatever its letter case", async () => {
    await createTestMember(db, { nickname: "Alice" });
    const { member, actor } = await signedIn({ nickname: "bob" });
    expect(await updateProfile(db, actor, profileInput({ nickname: "alice" }))).toMatchObject(NICKNAME_TAKEN);
    expect((await db.member.findUniqueOrThrow({ where: { id: member.id } })).nickname).toBe("bob");
    expect(await db.auditLog.count()).toBe(0);
    // Re-casing one's own nickname is not a clash.
    expect(await updateProfile(db, actor, profileInput({ nickname: "Bob" }))).toMatchObject({ status: "ok" });
  });

  it("lets exactly one of two members racing for the same free nickname have it", async () => {
    const a = await signedIn({ nickname: "甲方一" });
    const b = await signedIn({ nickname: "乙方二" });
    const results = await Promise.all([
      updateProfile(db, a.actor, profileInput({ nickname: "抢手昵称" })),
      updateProfile(db, b.actor, profileInput({ nickname: "抢手昵称" })),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(["invalid", "ok"]);
    expect(await db.member.count({ where: { nickname: "抢手昵称" } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "member.profile_updated" } })).toBe(1);
  });

  it("keeps real name and company name once staff verified them, lets them change before", async () => {
    const { member, actor } = await signedIn({ nickname: "实名者", realName: "张三" });
    await updateProfile(db, actor, profileInput({ nickname: "实名者", realName: "张三丰", companyName: "星辰科技" }));
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      realName: "张三丰",
      companyName: "星辰科技",
    });
    await db.member.update({ where: { id: member.id }, data: { realNameVerifiedAt: new Date() } });
    expect((await getProfile(db, member.id))?.identityLocked).toBe(true);
    const result = await updateProfile(
      db,
      actor,
      profileInput({ nickname: "实名者", realName: "李四", companyName: null }),
    );
    expect(result).toEqual({ status: "ok", value: { changed: [] } });
    expect(await db.member.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({
      realName: "张三丰",
      companyName: "星辰科技",
    });
  });

  it("does not let a suspended member edit", async () => {
    const { actor } = await signedIn({ nickname: "被暂停", status: "suspended" });
    expect(await updateProfile(db, actor, profileInput({ nickname: "新名字" }))).toMatchObject({ status: "not-found" });
  });
});
