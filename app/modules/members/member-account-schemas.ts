import { z } from "zod";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { checkbox, email, msg, optionalText } from "#app/lib/schemas.ts";
import { phoneKey } from "#app/modules/crm/match-keys.ts";
import { MemberPasswordSchema } from "./member-password-policy.ts";
import { NicknameSchema } from "./member-registration.server.ts";

// The forms of the member's own account pages (/account/profile, /account/security,
// /account/deregister), read by `parseForm`. Messages are i18n keys written through `msg()`.

/** Deregistered accounts are renamed `已注销用户<id>`; nobody may take such a name beforehand. */
export const DEREGISTERED_NICKNAME_PREFIX = "已注销用户";

/** Registration's nickname rule, plus the prefix deregistration uses. */
export const ProfileNicknameSchema = NicknameSchema.refine(
  (v) => !v.startsWith(DEREGISTERED_NICKNAME_PREFIX),
  msg("account.validation.nicknameReserved"),
);

export const ProfileSchema = z.object({
  nickname: ProfileNicknameSchema,
  phone: optionalText(30).refine((v) => v === null || phoneKey(v) !== null, msg("account.validation.phoneInvalid")),
  title: optionalText(100),
  province: optionalText(50),
  city: optionalText(50),
  address: optionalText(255),
  /** Editable only until staff verify the real name (实名认证); ignored afterwards. */
  realName: optionalText(50),
  companyName: optionalText(200),
  notifyByEmail: checkbox(),
  notifyNewsletter: checkbox(),
});
export type ProfileInput = z.output<typeof ProfileSchema>;

const CurrentPassword = z
  .string(msg("validation.required"))
  .min(1, msg("validation.required"))
  .max(1024, msg("validation.tooLong"));

export const PasswordChangeSchema = z
  .object({
    currentPassword: CurrentPassword,
    newPassword: z.string(msg("validation.required")).pipe(MemberPasswordSchema),
    confirmPassword: z.string(msg("validation.required")),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: msg("account.validation.passwordMismatch"),
  })
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ["newPassword"],
    message: msg("account.validation.passwordUnchanged"),
  });
export type PasswordChangeInput = z.output<typeof PasswordChangeSchema>;

export const EmailChangeSchema = z.object({
  currentPassword: CurrentPassword,
  newEmail: email,
});
export type EmailChangeInput = z.output<typeof EmailChangeSchema>;

/** What the member types to confirm deregistration; either language's word is accepted. */
export const DEREGISTER_CONFIRM_WORDS: Record<Locale, string> = { "zh-CN": "注销", en: "DEREGISTER" };

export const DeregisterSchema = z.object({
  password: CurrentPassword,
  confirmation: z
    .string(msg("validation.required"))
    .trim()
    .min(1, msg("validation.required"))
    .refine(
      (v) => Object.values(DEREGISTER_CONFIRM_WORDS).some((word) => word.toLowerCase() === v.toLowerCase()),
      msg("account.validation.confirmationMismatch"),
    ),
});
export type DeregisterInput = z.output<typeof DeregisterSchema>;
