import { db } from "#app/lib/db.server.ts";
import { inspectMemberToken } from "#app/modules/members/member-registration.server.ts";

// The e-mailed single-use links (activation, password reset) land on pages that first only look at
// the token: mail scanners and link previews fetch with GET and must not use it up.

const MAX_TOKEN = 100;

export function tokenFrom(value: FormDataEntryValue | string | null): string {
  return typeof value === "string" ? value.slice(0, MAX_TOKEN) : "";
}

/** The link's token (kept for the form only when it is usable) and its state. */
async function inspectTokenLink(request: Request, purpose: "activation" | "password_reset") {
  const token = tokenFrom(new URL(request.url).searchParams.get("token"));
  const state = await inspectMemberToken(db, token, purpose);
  return { token: state === "valid" ? token : "", state };
}

/** The loader of a link's landing page: `export const loader = tokenLinkLoader("activation")`. */
export function tokenLinkLoader(purpose: "activation" | "password_reset") {
  return ({ request }: { request: Request }) => inspectTokenLink(request, purpose);
}
