import { Plus, RefreshCcw } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { errorText, NameField, type UiError } from "#backoffice/components/rules-ui.tsx";
import { RulesFormCard } from "#backoffice/components/rules/rules-form-card.tsx";

// Beside the token group list: the form for a new group and how the rotation works.

export function NewTokenGroupCard({ result }: { result: { fieldErrors: { name?: UiError }; name: string } | null }) {
  const { t } = useI18n();
  const nameError = errorText(t, result?.fieldErrors.name);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <RulesFormCard
        id="new-group"
        icon={Plus}
        title={t("rules.groups.new")}
        description={t("rules.groups.new.description")}
        intent="create"
        submit={{ icon: Plus, label: t("rules.groups.create") }}
      >
        <NameField
          id="group-name"
          label={t("rules.groups.name")}
          error={nameError}
          defaultValue={result?.name ?? ""}
          placeholder={t("rules.groups.name.placeholder")}
        />
      </RulesFormCard>
      <SectionCard icon={RefreshCcw} title={t("rules.groups.how.title")} flush>
        <ul className="space-y-2.5 p-5 text-sm leading-6 text-slate-600">
          <li>{t("rules.groups.how.1")}</li>
          <li>{t("rules.groups.how.2")}</li>
          <li>{t("rules.groups.how.3")}</li>
        </ul>
      </SectionCard>
    </div>
  );
}
