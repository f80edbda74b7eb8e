import { redirect } from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { localeCookie } from "#app/lib/i18n/locale.server.ts";
import { LOCALES } from "#app/lib/i18n/locales.ts";
import { safeRedirectPath } from "#app/lib/safe-redirect.ts";
import { getOptionalMember } from "#app/modules/members/member-guard.server.ts";
import { rememberMemberLocale } from "#app/modules/members/member-locale.server.ts";
import type { Route } from "./+types/locale";

const LocaleForm = z.object({
  locale: z.enum(LOCALES),
  // Only same-site paths (the one parser), so the switch cannot be used as an open redirect.
  redirectTo: z.unknown().transform((value) => safeRedirectPath(value, "/")),
});

export async function action({ request }: Route.ActionArgs) {
  const parsed = LocaleForm.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return Response.json({ error: "invalid locale" }, { status: 400 });
  // A signed-in member's notices and e-mail follow the language they switched to (decision 053).
  const member = await getOptionalMember(request);
  if (member) await rememberMemberLocale(db, member.member.id, parsed.data.locale);
  return redirect(parsed.data.redirectTo, {
    headers: { "Set-Cookie": await localeCookie.serialize(parsed.data.locale) },
  });
}

export function loader() {
  return redirect("/");
}
