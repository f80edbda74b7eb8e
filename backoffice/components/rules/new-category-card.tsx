import { Plus } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import {
  CategoryFields,
  EMPTY_CATEGORY,
  type CategoryFieldName,
  type CategoryFormOptions,
} from "#backoffice/components/rules-category-form.tsx";
import { Notice, type UiError } from "#backoffice/components/rules-ui.tsx";

// The form for a new registration category, under the category list (the header's "新建" jumps here).

export function NewCategoryCard({
  options,
  result,
}: {
  options: CategoryFormOptions;
  result: {
    fieldErrors: Partial<Record<CategoryFieldName, UiError>>;
    values: Record<CategoryFieldName, string>;
  } | null;
}) {
  const { t } = useI18n();
  const noStaff = options.staff.length === 0;
  return (
    <SectionCard
      id="new-category"
      className="scroll-mt-24"
      icon={Plus}
      title={t("rules.categories.new")}
      description={t("rules.categories.new.description")}
      flush
    >
      <Form method="post" className="space-y-5 p-5" noValidate>
        {result ? <Notice tone="error">{t("rules.form.fixErrors")}</Notice> : null}
        {noStaff ? <Notice tone="warning">{t("rules.categories.noStaff")}</Notice> : null}
        <CategoryFields
          idPrefix="new"
          values={result?.values ?? EMPTY_CATEGORY}
          errors={result?.fieldErrors ?? {}}
          options={options}
        />
        <div className="flex justify-end border-t border-slate-100 pt-5">
          <SubmitButton intent="create" disabled={noStaff} pendingLabel={t("common.saving")}>
            <Plus aria-hidden className="size-4" />
            {t("rules.categories.create")}
          </SubmitButton>
        </div>
      </Form>
    </SectionCard>
  );
}
