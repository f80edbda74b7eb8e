import { Save, Split, Trash2 } from "lucide-react";
import {
  data,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { formatKeywords } from "#app/modules/leads/distribution/distribution-rule-matching.ts";
import {
  addRuleAssignee,
  deleteDistributionRule,
  getDistributionRule,
  listRuleStaffChoices,
  pickRights,
  removeRuleAssignee,
  RIGHT_KEYS,
  saveRuleAssigneeRights,
  setDistributionRuleActive,
  updateDistributionRule,
  type RuleField,
} from "#app/modules/leads/distribution/distribution-rules.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { recordMeta } from "#app/ui/meta.ts";
import { DISTRIBUTION_PATH, HowRulesWork } from "#backoffice/components/distribution-ui.tsx";
import { ConfirmAction, PostButton, type UiError } from "#backoffice/components/rules-ui.tsx";
import { RuleAssigneesCard } from "#backoffice/components/rules/rule-assignees-card.tsx";
import { RuleConditionFields, ruleConditionValues } from "#backoffice/components/rules/rule-condition-fields.tsx";
import { RulesDetailPage } from "#backoffice/components/rules/rules-detail-page.tsx";
import { RulesFormCard } from "#backoffice/components/rules/rules-form-card.tsx";
import { orNotFound, rulesRecordPage, type RulesRequest } from "#backoffice/components/rules/rules-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 线索分发规则 › one rule: its conditions, flags, and the salespeople with their edit rights.

const rulesPage = rulesRecordPage("ruleId");

export async function loader(args: LoaderFunctionArgs) {
  return rulesPage.load(args, async (database, id) => {
    const rule = await getDistributionRule(database, id);
    if (!rule) return null;
    const taken = new Set(rule.assignees.map((a) => a.staffId));
    const choices = (await listRuleStaffChoices(database)).filter((s) => !taken.has(s.id));
    return { rule, choices };
  });
}

type ActionData =
  | { intent: "update"; fieldErrors: Partial<Record<RuleField, UiError>>; values: Record<string, string> }
  | { intent: "add"; fieldErrors: { staffId?: UiError } };

const here = (id: number) => `${DISTRIBUTION_PATH}/${id}`;
/** The rights ticked for one person: `canEditNeed` (add form) or `canEditNeed_12` (rights table). */
const rightsFrom = (get: (key: string) => unknown) =>
  pickRights(Object.fromEntries(RIGHT_KEYS.map((k) => [k, get(k) === "on"])));

async function update({ actor, id, form, audit }: RulesRequest) {
  const result = orNotFound(await updateDistributionRule(db, actor, id, form, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.saved");
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const fieldErrors = result.fieldErrors;
  return data<ActionData>({ intent: "update", fieldErrors, values }, { status: 400 });
}

async function setActive({ actor, id, audit }: RulesRequest, active: boolean) {
  orNotFound(await setDistributionRuleActive(db, actor, id, active, audit));
  return redirectWithFlash(here(id), "flash.saved");
}

async function remove({ actor, id, audit }: RulesRequest) {
  orNotFound(await deleteDistributionRule(db, actor, id, audit));
  return redirectWithFlash(DISTRIBUTION_PATH, "flash.rules.ruleDeleted");
}

async function addAssignee({ actor, id, form, audit }: RulesRequest) {
  const staffId = IdParam.safeParse(form.staffId);
  if (!staffId.success) {
    const fieldErrors = { staffId: { key: "distribution.validation.chooseStaff" } } as const;
    return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
  }
  const rights = rightsFrom((k) => form[k]);
  const result = orNotFound(await addRuleAssignee(db, actor, id, staffId.data, rights, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.rules.salespersonAdded");
  const fieldErrors = result.fieldErrors;
  return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
}

async function saveRights({ actor, id, formData, audit }: RulesRequest) {
  const rows = formData
    .getAll("staffId")
    .map((v) => IdParam.safeParse(v))
    .filter((p) => p.success)
    .map(({ data: staffId }) => ({ staffId, ...rightsFrom((k) => formData.get(`${k}_${staffId}`)) }));
  orNotFound(await saveRuleAssigneeRights(db, actor, id, rows, audit));
  return redirectWithFlash(here(id), "flash.rules.rightsSaved");
}

async function removeAssignee({ actor, id, rowId, audit }: RulesRequest) {
  orNotFound(await removeRuleAssignee(db, actor, id, rowId("staffId"), audit));
  return redirectWithFlash(here(id), "flash.rules.salespersonRemoved");
}

export async function action(args: ActionFunctionArgs) {
  return rulesPage.dispatch(args, {
    update,
    activate: (req) => setActive(req, true),
    deactivate: (req) => setActive(req, false),
    delete: remove,
    add: addAssignee,
    rights: saveRights,
    remove: removeAssignee,
  });
}

export const meta = recordMeta<typeof loader>("distribution.rules.title", (d) => [
  "distribution.rule.pageTitle",
  { name: d.rule.name },
]);

export default function DistributionRulePage() {
  const { rule, choices } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const busy = useNavigation().state !== "idle";
  const { t } = useI18n();
  const update = result?.intent === "update" ? result : null;
  const add = result?.intent === "add" ? result : null;
  const values = ruleConditionValues(update?.values, {
    name: rule.name,
    regionKeywords: formatKeywords(rule.regionKeywords),
    phoneKeywords: formatKeywords(rule.phoneKeywords),
    alsoApply: rule.alsoApply,
    isCatchAll: rule.isCatchAll,
  });

  return (
    <RulesDetailPage
      back={{ to: DISTRIBUTION_PATH, label: t("distribution.rule.back") }}
      icon={Split}
      eyebrow={t("distribution.rules.title")}
      title={rule.name}
      description={rule.isCatchAll ? t("distribution.rules.catchAllCondition") : t("distribution.rule.description")}
      actions={
        <div className="flex flex-wrap items-center gap-2">
          {rule.isCatchAll ? <Badge tone="violet">{t("distribution.badge.catchAll")}</Badge> : null}
          {!rule.active ? <Badge tone="slate">{t("distribution.badge.inactive")}</Badge> : null}
          <PostButton
            fields={{ intent: rule.active ? "deactivate" : "activate" }}
            variant="secondary"
            size="sm"
            disabled={busy}
          >
            {rule.active ? t("distribution.action.deactivate") : t("distribution.action.activate")}
          </PostButton>
          <ConfirmAction
            label={t("distribution.action.delete")}
            icon={<Trash2 aria-hidden className="size-4" />}
            title={t("distribution.delete.title", { name: rule.name })}
            body={t("distribution.delete.body")}
            confirmLabel={t("common.delete")}
            fields={{ intent: "delete" }}
          />
        </div>
      }
      main={<RuleAssigneesCard assignees={rule.assignees} choices={choices} addError={add?.fieldErrors.staffId} />}
      side={
        <>
          <RulesFormCard
            title={t("distribution.rule.conditions")}
            intent="update"
            submit={{ icon: Save, label: t("distribution.rule.save") }}
          >
            <RuleConditionFields idPrefix="rule" values={values} errors={update?.fieldErrors ?? {}} multiline />
          </RulesFormCard>
          <HowRulesWork />
        </>
      }
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={DISTRIBUTION_PATH} backLabel="distribution.rule.back" texts="rules.error" />;
}
