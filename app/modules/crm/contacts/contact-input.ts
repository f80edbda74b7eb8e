import { z } from "zod";
import {
  checkbox,
  IdParam,
  msg,
  optionalDate,
  optionalEmail,
  optionalPhone,
  optionalText,
  trimmedText,
} from "#app/lib/schemas.ts";

// What the contact form sends (create and edit share it). Pure, so the route, the service and the
// form's field names all read the same definition.

export const PREFERRED_CHANNELS = ["phone", "mobile", "email", "sms", "wechat", "mail"] as const;
export type PreferredChannel = (typeof PREFERRED_CHANNELS)[number];

/** 单位: a known company (companyId), not known yet, or none (a private person, 无单位). */
export const COMPANY_MODES = ["known", "unknown", "none"] as const;
export type CompanyMode = (typeof COMPANY_MODES)[number];

export const ContactInputSchema = z
  .object({
    familyName: trimmedText(50),
    givenName: optionalText(50),
    salutation: optionalText(20),
    title: optionalText(100),
    department: optionalText(100),
    companyMode: z.enum(COMPANY_MODES, msg("validation.choose")).optional().default("unknown"),
    companyId: IdParam.optional(),
    reportsToId: IdParam.optional(),
    // The region picker sends division codes; the service resolves them to names (regions/).
    provinceCode: optionalText(12),
    cityCode: optionalText(12),
    districtCode: optionalText(12),
    address: optionalText(255),
    postcode: optionalText(20),
    phone: optionalPhone,
    mobile: optionalPhone,
    homePhone: optionalPhone,
    fax: optionalPhone,
    email: optionalEmail,
    email2: optionalEmail,
    birthday: optionalDate,
    preferredChannel: z.enum(PREFERRED_CHANNELS, msg("validation.choose")).optional(),
    optOutEmail: checkbox(),
    optOutSms: checkbox(),
    optOutCall: checkbox(),
    ownerId: IdParam.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.companyMode === "known" && v.companyId === undefined) {
      ctx.addIssue({ code: "custom", path: ["companyId"], message: msg("contacts.error.companyRequired") });
    }
    if (v.reportsToId !== undefined && v.companyMode !== "known") {
      ctx.addIssue({ code: "custom", path: ["reportsToId"], message: msg("contacts.error.reportsToCompany") });
    }
    if (v.birthday && v.birthday.getTime() > Date.now()) {
      ctx.addIssue({ code: "custom", path: ["birthday"], message: msg("contacts.error.birthdayFuture") });
    }
  });

export type ContactInput = z.output<typeof ContactInputSchema>;
export type ContactField = Extract<keyof z.input<typeof ContactInputSchema>, string>;

const CJK = /[\u3400-\u9fff]/;

/** Display name: Chinese names are family + given without a space (王小明), others "Given Family". */
export function contactFullName(familyName: string, givenName: string | null | undefined): string {
  const given = givenName?.trim() ?? "";
  if (!given) return familyName.trim();
  if (CJK.test(familyName) || CJK.test(given)) return `${familyName.trim()}${given}`;
  return `${given} ${familyName.trim()}`;
}
