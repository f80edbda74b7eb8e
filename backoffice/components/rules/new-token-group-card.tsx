import { Plus, RefreshCcw } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { errorText, NameField, type UiError } from "#backoffice/components/rules-ui.tsx";

// Beside the token group list: the form for a new group and how the rotation works.

export function NewTokenGroupCard({ result }: { result: { fieldErrors: { name?: UiError }; name: string } | null }) {
  const { t } = useI18n();
  const nameError = errorText(t, result?.fieldErrors.name);
  return (
    <div className="grid gap-6 md:grid-cols-2">
      <Card id="new-group">
        <CardHeader
          icon={<Plus aria-hidden className="size-4" />}
          title={t("rules.groups.new")}
          description={t("rules.groups.new.description")}
        />
        <Form method="post" noValidate className="space-y-4 p-5">
          <NameField
            id="group-name"
            label={t("rules.groups.name")}
            error={nameError}
            defaultValue={result?.name ?? ""}
            placeholder={t("rules.groups.name.placeholder")}
          />
          <SubmitButton intent="create" className="w-full">
            <Plus aria-hidden className="size-4" />
            {t("rules.groups.create")}
          </SubmitButton>
        </Form>
      </Card>
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
