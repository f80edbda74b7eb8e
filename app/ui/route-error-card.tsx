import { AlertTriangle, ArrowLeft, LockKeyhole, SearchX } from "lucide-react";
import { useRouteError } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ButtonLink } from "./button.tsx";
import { Card } from "./card.tsx";
import { EmptyState } from "./empty-state.tsx";
import { routeErrorView, type ErrorTexts } from "./route-error.ts";

/** Where "back" leads from an error page, and what the link says. */
export interface ErrorBackLink {
  to: string;
  label: MessageKey;
}

/**
 * The card both shells' error boundaries render for a thrown route response: 403 / 404 / anything
 * else, with the status, a title and body from `texts` (see route-error.ts) and one way back.
 * `back` leads from a missing or refused record; `home` (default `back`) from a module the guard
 * refused as a whole (its own list is refused too, so "back to the list" would fail again).
 */
export function RouteErrorCard({
  back,
  home,
  texts = "error",
}: {
  back: ErrorBackLink;
  home?: ErrorBackLink;
  texts?: ErrorTexts;
}) {
  const error = useRouteError();
  const { t } = useI18n();
  const view = routeErrorView(error, texts);
  const Icon = view.status === 403 ? LockKeyhole : view.status === 404 ? SearchX : AlertTriangle;
  const way = view.moduleRefused && home ? home : back;
  return (
    <Card>
      <EmptyState
        icon={<Icon aria-hidden className="size-5" />}
        eyebrow={String(view.status)}
        titleAs="h1"
        title={t(view.title)}
        description={t(view.body)}
        className="py-20"
      >
        <ButtonLink to={way.to} variant="secondary" icon={ArrowLeft}>
          {t(way.label)}
        </ButtonLink>
      </EmptyState>
    </Card>
  );
}
