import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { conflict, forbidden, invalid, notFound, ok, type ServiceResult } from "#app/lib/service-result.ts";
import { MemberAdminError, type MemberAdminErrorCode } from "./member-admin.server.ts";

// The member-admin services raise MemberAdminError for expected refusals; the back-office actions
// answer with the one ServiceResult shape. This is the single translation between the two.

const FORM_ERRORS: Partial<Record<MemberAdminErrorCode, MessageKey>> = {
  "invalid-input": "memberAdmin.error.invalid-input",
  "contact-not-found": "memberAdmin.error.contact-not-found",
  "company-not-found": "memberAdmin.error.company-not-found",
};

/** The refusal as a ServiceResult failure: 400 / 403 / 404 / 409 with a localised message. */
export function memberAdminFailure(error: MemberAdminError) {
  switch (error.code) {
    case "forbidden":
      return forbidden("memberAdmin.error.forbidden");
    case "member-not-found":
      return notFound("memberAdmin.error.member-not-found");
    case "invalid-state":
      return conflict("memberAdmin.error.invalid-state");
    case "contact-taken": {
      const { nickname, email } = error.details;
      return nickname !== undefined && email !== undefined
        ? conflict("memberAdmin.error.contact-taken", { nickname, email })
        : conflict("memberAdmin.error.contact-taken-unknown");
    }
    case "until-in-past":
      return invalid({ until: ["memberAdmin.error.until-in-past"] });
    default:
      return invalid({}, [FORM_ERRORS[error.code] ?? "memberAdmin.error.invalid-input"]);
  }
}

/** Runs a member-admin service call: its value as `ok`, a MemberAdminError as the matching failure. */
export async function memberAdminResult<T>(run: () => Promise<T>): Promise<ServiceResult<T>> {
  try {
    return ok(await run());
  } catch (error) {
    if (error instanceof MemberAdminError) return memberAdminFailure(error);
    throw error;
  }
}
