import { Plus } from "lucide-react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { RuleConditionFields, ruleConditionValues } from "#backoffice/components/rules/rule-condition-fields.tsx";
import type { UiError } from "#backoffice/components/rules-ui.tsx";

// The form for a new distribution rule, beside the rule list; salespeople are added on its own page.

const EMPTY = { name: "", regionKeywords: "", phoneKeywords: "", alsoApply: false, isCatchAll: false };

export function NewRuleCard({
  result,
}: {
  result: { fieldErrors: Partial<Record<string, UiError>>; values: Record<string, string> } | null;
}) {
  const { t } = useI18n();
  return (
    <Card id="new-rule">
      <CardHeader
        icon={<Plus aria-hidden className="size-4" />}
        title={t("distribution.new.title")}
        description={t("distribution.new.description")}
      />
      <Form method="post" noValidate className="space-y-4 p-5">
        <RuleConditionFields
          idPrefix="rule"
          values={ruleConditionValues(result?.values, EMPTY)}
          errors={result?.fieldErrors ?? {}}
        />
        <SubmitButton intent="create" className="w-full">
          <Plus aria-hidden className="size-4" />
          {t("distribution.new.submit")}
        </SubmitButton>
      </Form>
    </Card>
  );
}
