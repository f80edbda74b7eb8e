import { LockKeyhole, LogIn } from "lucide-react";
import { isRouteErrorResponse, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";

/** The 401 a loader throws when a visitor opens a members-only solution (articleNeedsSignIn). */
export function isSignInRequired(error: unknown): boolean {
  return isRouteErrorResponse(error) && error.status === 401;
}

/** Asks a visitor to sign in (or register) and brings them back to this page afterwards. */
export function KnowledgeSignInPrompt() {
  const { t } = useI18n();
  const location = useLocation();
  const back = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Card>
        <EmptyState
          icon={<LockKeyhole aria-hidden className="size-5" />}
          titleAs="h1"
          title={t("searchQuality.signIn.title")}
          description={t("searchQuality.signIn.body")}
        >
          <ButtonLink to={`/login?redirectTo=${back}`} icon={LogIn}>
            {t("common.signIn")}
          </ButtonLink>
          <ButtonLink to={`/register?redirectTo=${back}`} variant="secondary">
            {t("searchQuality.signIn.register")}
          </ButtonLink>
        </EmptyState>
      </Card>
    </div>
  );
}
