import { Save, Split, Trash2 } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
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
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/distribution/rules-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { DISTRIBUTION_PATH, HowRulesWork } from "#backoffice/components/distribution-ui.tsx";
import { RuleAssigneesCard } from "#backoffice/components/rules/rule-assignees-card.tsx";
import { RuleConditionFields, ruleConditionValues } from "#backoffice/components/rules/rule-condition-fields.tsx";
import { BackLink, ConfirmAction, PostButton, type UiError } from "#backoffice/components/rules-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 线索分发规则 › one rule: its conditions, flags, and the salespeople with their edit rights.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const rule = await getDistributionRule(db, requireIdParam(params.ruleId));
  if (!rule) throw data(null, { status: 404 });
  const taken = new Set(rule.assignees.map((a) => a.staffId));
  const choices = (await listRuleStaffChoices(db)).filter((s) => !taken.has(s.id));
  return { rule, choices };
}

type ActionData =
  | { intent: "update"; fieldErrors: Partial<Record<RuleField, UiError>>; values: Record<string, string> }
  | { intent: "add"; fieldErrors: { staffId?: UiError } };

interface RuleRequest {
  actor: StaffActor;
  id: number;
  formData: FormData;
  form: Record<string, FormDataEntryValue>;
  audit: { ipAddress: string };
}

function orNotFound<T extends object>(result: RulesResult<T, string>): RulesResult<T, string> {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
  return result;
}

const here = (id: number) => `${DISTRIBUTION_PATH}/${id}`;
/** The rights ticked for one person: `canEditNeed` (add form) or `canEditNeed_12` (rights table). */
const rightsFrom = (get: (key: string) => unknown) =>
  pickRights(Object.fromEntries(RIGHT_KEYS.map((k) => [k, get(k) === "on"])));

async function update({ actor, id, form, audit }: RuleRequest) {
  const result = orNotFound(await updateDistributionRule(db, actor, id, form, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.saved");
  const values = Object.fromEntries(
    Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  const fieldErrors = result.reason === "invalid" ? result.fieldErrors : {};
  return data<ActionData>({ intent: "update", fieldErrors, values }, { status: 400 });
}

async function setActive({ actor, id, audit }: RuleRequest, active: boolean) {
  orNotFound(await setDistributionRuleActive(db, actor, id, active, audit));
  return redirectWithFlash(here(id), "flash.saved");
}

async function remove({ actor, id, audit }: RuleRequest) {
  orNotFound(await deleteDistributionRule(db, actor, id, audit));
  return redirectWithFlash(DISTRIBUTION_PATH, "flash.rules.ruleDeleted");
}

async function addAssignee({ actor, id, form, audit }: RuleRequest) {
  const staffId = IdParam.safeParse(form.staffId);
  if (!staffId.success) {
    const fieldErrors = { staffId: { key: "distribution.validation.chooseStaff" } } as const;
    return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
  }
  const rights = rightsFrom((k) => form[k]);
  const result = orNotFound(await addRuleAssignee(db, actor, id, staffId.data, rights, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.rules.salespersonAdded");
  const fieldErrors = result.reason === "invalid" ? result.fieldErrors : {};
  return data<ActionData>({ intent: "add", fieldErrors }, { status: 400 });
}

async function saveRights({ actor, id, formData, audit }: RuleRequest) {
  const rows = formData
    .getAll("staffId")
    .map((v) => IdParam.safeParse(v))
    .filter((p) => p.success)
    .map(({ data: staffId }) => ({ staffId, ...rightsFrom((k) => formData.get(`${k}_${staffId}`)) }));
  orNotFound(await saveRuleAssigneeRights(db, actor, id, rows, audit));
  return redirectWithFlash(here(id), "flash.rules.rightsSaved");
}

async function removeAssignee({ actor, id, form, audit }: RuleRequest) {
  const staffId = IdParam.safeParse(form.staffId);
  if (!staffId.success) throw data(null, { status: 400 });
  orNotFound(await removeRuleAssignee(db, actor, id, staffId.data, audit));
  return redirectWithFlash(here(id), "flash.rules.salespersonRemoved");
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = requireIdParam(params.ruleId);
  const formData = await request.formData();
  const form = Object.fromEntries(formData);
  const req: RuleRequest = { actor, id, formData, form, audit: { ipAddress: clientIp(context) } };
  switch (formIntent(formData)) {
    case "update":
      return update(req);
    case "activate":
      return setActive(req, true);
    case "deactivate":
      return setActive(req, false);
    case "delete":
      return remove(req);
    case "add":
      return addAssignee(req);
    case "rights":
      return saveRights(req);
    case "remove":
      return removeAssignee(req);
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "distribution.rule.pageTitle", { name: loaderData.rule.name })
    : pageTitle(matches, "distribution.rules.title");

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
    <div className="space-y-6">
      <BackLink to={DISTRIBUTION_PATH}>{t("distribution.rule.back")}</BackLink>
      <PageHeader
        icon={<Split aria-hidden className="size-6" />}
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
              confirmLabel={t("distribution.delete.confirm")}
              fields={{ intent: "delete" }}
            />
          </div>
        }
      />

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <RuleAssigneesCard assignees={rule.assignees} choices={choices} addError={add?.fieldErrors.staffId} />
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader title={t("distribution.rule.conditions")} />
            <Form method="post" noValidate className="space-y-4 p-5">
              <RuleConditionFields idPrefix="rule" values={values} errors={update?.fieldErrors ?? {}} multiline />
              <SubmitButton intent="update" className="w-full">
                <Save aria-hidden className="size-4" />
                {t("distribution.rule.save")}
              </SubmitButton>
            </Form>
          </Card>
          <HowRulesWork />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={DISTRIBUTION_PATH} backLabel="distribution.rule.back" texts="rules.error" />;
}
