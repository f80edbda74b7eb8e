import { z } from "zod";
import { isCommonPassword } from "./common-passwords.ts";

export const MEMBER_PASSWORD_MIN = 8;
export const MEMBER_PASSWORD_MAX = 128;

/**
 * ASVS 6.2: length 8–128, no composition rules, not a common password. Messages are i18n keys
 * (`validation.*`), resolved by the route.
 */
export const MemberPasswordSchema = z
  .string()
  .min(MEMBER_PASSWORD_MIN, "passwordTooShort")
  .max(MEMBER_PASSWORD_MAX, "passwordTooLong")
  .refine((p) => !isCommonPassword(p), "passwordTooCommon");
