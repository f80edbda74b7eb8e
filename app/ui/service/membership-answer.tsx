import { Check, X } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IntentButton } from "../form/intent-button.tsx";

/**
 * The answer to a zone membership waiting for a side's confirmation: 确认 (until that side has
 * confirmed; then `confirmedNote` in its place) and 拒绝. The back office and the customer's zone
 * admin post the same intents with the membership's id.
 */
export function MembershipAnswer({
  membershipId,
  name,
  confirmed,
  confirmedNote = null,
}: {
  membershipId: number;
  /** The member's nickname, for the buttons' accessible names. */
  name: string;
  /** Whether this side has confirmed already. */
  confirmed: boolean;
  confirmedNote?: ReactNode;
}) {
  const { t } = useI18n();
  const field = { name: "membershipId", value: membershipId };
  return (
    <div className="flex gap-2">
      {confirmed ? (
        confirmedNote
      ) : (
        <IntentButton intent="confirm" field={field} aria-label={t("common.confirmName", { name })}>
          <Check aria-hidden className="size-4" />
          {t("common.confirm")}
        </IntentButton>
      )}
      <IntentButton intent="decline" field={field} variant="secondary" aria-label={t("common.declineName", { name })}>
        <X aria-hidden className="size-4" />
        {t("common.decline")}
      </IntentButton>
    </div>
  );
}
