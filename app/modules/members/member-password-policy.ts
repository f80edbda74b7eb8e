import { z } from "zod";
import { msg } from "#app/lib/schemas.ts";
import { isCommonPassword } from "./common-passwords.ts";

export const MEMBER_PASSWORD_MIN = 8;
export const MEMBER_PASSWORD_MAX = 128;

/** ASVS 6.2: length 8–128, no composition rules, not a common password. Messages are i18n keys. */
export const MemberPasswordSchema = z
  .string()
  .min(MEMBER_PASSWORD_MIN, msg("members.validation.passwordTooShort"))
  .max(MEMBER_PASSWORD_MAX, msg("members.validation.passwordTooLong"))
  .refine((p) => !isCommonPassword(p), msg("members.validation.passwordTooCommon"));

/** The "type it again" check of a new password, reported on the confirmation field. */
export function passwordsMatch(value: { password: string; passwordConfirm: string }): boolean {
  return value.password === value.passwordConfirm;
}
export const PASSWORD_MISMATCH = {
  path: ["passwordConfirm"],
  message: msg("members.validation.passwordMismatch"),
};
