import type { Db } from "#app/lib/db.server.ts";
import { createChannelKey } from "#app/modules/leads/intake/channel-keys.server.ts";
import { createIntakeCategory, createIntakeStaff } from "./lead-intake.ts";

// A registration category with a channel key and allowed browser origins, for tests of the public
// intake API and the portal forms.

export async function createApiChannel(
  db: Db,
  options: {
    allowedOrigins?: string[];
    active?: boolean;
    code?: string;
    kind?: "guest" | "requirement" | "order";
  } = {},
) {
  const owner = await createIntakeStaff(db);
  const category = await createIntakeCategory(db, {
    designatedStaffId: owner.id,
    active: options.active,
    kind: options.kind,
  });
  const updated = await db.registrationCategory.update({
    where: { id: category.id },
    data: {
      allowedOrigins: options.allowedOrigins ? options.allowedOrigins.join("\n") : null,
      ...(options.code ? { code: options.code } : {}),
    },
  });
  const key = await createChannelKey(db, { categoryId: category.id, name: "测试密钥", createdById: null });
  return { owner, category: updated, key };
}

/** A POST /api/v1/leads request as a browser or another server would send it. */
export function intakeRequest(
  body: unknown,
  options: { key?: string | null; origin?: string; headers?: Record<string, string>; raw?: string } = {},
): Request {
  const headers = new Headers({ "Content-Type": "application/json", ...options.headers });
  if (options.key) headers.set("Authorization", `Bearer ${options.key}`);
  if (options.origin) headers.set("Origin", options.origin);
  return new Request("http://crm.test/api/v1/leads", {
    method: "POST",
    headers,
    body: options.raw ?? JSON.stringify(body),
  });
}

export function preflightRequest(origin: string | null): Request {
  const headers = new Headers({
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
  });
  if (origin) headers.set("Origin", origin);
  return new Request("http://crm.test/api/v1/leads", { method: "OPTIONS", headers });
}
