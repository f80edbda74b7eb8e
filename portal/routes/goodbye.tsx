import { HeartHandshake } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";

// Where deregistration ends (注销帐户): the member is signed out by then, so this is a public page.

export const meta = titleMeta("account.deregister.goodbye.title");

export default function Goodbye() {
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <EmptyCard
        icon={HeartHandshake}
        title={t("account.deregister.goodbye.title")}
        description={t("account.deregister.goodbye.body")}
        titleAs="h1"
        className="py-14"
      >
        <ButtonLink to="/">{t("account.deregister.goodbye.home")}</ButtonLink>
        <ButtonLink to="/register" variant="secondary">
          {t("account.deregister.goodbye.register")}
        </ButtonLink>
      </EmptyCard>
    </div>
  );
}
