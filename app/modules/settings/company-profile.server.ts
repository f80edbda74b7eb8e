import { z } from "zod";
import { versionedCache } from "./config-versions.server.ts";
import type { Db, DbOrTx } from "#app/lib/db.server.ts";
import { invalid, ok, type FieldErrors, type ServiceResult } from "#app/lib/service-result.ts";
import { recordStaffAudit } from "#app/modules/audit/audit-log.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { attachStored, discardStored, readAttachment, type StoredFile } from "#app/modules/files/attachments.server.ts";
import { writeSettingRow } from "./settings.server.ts";

// 本公司 (seed §2.P.7): the organisation's own details — legal name, bank and account (开户行/帐户), tax id,
// address, logo (for quotes, contracts and reports), the portal footer (hotline, ICP 备案 number,
// address), time zone and business hours. One JSON `Setting` row: it is read as a whole and edited on
// one page, and a missing or partly malformed row falls back field by field to the defaults.

export const COMPANY_PROFILE_KEY = "company.profile";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/);

function validTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const CompanyProfileSchema = z
  .object({
    legalName: optional(200),
    shortName: optional(100),
    taxId: optional(30),
    bankName: optional(100),
    bankAccount: optional(40),
    address: optional(255),
    phone: optional(50),
    email: optional(191),
    website: optional(255),
    logoAttachmentId: z.number().int().positive().nullable().default(null),
    portalHotline: optional(50),
    icpNumber: optional(60),
    portalAddress: optional(255),
    timeZone: z.string().trim().min(1).max(60).refine(validTimeZone).default("Asia/Shanghai"),
    workdays: z.array(z.number().int().min(1).max(7)).max(7).default([1, 2, 3, 4, 5]),
    dayStart: hhmm.default("09:00"),
    dayEnd: hhmm.default("18:00"),
  })
  .refine((p) => p.dayStart < p.dayEnd, { path: ["dayEnd"] });
export type CompanyProfile = z.output<typeof CompanyProfileSchema>;
export type CompanyProfileInput = z.input<typeof CompanyProfileSchema>;
export type CompanyProfileField = Exclude<keyof CompanyProfile, "logoAttachmentId">;

export const DEFAULT_COMPANY_PROFILE: CompanyProfile = CompanyProfileSchema.parse({});

// Every page's shell shows the brand: cached per process until the row changes (decision 048).
const profileCache = versionedCache<CompanyProfile>((key) => `setting:${key}`);

export function getCompanyProfile(db: DbOrTx): Promise<CompanyProfile> {
  return profileCache(db, COMPANY_PROFILE_KEY, () => readCompanyProfile(db));
}

async function readCompanyProfile(db: DbOrTx): Promise<CompanyProfile> {
  const row = await db.setting.findUnique({ where: { key: COMPANY_PROFILE_KEY } });
  const stored = row?.value && typeof row.value === "object" && !Array.isArray(row.value) ? row.value : {};
  const whole = CompanyProfileSchema.safeParse(stored);
  if (whole.success) return whole.data;
  // Keep every field that is still valid on its own.
  const merged: Record<string, unknown> = { ...DEFAULT_COMPANY_PROFILE };
  for (const [k, v] of Object.entries(stored as Record<string, unknown>)) {
    if (CompanyProfileSchema.safeParse({ ...merged, [k]: v }).success) merged[k] = v;
  }
  return CompanyProfileSchema.parse(merged);
}

/** What the portal footer shows (anyone may see it). */
export async function portalFooterDetails(db: DbOrTx) {
  const p = await getCompanyProfile(db);
  return {
    name: p.legalName,
    hotline: p.portalHotline,
    icpNumber: p.icpNumber,
    address: p.portalAddress ?? p.address,
  };
}

/** The back-office header's brand: the uploaded logo (its URL changes with each upload) and the name. */
export async function shellBrand(db: DbOrTx): Promise<{ logoUrl: string | null; name: string | null }> {
  const p = await getCompanyProfile(db);
  return {
    logoUrl: p.logoAttachmentId ? `/crm/admin/company/logo?v=${p.logoAttachmentId}` : null,
    name: p.shortName ?? p.legalName,
  };
}

export async function saveCompanyProfile(
  db: DbOrTx,
  actor: StaffActor,
  raw: Omit<CompanyProfileInput, "logoAttachmentId">,
): Promise<ServiceResult<CompanyProfile, CompanyProfileField>> {
  const before = await getCompanyProfile(db);
  const parsed = CompanyProfileSchema.safeParse({ ...raw, logoAttachmentId: before.logoAttachmentId });
  if (!parsed.success) {
    const errors: FieldErrors<CompanyProfileField> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]) as CompanyProfileField;
      errors[field] = [field === "timeZone" ? "adminSystem.company.timeZoneInvalid" : "adminSystem.company.invalid"];
    }
    return invalid(errors);
  }
  await write(db, actor, before, parsed.data);
  return ok(parsed.data);
}

/** Replaces the logo with a stored upload (an image); the previous logo row is removed. */
export async function setCompanyLogo(db: Db, actor: StaffActor, stored: StoredFile): Promise<ServiceResult<number>> {
  if (!stored.mimeType.startsWith("image/")) {
    await discardStored([stored]);
    return invalid({ logo: ["adminSystem.company.logoNotImage"] });
  }
  try {
    return await db.$transaction(async (tx) => {
      const before = await getCompanyProfile(tx);
      const [row] = await attachStored(tx, [stored], { type: "company_logo", id: 1 }, { staffId: actor.staffId });
      if (before.logoAttachmentId) await tx.attachment.deleteMany({ where: { id: before.logoAttachmentId } });
      await write(tx, actor, before, { ...before, logoAttachmentId: row!.id });
      return ok(row!.id);
    });
  } catch (error) {
    await discardStored([stored]);
    throw error;
  }
}

async function write(db: DbOrTx, actor: StaffActor, before: CompanyProfile, after: CompanyProfile) {
  await writeSettingRow(db, COMPANY_PROFILE_KEY, after, actor.staffId);
  await recordStaffAudit(db, actor, {
    action: "companyProfile.updated",
    entityType: "Setting",
    entityId: null,
    before,
    after,
  });
}

/** The current logo file, if any. */
export async function readCompanyLogo(db: DbOrTx) {
  const { logoAttachmentId } = await getCompanyProfile(db);
  if (!logoAttachmentId) return null;
  return readAttachment(db, logoAttachmentId, (a) => a.ownerType === "company_logo");
}
