import { ArrowLeft, LockKeyhole, SearchX } from "lucide-react";
import { useRouteError } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { routeErrorView, type ErrorTexts } from "#app/ui/route-error.ts";

/**
 * The portal's one error boundary: 403 / 404 / anything else inside the portal header and footer.
 * A route exports it as a one-liner:
 *
 *   export function ErrorBoundary() {
 *     return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
 *   }
 *
 * - `back` / `backLabel`: where "back" leads (default: the home page).
 * - `texts`: the i18n area whose `notFound` / `forbidden` (and, where it has them, `generic`) texts
 *   fit the page (default the common `error.*`).
 */
export function ShellErrorBoundary({
  back = "/",
  backLabel = "error.back",
  texts = "error",
}: {
  back?: string;
  backLabel?: MessageKey;
  texts?: ErrorTexts;
}) {
  const error = useRouteError();
  const { t } = useI18n();
  const view = routeErrorView(error, texts);
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card>
        <EmptyState
          icon={
            view.status === 404 ? (
              <SearchX aria-hidden className="size-5" />
            ) : (
              <LockKeyhole aria-hidden className="size-5" />
            )
          }
          eyebrow={String(view.status)}
          titleAs="h1"
          title={t(view.title)}
          description={t(view.body)}
        >
          <ButtonLink to={back} variant="secondary">
            <ArrowLeft aria-hidden className="size-4" />
            {t(backLabel)}
          </ButtonLink>
        </EmptyState>
      </Card>
    </div>
  );
}
