import { z } from "zod";
import { versionedCache } from "./config-versions.server.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import { msg } from "#app/lib/schemas.ts";
import type { Prisma } from "#app/generated/prisma/client.ts";

// Typed system settings stored as JSON rows. Each setting declares its schema and default here, so
// a missing or malformed row falls back to the default instead of breaking a page.
export const SETTINGS = {
  /** 实名认证: members stay limited until staff verify their real name and phone. */
  "members.requireRealNameVerification": { schema: z.boolean(), default: false },
  /** 回收站: days a binned record stays before the automatic purge; 0 turns the purge off. */
  "recycleBin.retentionDays": { schema: z.number().int().min(0).max(3650), default: 90 },
  /** 审核提醒: hours a step may wait before its approvers are reminded (once); 0 turns reminders off. */
  "approvals.reminderHours": { schema: z.number().int().min(0).max(720), default: 24 },
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.infer<(typeof SETTINGS)[K]["schema"]>;

// Settings are read on every page (shell brand, member guard, SLA clocks): cached per process and
// re-read when the row's version moves (config-versions.server.ts, decision 048).
const settingCache = versionedCache<unknown>((key) => `setting:${key}`);

export async function getSetting<K extends SettingKey>(db: DbOrTx, key: K): Promise<SettingValue<K>> {
  return (await settingCache(db, key, async () => {
    const row = await db.setting.findUnique({ where: { key } });
    const parsed = SETTINGS[key].schema.safeParse(row?.value);
    return parsed.success ? parsed.data : SETTINGS[key].default;
  })) as SettingValue<K>;
}

export async function setSetting<K extends SettingKey>(
  db: DbOrTx,
  key: K,
  value: SettingValue<K>,
  staffId: number | null,
): Promise<void> {
  await writeSettingRow(db, key, SETTINGS[key].schema.parse(value), staffId);
}

/** Stores one setting row (any key; the caller has validated the value), noting who changed it. */
export async function writeSettingRow(
  db: DbOrTx,
  key: string,
  value: Prisma.InputJsonValue,
  staffId: number | null,
): Promise<void> {
  await db.setting.upsert({
    where: { key },
    create: { key, value, updatedById: staffId },
    update: { value, updatedById: staffId },
  });
}

/** A whole-number setting as a form posts it (a text field), 0…max, with the localised number error. */
export function settingNumberField(max: number) {
  return z.coerce
    .number(msg("validation.number"))
    .int(msg("validation.number"))
    .min(0, msg("validation.number"))
    .max(max, msg("validation.number"));
}
