import { ArrowRight, LinkIcon, MailWarning, type LucideIcon } from "lucide-react";
import { flashLocation, type FlashKey } from "#app/lib/flash.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { ResultCard } from "./member-auth-ui.tsx";

export type TokenFailure = "invalid" | "expired" | "used";

/** Where each flow starts over when its link no longer works. */
const START_OVER = {
  activate: { to: "/activate/resend", label: "members.activate.resend" },
  reset: { to: "/forgot-password", label: "members.reset.requestNew" },
} as const;

/**
 * Why an e-mailed link no longer works, and the ways on: ask for a new link, or sign in. The words
 * come from `members.<area>.<reason>Title/Body`.
 */
export function TokenLinkFailure({ area, reason }: { area: keyof typeof START_OVER; reason: TokenFailure }) {
  const { t } = useI18n();
  return (
    <ResultCard
      icon={reason === "invalid" ? LinkIcon : MailWarning}
      tone="warning"
      title={t(`members.${area}.${reason}Title`)}
      actions={
        <>
          <ButtonLink to={START_OVER[area].to} size="lg">
            {t(START_OVER[area].label)}
          </ButtonLink>
          <ButtonLink to="/login" size="lg" variant="secondary">
            {t(`members.${area}.signInInstead`)}
          </ButtonLink>
        </>
      }
    >
      <p>{t(`members.${area}.${reason}Body`)}</p>
    </ResultCard>
  );
}

/** The link did its job: what changed, and on to sign in (with the matching confirmation there). */
export function TokenLinkDone({
  area,
  icon,
  flash,
}: {
  area: "activate" | "reset";
  icon: LucideIcon;
  flash: FlashKey;
}) {
  const { t } = useI18n();
  return (
    <ResultCard
      icon={icon}
      tone="success"
      title={t(`members.${area}.doneTitle`)}
      actions={
        <ButtonLink to={flashLocation("/login", flash)} size="lg">
          {t(`members.${area}.signIn`)}
          <ArrowRight aria-hidden className="size-4" />
        </ButtonLink>
      }
    >
      <p>{t(`members.${area}.doneBody`)}</p>
    </ResultCard>
  );
}
