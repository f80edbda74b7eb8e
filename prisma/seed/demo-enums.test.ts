import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { lookupOptions, lookupValues } from "#app/modules/settings/lookup-values.server.ts";
import { createTestLead } from "#tests/factories/lead-inbox.ts";
import { createTestSalesperson } from "#tests/factories/lead-work.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { demoTaskKind, seedDemoEnums } from "./demo-enums.ts";

describe("demo lead sources and task kinds", () => {
  beforeEach(() => resetDatabase());

  it("writes both tables with a retired value each, and gives every lead a source and every task a kind", async () => {
    const me = await createTestSalesperson(db);
    const web = await createTestLead(db, { ownerId: me.id, source: "portal" });
    const byHand = await createTestLead(db, { ownerId: me.id, source: "staff" });
    await db.task.createMany({
      data: [
        { title: "电话回访张经理", assigneeId: me.id, leadId: web.id },
        { title: "整理报价资料", assigneeId: me.id, leadId: web.id },
      ],
    });

    await seedDemoEnums(db);
    await seedDemoEnums(db);

    const sources = await lookupValues(db, "lead_source");
    expect(sources.find((v) => v.code === "wechat")).toMatchObject({ labelZh: "微信公众号", active: true });
    expect(sources.find((v) => v.code === "yellow_pages")).toMatchObject({ labelEn: "Yellow pages", active: false });
    expect((await lookupOptions(db, "task_kind", "en")).map((o) => o.value)).not.toContain("fax");
    expect((await db.lead.findUniqueOrThrow({ where: { id: web.id } })).sourceCode).toBe("portal");
    expect((await db.lead.findUniqueOrThrow({ where: { id: byHand.id } })).sourceCode).not.toBeNull();
    expect((await db.task.findMany({ orderBy: { id: "asc" } })).map((t) => t.kind)).toEqual(["call", "todo"]);
    expect(await db.lookupValue.count({ where: { tableKey: "task_kind" } })).toBe(8);
  });

  it("reads a kind from the title's words", () => {
    expect(demoTaskKind("上门拜访华北客户")).toBe("visit");
    expect(demoTaskKind("产品演示")).toBe("demo");
    expect(demoTaskKind("Send e-mail")).toBe("email");
    expect(demoTaskKind("整理合同")).toBe("todo");
  });
});
