import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { staffActorFor } from "#app/modules/auth/staff-actor.ts";
import { createTestStaff } from "#tests/factories/staff.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { sendTestMail } from "./test-mail.server.ts";

beforeEach(() => resetDatabase());

describe("sendTestMail", () => {
  it("queues one test mail to the actor and records who sent it", async () => {
    const { staff } = await createTestStaff(db, { isAdmin: true });
    const actor = staffActorFor(staff, { isAdmin: true });
    const { outboxId } = await sendTestMail(db, actor, "en");
    const row = await db.emailOutbox.findUniqueOrThrow({ where: { id: outboxId } });
    expect(row).toMatchObject({ toAddress: staff.email, template: "test-message", status: "pending" });
    expect(row.text).toContain(staff.name);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "mail.test_sent" } });
    expect(audit).toMatchObject({ entityType: "EmailOutbox", entityId: String(outboxId) });
  });
});
