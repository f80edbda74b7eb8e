import { Save } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  CategoryFields,
  type CategoryFieldName,
  type CategoryFormOptions,
  type CategoryFormValues,
} from "../rules-category-form.tsx";
import { Notice, type UiError } from "../rules-ui.tsx";

/** The saved settings of a category, as the edit form starts from them. */
interface SavedCategory {
  code: string;
  name: string;
  kind: string;
  campaignId: number | null;
  tokenGroupId: number | null;
  designatedStaffId: number;
  origins: string[];
}

/**
 * A category's settings form (intent `update`) on its record page: the saved values, or what was
 * posted together with its errors when saving was refused.
 */
export function CategorySettingsCard({
  category,
  options,
  refused,
}: {
  category: SavedCategory;
  options: CategoryFormOptions;
  refused: { values: CategoryFormValues; fieldErrors: Partial<Record<CategoryFieldName, UiError>> } | null;
}) {
  const { t } = useI18n();
  const values = refused?.values ?? {
    code: category.code,
    name: category.name,
    kind: category.kind,
    campaignId: category.campaignId ? String(category.campaignId) : "",
    tokenGroupId: category.tokenGroupId ? String(category.tokenGroupId) : "",
    designatedStaffId: String(category.designatedStaffId),
    allowedOrigins: category.origins.join("\n"),
  };
  return (
    <SectionCard
      id="settings"
      title={t("rules.category.edit")}
      description={t("rules.category.edit.description")}
      flush
    >
      <Form method="post" noValidate className="space-y-5 p-5">
        {refused ? <Notice tone="error">{t("rules.form.fixErrors")}</Notice> : null}
        <CategoryFields idPrefix="edit" values={values} errors={refused?.fieldErrors ?? {}} options={options} />
        <div className="flex justify-end border-t border-slate-100 pt-5">
          <SubmitButton intent="update" pendingLabel={t("common.saving")}>
            <Save aria-hidden className="size-4" />
            {t("common.save")}
          </SubmitButton>
        </div>
      </Form>
    </SectionCard>
  );
}
