import { AlertTriangle, ArrowLeft, BookOpen, Home, LockKeyhole, LogIn, Mail, SearchX } from "lucide-react";
import { useLocation, useRouteError, useRouteLoaderData } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { routeErrorView, type ErrorTexts } from "#app/ui/route-error.ts";

/**
 * The portal's one error boundary: 403 / 404 / anything else inside the portal header and footer,
 * worded for members and visitors (never the back office's "your role … administrator"), with ways
 * on: back, home, sign in (visitors), the knowledge base and contact. A route exports it as a
 * one-liner:
 *
 *   export function ErrorBoundary() {
 *     return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
 *   }
 *
 * - `back` / `backLabel`: where "back" leads (default: only the home page).
 * - `texts`: the i18n area whose `notFound` / `forbidden` (and, where it has them, `generic`) texts
 *   fit the page (default `portal.error`).
 */
export function ShellErrorBoundary({
  back,
  backLabel,
  texts = "portal.error",
}: {
  back?: string;
  backLabel?: MessageKey;
  texts?: ErrorTexts;
}) {
  const error = useRouteError();
  const { t } = useI18n();
  const location = useLocation();
  const signedIn = Boolean(useRouteLoaderData<{ member: unknown }>("portal")?.member);
  const view = routeErrorView(error, texts);
  // The shared view falls back to the back office's wording for a refused module and to the common
  // "something broke" text; the portal words both for its own readers.
  const area = view.moduleRefused ? "portal.error" : texts;
  const kind = view.status === 404 ? "notFound" : view.status === 403 ? "forbidden" : "generic";
  const title = kind === "generic" ? genericKey(texts, "title") : (`${area}.${kind}.title` as MessageKey);
  const body = kind === "generic" ? genericKey(texts, "body") : (`${area}.${kind}.body` as MessageKey);
  const Icon = view.status === 403 ? LockKeyhole : view.status === 404 ? SearchX : AlertTriangle;
  const here = `${location.pathname}${location.search}`;
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card>
        <EmptyState
          icon={<Icon aria-hidden className="size-5" />}
          eyebrow={String(view.status)}
          titleAs="h1"
          title={t(title)}
          description={t(body)}
          className="py-16"
        >
          <div className="flex flex-wrap justify-center gap-2">
            {!signedIn && view.status === 403 ? (
              <ButtonLink to={`/login?redirectTo=${encodeURIComponent(here)}`} icon={LogIn}>
                {t("portal.error.signIn")}
              </ButtonLink>
            ) : null}
            {back && backLabel ? (
              <ButtonLink to={back} variant="secondary" icon={ArrowLeft}>
                {t(backLabel)}
              </ButtonLink>
            ) : null}
            <ButtonLink to="/" variant="secondary" icon={Home}>
              {t("error.back")}
            </ButtonLink>
            <ButtonLink to="/knowledge" variant="ghost" icon={BookOpen}>
              {t("portal.error.knowledge")}
            </ButtonLink>
            <ButtonLink to={signedIn ? "/account/messages/new" : "/requirements"} variant="ghost" icon={Mail}>
              {t("portal.error.contact")}
            </ButtonLink>
          </div>
        </EmptyState>
      </Card>
    </div>
  );
}

/** Areas with their own "something broke" wording; the others use the portal's. */
const OWN_GENERIC: ReadonlySet<string> = new Set(["zones.error", "portal.error"]);

function genericKey(texts: ErrorTexts, part: "title" | "body"): MessageKey {
  return `${OWN_GENERIC.has(texts) ? texts : "portal.error"}.generic.${part}` as MessageKey;
}
