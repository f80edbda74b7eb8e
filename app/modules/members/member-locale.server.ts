import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";

// The member's language (decision 053): the portal's locale cookie, stored at sign-in and on every
// language switch, so what we send them later (forum notices, digests, e-mail) is in that language.

/** Stores the language the member uses the portal in; one statement, nothing written when unchanged. */
export async function rememberMemberLocale(db: DbOrTx, memberId: number, locale: Locale): Promise<void> {
  // NULL-safe "differs": NOT (locale = x) is unknown for NULL, so an unset language is matched explicitly.
  await db.member.updateMany({
    where: { id: memberId, OR: [{ locale: null }, { locale: { not: locale } }] },
    data: { locale },
  });
}
