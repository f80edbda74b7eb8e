import { LogIn, Mail, Send, ShoppingBag } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";

/** Who is reading the knowledge base, as far as asking for help goes. */
export type KnowledgeHelpAudience = "visitor" | "member" | "customer";

/**
 * Where to turn when the knowledge base has no answer. A support question must not land on the
 * sales form or on a page the reader may not open: customers open a service request in their zone,
 * members leave a site message, visitors sign in first (and may still ask sales about products).
 */
export function KnowledgeHelpLinks({ audience }: { audience: KnowledgeHelpAudience }) {
  const { t } = useI18n();
  const messageNew = "/account/messages/new";
  return (
    <>
      {audience === "customer" ? (
        <ButtonLink to="/zone/requests/new" icon={Send}>
          {t("knowledge.portal.help.zone")}
        </ButtonLink>
      ) : null}
      {audience === "visitor" ? (
        <ButtonLink to={`/login?redirectTo=${encodeURIComponent(messageNew)}`} variant="secondary" icon={LogIn}>
          {t("knowledge.portal.help.signIn")}
        </ButtonLink>
      ) : (
        <ButtonLink to={messageNew} variant="secondary" icon={Mail}>
          {t("knowledge.portal.help.message")}
        </ButtonLink>
      )}
      {audience !== "customer" ? (
        <ButtonLink to="/requirements" variant="ghost" icon={ShoppingBag}>
          {t("knowledge.portal.help.sales")}
        </ButtonLink>
      ) : null}
    </>
  );
}

/** The help audience for a portal knowledge reader (staff previewing count as customers). */
export function helpAudience(reader: { kind: "visitor" | "member" | "staff"; customer?: boolean }) {
  if (reader.kind === "visitor") return "visitor" as const;
  return reader.kind === "staff" || reader.customer ? ("customer" as const) : ("member" as const);
}
