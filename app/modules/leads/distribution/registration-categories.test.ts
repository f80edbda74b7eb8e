import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { createMarketingManager, createRulesActor, createTestTokenGroup } from "#tests/factories/rules.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { verifyChannelKey } from "../intake/channel-keys.server.ts";
import {
  createRegistrationCategory,
  generateCategoryKey,
  getCategoryFormOptions,
  getRegistrationCategory,
  listRegistrationCategories,
  parseAllowedOrigins,
  revokeCategoryKey,
  rotateCategoryKey,
  setRegistrationCategoryActive,
  updateRegistrationCategory,
} from "./registration-categories.server.ts";
import { RulesForbiddenError } from "./rules-access.server.ts";

describe("allowed origins", () => {
  it("accepts scheme://host[:port] lines and normalises them", () => {
    expect(
      parseAllowedOrigins(
        "https://www.Example.cn\n\n  http://localhost:5173 \nhttps://shop.example.cn:443/\nhttps://www.example.cn",
      ),
    ).toEqual({ ok: true, origins: ["https://www.example.cn", "http://localhost:5173", "https://shop.example.cn"] });
    expect(parseAllowedOrigins("")).toEqual({ ok: true, origins: [] });
  });

  it("names the first bad line", () => {
    expect(parseAllowedOrigins("https://ok.example.cn\nwww.example.cn")).toEqual({
      ok: false,
      line: 2,
      value: "www.example.cn",
    });
    for (const bad of [
      "https://example.cn/contact",
      "ftp://example.cn",
      "https://user:pw@example.cn",
      "https://example.cn?x=1",
      "https://",
      "https://exa mple.cn",
      "*",
    ]) {
      expect(parseAllowedOrigins(bad), bad).toMatchObject({ ok: false, line: 1 });
    }
  });
});

describe("registration categories service", () => {
  let actor: StaffActor;
  let designee: number;

  beforeEach(async () => {
    await resetDatabase();
    actor = (await createMarketingManager(db)).actor;
    designee = (await createTestStaff(db)).staff.id;
  });

  const valid = (over: Record<string, unknown> = {}) => ({
    code: "web-guest",
    name: "官网来宾登记",
    kind: "guest",
    campaignId: "",
    tokenGroupId: "",
    designatedStaffId: String(designee),
    allowedOrigins: "https://www.example.cn\nhttps://m.example.cn",
    ...over,
  });

  it("creates a category from form input, upper-casing the code, with an audit row", async () => {
    const owner = (await createTestStaff(db)).staff.id;
    const campaign = await db.campaign.create({ data: { name: "春季展会", ownerId: owner } });
    const group = await createTestTokenGroup(db, [{ staffId: owner }]);
    const result = await createRegistrationCategory(
      db,
      actor,
      valid({ campaignId: String(campaign.id), tokenGroupId: String(group.id) }),
      { ipAddress: "198.51.100.9" },
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const row = await db.registrationCategory.findUniqueOrThrow({ where: { id: result.categoryId } });
    expect(row).toMatchObject({
      code: "WEB-GUEST",
      name: "官网来宾登记",
      kind: "guest",
      campaignId: campaign.id,
      tokenGroupId: group.id,
      designatedStaffId: designee,
      active: true,
      allowedOrigins: "https://www.example.cn\nhttps://m.example.cn",
    });
    const audit = await db.auditLog.findMany({
      where: { entityType: "RegistrationCategory", entityId: String(row.id) },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "registration_category.created",
      actorId: actor.staffId,
      ipAddress: "198.51.100.9",
    });
    expect(audit[0]!.after).toMatchObject({ code: "WEB-GUEST", tokenGroupId: group.id });

    const [listed] = await listRegistrationCategories(db);
    expect(listed).toMatchObject({
      code: "WEB-GUEST",
      campaign: { name: "春季展会" },
      tokenGroup: { id: group.id },
      designatedStaff: { id: designee, status: "active" },
      activeKeys: 0,
      leadCount: 0,
    });
  });

  it("reports every invalid field in message keys and writes nothing", async () => {
    const result = await createRegistrationCategory(db, actor, {
      code: "x",
      name: "",
      kind: "fax",
      campaignId: "abc",
      designatedStaffId: "",
      allowedOrigins: "https://ok.example.cn\nexample.cn/path",
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "invalid",
      fieldErrors: {
        code: { key: "rules.categories.error.codeFormat" },
        name: { key: "validation.required" },
        kind: { key: "rules.categories.error.kind" },
        campaignId: { key: "rules.categories.error.invalidChoice" },
        designatedStaffId: { key: "rules.categories.error.designatedRequired" },
        allowedOrigins: { key: "rules.categories.error.origin", vars: { line: 2, value: "example.cn/path" } },
      },
    });
    for (const code of ["有中文", "A", "A".repeat(41), "WEB_GUEST", "WEB GUEST"]) {
      expect(await createRegistrationCategory(db, actor, valid({ code })), code).toMatchObject({
        ok: false,
        fieldErrors: { code: { key: "rules.categories.error.codeFormat" } },
      });
    }
    expect(await db.registrationCategory.count()).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "RegistrationCategory" } })).toBe(0);
  });

  it("checks bindings against the database: missing campaign or group, designee not at work", async () => {
    const away = (await createTestStaff(db, { status: "away" })).staff.id;
    const gone = (await createTestStaff(db, { status: "inactive" })).staff.id;
    expect(
      await createRegistrationCategory(db, actor, valid({ campaignId: "999999", tokenGroupId: "999999" })),
    ).toMatchObject({
      ok: false,
      fieldErrors: {
        campaignId: { key: "rules.categories.error.invalidChoice" },
        tokenGroupId: { key: "rules.categories.error.invalidChoice" },
      },
    });
    for (const id of [away, gone, 999_999]) {
      expect(await createRegistrationCategory(db, actor, valid({ designatedStaffId: String(id) }))).toMatchObject({
        ok: false,
        fieldErrors: { designatedStaffId: { key: "rules.categories.error.designatedInactive" } },
      });
    }
    expect(await db.registrationCategory.count()).toBe(0);
  });

  it("refuses a code that exists, case-insensitively, naming the category that has it", async () => {
    expect((await createRegistrationCategory(db, actor, valid())).ok).toBe(true);
    const clash = await createRegistrationCategory(db, actor, valid({ code: "Web-Guest", name: "另一个" }));
    expect(clash).toMatchObject({
      ok: false,
      fieldErrors: {
        code: { key: "rules.categories.error.codeTaken", vars: { code: "WEB-GUEST", name: "官网来宾登记" } },
      },
    });
    expect(await db.registrationCategory.count()).toBe(1);
  });

  it("lets exactly one of concurrent creates with the same code win; the others get the clash message", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => createRegistrationCategory(db, actor, valid({ name: `并发 ${i}` }))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) {
      expect(loser).toMatchObject({
        reason: "invalid",
        fieldErrors: { code: { key: "rules.categories.error.codeTaken" } },
      });
    }
    expect(await db.registrationCategory.count()).toBe(1);
    expect(await db.auditLog.count({ where: { action: "registration_category.created" } })).toBe(1);
  });

  it("updates all fields with the same validation and audits only what changed", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    const other = (await createTestStaff(db)).staff.id;
    await createRegistrationCategory(db, actor, valid({ code: "TAKEN" }));

    expect(await updateRegistrationCategory(db, actor, created.categoryId, valid({ code: "taken" }))).toMatchObject({
      ok: false,
      fieldErrors: { code: { key: "rules.categories.error.codeTaken" } },
    });
    expect(
      await updateRegistrationCategory(db, actor, created.categoryId, valid({ allowedOrigins: "not an origin" })),
    ).toMatchObject({ ok: false, fieldErrors: { allowedOrigins: { key: "rules.categories.error.origin" } } });

    const ok = await updateRegistrationCategory(
      db,
      actor,
      created.categoryId,
      valid({
        code: "WEB-REQ",
        name: "在线需求",
        kind: "requirement",
        designatedStaffId: String(other),
        allowedOrigins: "",
      }),
    );
    expect(ok).toEqual({ ok: true });
    const row = await db.registrationCategory.findUniqueOrThrow({ where: { id: created.categoryId } });
    expect(row).toMatchObject({
      code: "WEB-REQ",
      name: "在线需求",
      kind: "requirement",
      designatedStaffId: other,
      allowedOrigins: null,
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "registration_category.updated", entityId: String(created.categoryId) },
    });
    expect(Object.keys(audit.before as object).sort()).toEqual([
      "allowedOrigins",
      "code",
      "designatedStaffId",
      "kind",
      "name",
    ]);
    expect(audit.after).toMatchObject({ code: "WEB-REQ", allowedOrigins: null });

    // Saving again unchanged writes no audit row; an unknown id is not found.
    await updateRegistrationCategory(
      db,
      actor,
      created.categoryId,
      valid({
        code: "WEB-REQ",
        name: "在线需求",
        kind: "requirement",
        designatedStaffId: String(other),
        allowedOrigins: "",
      }),
    );
    expect(await db.auditLog.count({ where: { action: "registration_category.updated" } })).toBe(1);
    expect(await updateRegistrationCategory(db, actor, 999_999, valid())).toEqual({ ok: false, reason: "not-found" });
  });

  it("keeps an existing designee who is away, but refuses to pick one who is away", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    await db.staff.update({ where: { id: designee }, data: { status: "away" } });
    expect(await updateRegistrationCategory(db, actor, created.categoryId, valid({ name: "改名" }))).toEqual({
      ok: true,
    });
    const away = (await createTestStaff(db, { status: "away" })).staff.id;
    expect(
      await updateRegistrationCategory(db, actor, created.categoryId, valid({ designatedStaffId: String(away) })),
    ).toMatchObject({
      ok: false,
      fieldErrors: { designatedStaffId: { key: "rules.categories.error.designatedInactive" } },
    });
    // The form still offers the current (away) designee, but no other away staff.
    const options = await getCategoryFormOptions(db, designee);
    expect(options.staff.map((s) => s.id)).toContain(designee);
    expect(options.staff.map((s) => s.id)).not.toContain(away);
  });

  it("activates and deactivates with audit rows; an inactive category's keys stop working", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    const issued = await generateCategoryKey(db, actor, created.categoryId, { name: "官网" });
    if (!issued.ok) throw new Error("setup");
    expect(await setRegistrationCategoryActive(db, actor, created.categoryId, false)).toEqual({ ok: true });
    expect(await verifyChannelKey(db, issued.issued.key)).toBeNull();
    expect(await setRegistrationCategoryActive(db, actor, created.categoryId, true)).toEqual({ ok: true });
    expect(await verifyChannelKey(db, issued.issued.key)).not.toBeNull();
    const actions = (
      await db.auditLog.findMany({ where: { entityType: "RegistrationCategory" }, orderBy: { id: "asc" } })
    ).map((a) => a.action);
    expect(actions).toEqual([
      "registration_category.created",
      "registration_category.deactivated",
      "registration_category.activated",
    ]);
  });

  it("issues a key once: verifiable, stored only hashed, never in the audit log", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    expect(await generateCategoryKey(db, actor, created.categoryId, { name: " " })).toMatchObject({
      ok: false,
      fieldErrors: { name: { key: "validation.required" } },
    });
    const result = await generateCategoryKey(db, actor, created.categoryId, { name: "官网来宾页" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { key, prefix, keyId } = result.issued;
    expect(key).toMatch(/^rk_[a-z2-9]{12}_[a-z2-9]{24}$/);
    expect(key.startsWith(`rk_${prefix}_`)).toBe(true);
    expect(await verifyChannelKey(db, key)).toEqual({ keyId, categoryId: created.categoryId });
    expect(await verifyChannelKey(db, key.slice(0, -1) + (key.endsWith("a") ? "b" : "a"))).toBeNull();

    const row = await db.channelKey.findUniqueOrThrow({ where: { id: keyId } });
    expect(row).toMatchObject({ name: "官网来宾页", prefix, createdById: actor.staffId, revokedAt: null });
    const secret = key.split("_")[2]!;
    expect(Buffer.from(row.secretHash).toString("utf8")).not.toContain(secret);
    const audit = await db.auditLog.findMany({ where: { entityType: "ChannelKey" } });
    expect(audit.map((a) => a.action)).toEqual(["channel_key.created"]);
    expect(JSON.stringify(audit.map((a) => [a.before, a.after]))).not.toContain(secret);

    // The detail lists the key by prefix and creator, never with the secret.
    const detail = await getRegistrationCategory(db, created.categoryId);
    expect(detail?.keys).toHaveLength(1);
    expect(detail?.keys[0]).toMatchObject({ prefix, name: "官网来宾页", revokedAt: null });
    expect(JSON.stringify(detail)).not.toContain(secret);
    expect((await listRegistrationCategories(db))[0]?.activeKeys).toBe(1);
  });

  it("revoking makes the key fail at once", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    const issued = await generateCategoryKey(db, actor, created.categoryId, { name: "官网" });
    if (!issued.ok) throw new Error("setup");
    const other = await createRegistrationCategory(db, actor, valid({ code: "OTHER" }));
    if (!other.ok) throw new Error("setup");
    // A key is revoked only through its own category.
    expect(await revokeCategoryKey(db, actor, other.categoryId, issued.issued.keyId)).toEqual({
      ok: false,
      reason: "not-found",
    });
    expect(await verifyChannelKey(db, issued.issued.key)).not.toBeNull();

    expect(await revokeCategoryKey(db, actor, created.categoryId, issued.issued.keyId)).toEqual({ ok: true });
    expect(await verifyChannelKey(db, issued.issued.key)).toBeNull();
    // Revoking again is harmless and writes no second audit row.
    expect(await revokeCategoryKey(db, actor, created.categoryId, issued.issued.keyId)).toEqual({ ok: true });
    expect(await db.auditLog.count({ where: { action: "channel_key.revoked" } })).toBe(1);
    expect((await listRegistrationCategories(db)).find((c) => c.id === created.categoryId)?.activeKeys).toBe(0);
  });

  it("rotates: a new key that works, the old one revoked, in one step; a revoked key cannot be rotated", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    const first = await generateCategoryKey(db, actor, created.categoryId, { name: "官网" });
    if (!first.ok) throw new Error("setup");
    const rotated = await rotateCategoryKey(db, actor, created.categoryId, first.issued.keyId);
    expect(rotated.ok).toBe(true);
    if (!rotated.ok) return;
    expect(rotated.issued.key).not.toBe(first.issued.key);
    expect(rotated.issued.name).toBe("官网");
    expect(await verifyChannelKey(db, first.issued.key)).toBeNull();
    expect(await verifyChannelKey(db, rotated.issued.key)).toEqual({
      keyId: rotated.issued.keyId,
      categoryId: created.categoryId,
    });
    const actions = (await db.auditLog.findMany({ where: { entityType: "ChannelKey" }, orderBy: { id: "asc" } })).map(
      (a) => [a.action, a.entityId],
    );
    expect(actions).toEqual([
      ["channel_key.created", String(first.issued.keyId)],
      ["channel_key.rotated", String(rotated.issued.keyId)],
      ["channel_key.revoked", String(first.issued.keyId)],
    ]);

    const again = await rotateCategoryKey(db, actor, created.categoryId, first.issued.keyId);
    expect(again).toMatchObject({
      ok: false,
      reason: "invalid",
      formError: { key: "rules.keys.error.alreadyRevoked" },
    });
    expect(await db.channelKey.count({ where: { categoryId: created.categoryId } })).toBe(2);
  });

  it("two concurrent rotations of one key leave exactly one new working key", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    const first = await generateCategoryKey(db, actor, created.categoryId, { name: "官网" });
    if (!first.ok) throw new Error("setup");
    const results = await Promise.all([
      rotateCategoryKey(db, actor, created.categoryId, first.issued.keyId),
      rotateCategoryKey(db, actor, created.categoryId, first.issued.keyId),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.channelKey.count({ where: { categoryId: created.categoryId, revokedAt: null } })).toBe(1);
  });

  it("shows the routing chain: next member of the bound group, campaign owner, designee", async () => {
    const [a, b] = [(await createTestStaff(db)).staff.id, (await createTestStaff(db, { status: "away" })).staff.id];
    const group = await createTestTokenGroup(db, [{ staffId: a }, { staffId: b }], { cursor: 0 });
    const campaign = await db.campaign.create({ data: { name: "秋季新品", ownerId: a } });
    const created = await createRegistrationCategory(
      db,
      actor,
      valid({ tokenGroupId: String(group.id), campaignId: String(campaign.id) }),
    );
    if (!created.ok) throw new Error("setup");
    const detail = await getRegistrationCategory(db, created.categoryId);
    expect(detail?.tokenGroup).toMatchObject({ id: group.id, memberCount: 2, eligibleCount: 1, next: { id: a } });
    expect(detail?.campaign?.owner.id).toBe(a);
    expect(detail?.origins).toEqual(["https://www.example.cn", "https://m.example.cn"]);
  });

  it("refuses staff without company-wide lead modify rights, changing nothing", async () => {
    const created = await createRegistrationCategory(db, actor, valid());
    if (!created.ok) throw new Error("setup");
    const key = await generateCategoryKey(db, actor, created.categoryId, { name: "官网" });
    if (!key.ok) throw new Error("setup");
    const { actor: sales } = await createRulesActor(db, {
      grants: [
        { module: "leads", action: "browse", scope: "own" },
        { module: "leads", action: "modify", scope: "own" },
      ],
    });
    const { actor: manager } = await createRulesActor(db, {
      grants: [{ module: "leads", action: "modify", scope: "team" }],
    });
    for (const who of [sales, manager]) {
      await expect(createRegistrationCategory(db, who, valid({ code: "NOPE" }))).rejects.toBeInstanceOf(
        RulesForbiddenError,
      );
      await expect(
        updateRegistrationCategory(db, who, created.categoryId, valid({ name: "x" })),
      ).rejects.toBeInstanceOf(RulesForbiddenError);
      await expect(setRegistrationCategoryActive(db, who, created.categoryId, false)).rejects.toBeInstanceOf(
        RulesForbiddenError,
      );
      await expect(generateCategoryKey(db, who, created.categoryId, { name: "x" })).rejects.toBeInstanceOf(
        RulesForbiddenError,
      );
      await expect(revokeCategoryKey(db, who, created.categoryId, key.issued.keyId)).rejects.toBeInstanceOf(
        RulesForbiddenError,
      );
      await expect(rotateCategoryKey(db, who, created.categoryId, key.issued.keyId)).rejects.toBeInstanceOf(
        RulesForbiddenError,
      );
    }
    expect(await db.registrationCategory.count()).toBe(1);
    expect(await db.channelKey.count()).toBe(1);
    expect(await verifyChannelKey(db, key.issued.key)).not.toBeNull();
  });
});
