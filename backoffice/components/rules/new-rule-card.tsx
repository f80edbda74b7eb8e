import { Plus } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { UiError } from "#backoffice/components/rules-ui.tsx";
import { RuleConditionFields, ruleConditionValues } from "#backoffice/components/rules/rule-condition-fields.tsx";
import { RulesFormCard } from "#backoffice/components/rules/rules-form-card.tsx";

// The form for a new distribution rule, beside the rule list; salespeople are added on its own page.

const EMPTY = { name: "", regionKeywords: "", phoneKeywords: "", alsoApply: false, isCatchAll: false };

export function NewRuleCard({
  result,
}: {
  result: { fieldErrors: Partial<Record<string, UiError>>; values: Record<string, string> } | null;
}) {
  const { t } = useI18n();
  return (
    <RulesFormCard
      id="new-rule"
      icon={Plus}
      title={t("distribution.new.title")}
      description={t("distribution.new.description")}
      intent="create"
      submit={{ icon: Plus, label: t("distribution.new.submit") }}
    >
      <RuleConditionFields
        idPrefix="rule"
        values={ruleConditionValues(result?.values, EMPTY)}
        errors={result?.fieldErrors ?? {}}
      />
    </RulesFormCard>
  );
}
