import {
  data,
  Outlet,
  useLoaderData,
  useRouteLoaderData,
  type LoaderFunctionArgs,
  type ShouldRevalidateFunction,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { FlashBanner } from "#app/ui/flash-banner.tsx";
import { getMemberAuth } from "#app/modules/members/member-guard.server.ts";
import { audienceAllows, CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { memberCookie } from "#app/modules/members/member-session.server.ts";
import { memberUnreadBadge, openedThreadId } from "#app/modules/messages/site-messages.server.ts";
import { portalFooterDetails } from "#app/modules/settings/company-profile.server.ts";
import { shellLookups } from "#app/modules/settings/lookup-values.server.ts";
import { PortalFooter } from "#portal/components/portal-footer.tsx";
import { PortalHeader } from "#portal/components/portal-header.tsx";
import type { HeaderMember } from "#portal/components/member-menu.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";

// The portal frame: header (with the member menu when signed in), page, footer. The year comes from
// the server so the rendered footer and the hydrated one always agree.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getMemberAuth(request);
  let member: HeaderMember | null = null;
  if (auth) {
    const { principal } = auth;
    member = {
      nickname: principal.member.nickname,
      level: principal.member.level,
      verificationPending: principal.verificationPending,
      showZone: audienceAllows(principal.audience, CUSTOMER_LEVELS),
      unread: await memberUnreadBadge(
        db,
        principal.member.id,
        openedThreadId(new URL(request.url).pathname, "/account/messages"),
      ),
    };
  }
  // The sliding session expiry moved: hand the refreshed cookie back. A cookie whose session is gone
  // (signed out elsewhere, suspended) is cleared so the browser stops sending it.
  const setCookie = auth ? auth.setCookie : memberCookie.read(request) ? memberCookie.clear() : null;
  return data(
    {
      year: new Date().getFullYear(),
      member,
      footer: await portalFooterDetails(db),
      // Labels of the system tables the portal shows (app/ui/lookup-labels.ts).
      lookups: await shellLookups(db, await getLocale(request)),
    },
    { headers: setCookie ? { "Set-Cookie": setCookie } : undefined },
  );
}

// The header shows who is signed in and the unread count: re-read it on every navigation (two cheap
// queries), not only after form posts, so opening a message clears the badge at once.
export const shouldRevalidate: ShouldRevalidateFunction = () => true;

export default function PortalLayout() {
  const { year, member, footer } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-blue-600 px-3 py-2 text-sm text-white focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
      >
        {t("portal.skipToContent")}
      </a>
      <PortalHeader member={member} />
      <main id="main" className="flex-1">
        <FlashBanner className="max-w-6xl px-4 pt-5 sm:px-6 lg:px-8" />
        <Outlet />
      </main>
      <PortalFooter year={year} signedIn={member !== null} details={footer} />
    </div>
  );
}

/**
 * Any portal page without its own boundary (and the frame itself) fails here, still inside the
 * portal's header and footer and worded for members and visitors, not the back office's root page.
 */
export function ErrorBoundary() {
  const loaded = useRouteLoaderData<typeof loader>("portal");
  return (
    <div className="flex min-h-screen flex-col bg-slate-50">
      <PortalHeader member={loaded?.member ?? null} />
      <main id="main" className="flex-1">
        <ShellErrorBoundary />
      </main>
      <PortalFooter
        year={loaded?.year ?? new Date().getFullYear()}
        signedIn={Boolean(loaded?.member)}
        details={loaded?.footer}
      />
    </div>
  );
}
