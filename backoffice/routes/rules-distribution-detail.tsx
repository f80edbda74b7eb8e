import { Save, Split, Trash2, UserMinus, UserPlus, UsersRound } from "lucide-react";
import {
  data,
  Form,
  redirect,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { formatKeywords } from "#app/modules/leads/distribution-rule-matching.ts";
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
} from "#app/modules/leads/distribution-rules.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/rules-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { DISTRIBUTION_PATH, HowRulesWork, RIGHT_LABELS, RIGHTS } from "#backoffice/components/distribution-ui.tsx";
import {
  BackLink,
  ConfirmAction,
  errorText,
  Field,
  fieldAria,
  inputClass,
  Notice,
  RulesErrorBoundary,
  StaffStatusBadge,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// 营销规则 › 线索分发规则 › one rule: its conditions, flags, and the salespeople with their edit rights.

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const NOTICES = ["created", "saved", "added", "removed", "rights"] as const;

function ruleIdFrom(params: LoaderFunctionArgs["params"]): number {
  const parsed = IdParam.safeParse(params.ruleId);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const rule = await getDistributionRule(db, ruleIdFrom(params));
  if (!rule) throw data(null, { status: 404 });
  const taken = new Set(rule.assignees.map((a) => a.staffId));
  const choices = (await listRuleStaffChoices(db)).filter((s) => !taken.has(s.id));
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    rule,
    choices,
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as (typeof NOTICES)[number]) : null,
  };
}

type ActionData =
  | { intent: "update"; fieldErrors: Partial<Record<RuleField, UiError>>; values: Record<string, string> }
  | { intent: "add"; fieldErrors: { staffId?: UiError } };

function throwIfNotFound(result: RulesResult<object, string>) {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = ruleIdFrom(params);
  const audit = { ipAddress: clientIp(context) };
  const formData = await request.formData();
  const form = Object.fromEntries(formData);
  const here = `${DISTRIBUTION_PATH}/${id}`;
  switch (form.intent) {
    case "update": {
      const result = await updateDistributionRule(db, actor, id, form, audit);
      if (result.ok) return redirect(`${here}?notice=saved`);
      throwIfNotFound(result);
      const values = Object.fromEntries(
        Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
      return data<ActionData>(
        { intent: "update", fieldErrors: result.reason === "invalid" ? result.fieldErrors : {}, values },
        { status: 400 },
      );
    }
    case "activate":
    case "deactivate": {
      throwIfNotFound(await setDistributionRuleActive(db, actor, id, form.intent === "activate", audit));
      return redirect(`${here}?notice=saved`);
    }
    case "delete": {
      throwIfNotFound(await deleteDistributionRule(db, actor, id, audit));
      return redirect(`${DISTRIBUTION_PATH}?notice=deleted`);
    }
    case "add": {
      const staffId = IdParam.safeParse(form.staffId);
      if (!staffId.success) {
        return data<ActionData>(
          { intent: "add", fieldErrors: { staffId: { key: "distribution.validation.chooseStaff" } } },
          { status: 400 },
        );
      }
      const rights = pickRights(Object.fromEntries(RIGHT_KEYS.map((k) => [k, form[k] === "on"])));
      const result = await addRuleAssignee(db, actor, id, staffId.data, rights, audit);
      if (result.ok) return redirect(`${here}?notice=added`);
      throwIfNotFound(result);
      return data<ActionData>(
        { intent: "add", fieldErrors: result.reason === "invalid" ? result.fieldErrors : {} },
        { status: 400 },
      );
    }
    case "rights": {
      const staffIds = formData.getAll("staffId").map((v) => IdParam.safeParse(v));
      const rows = staffIds
        .filter((p) => p.success)
        .map((p) => {
          const staffId = p.data!;
          return {
            staffId,
            ...pickRights(Object.fromEntries(RIGHT_KEYS.map((k) => [k, formData.get(`${k}_${staffId}`) === "on"]))),
          };
        });
      throwIfNotFound(await saveRuleAssigneeRights(db, actor, id, rows, audit));
      return redirect(`${here}?notice=rights`);
    }
    case "remove": {
      const staffId = IdParam.safeParse(form.staffId);
      if (!staffId.success) throw data(null, { status: 400 });
      throwIfNotFound(await removeRuleAssignee(db, actor, id, staffId.data, audit));
      return redirect(`${here}?notice=removed`);
    }
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "distribution.rule.pageTitle", { name: loaderData.rule.name })
    : pageTitle(matches, "distribution.rules.title");

export default function DistributionRulePage() {
  const { rule, choices, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const { t } = useI18n();
  const busy = navigation.state !== "idle";
  const update = result?.intent === "update" ? result : null;
  const add = result?.intent === "add" ? result : null;
  const values = update?.values;
  const nameError = errorText(t, update?.fieldErrors.name);
  const regionError = errorText(t, update?.fieldErrors.regionKeywords);
  const phoneError = errorText(t, update?.fieldErrors.phoneKeywords);
  const catchAllError = errorText(t, update?.fieldErrors.isCatchAll);
  const addError = errorText(t, add?.fieldErrors.staffId);

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
            <Form method="post">
              <input type="hidden" name="intent" value={rule.active ? "deactivate" : "activate"} />
              <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                {rule.active ? t("distribution.action.deactivate") : t("distribution.action.activate")}
              </Button>
            </Form>
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
      {notice && !result ? <Notice tone="success">{t(`distribution.notice.${notice}`)}</Notice> : null}

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader
              icon={<UsersRound aria-hidden className="size-4" />}
              title={t("distribution.assignees.title")}
              description={t("distribution.assignees.description")}
            />
            {rule.assignees.length === 0 ? (
              <EmptyState
                icon={<UsersRound aria-hidden className="size-5" />}
                title={t("distribution.assignees.empty.title")}
                description={t("distribution.assignees.empty.body")}
              />
            ) : (
              <Form method="post">
                <input type="hidden" name="intent" value="rights" />
                <div className="overflow-x-auto">
                  <table className="min-w-full text-left text-sm">
                    <thead className="border-b border-slate-100 bg-slate-50/60 text-xs font-medium text-slate-500">
                      <tr>
                        <th scope="col" className="py-2.5 pr-3 pl-5 font-medium">
                          {t("distribution.assignees.col.person")}
                        </th>
                        {RIGHTS.map((r) => (
                          <th key={r} scope="col" className="px-3 py-2.5 text-center font-medium">
                            {t(RIGHT_LABELS[r])}
                          </th>
                        ))}
                        <th scope="col" className="py-2.5 pr-5 pl-3">
                          <span className="sr-only">{t("distribution.assignees.col.actions")}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody className="divide-y divide-slate-100">
                      {rule.assignees.map((a) => (
                        <tr key={a.staffId}>
                          <td className="py-3 pr-3 pl-5">
                            <input type="hidden" name="staffId" value={a.staffId} />
                            <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
                              {a.name}
                              {a.status !== "active" ? <StaffStatusBadge status={a.status} /> : null}
                            </p>
                            <p className="text-xs text-slate-500">
                              {[a.title, a.teamName].filter(Boolean).join(" · ") || "—"}
                            </p>
                          </td>
                          {RIGHTS.map((r) => (
                            <td key={r} className="px-3 py-3 text-center">
                              <input
                                type="checkbox"
                                name={`${r}_${a.staffId}`}
                                defaultChecked={a[r]}
                                aria-label={t("distribution.assignees.rightFor", {
                                  right: t(RIGHT_LABELS[r]),
                                  name: a.name,
                                })}
                                className="size-4"
                              />
                            </td>
                          ))}
                          <td className="py-3 pr-5 pl-3 text-right">
                            <Button
                              type="submit"
                              form={`remove-${a.staffId}`}
                              variant="ghost"
                              size="sm"
                              disabled={busy}
                              aria-label={t("distribution.assignees.remove", { name: a.name })}
                              title={t("distribution.assignees.remove", { name: a.name })}
                            >
                              <UserMinus aria-hidden className="size-4" />
                            </Button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-5 py-3">
                  <p className="text-xs text-slate-500">{t("distribution.assignees.rightsHint")}</p>
                  <Button type="submit" size="sm" disabled={busy}>
                    <Save aria-hidden className="size-4" />
                    {t("distribution.assignees.save")}
                  </Button>
                </div>
              </Form>
            )}
            {rule.assignees.map((a) => (
              <Form key={a.staffId} method="post" id={`remove-${a.staffId}`} hidden>
                <input type="hidden" name="intent" value="remove" />
                <input type="hidden" name="staffId" value={a.staffId} />
              </Form>
            ))}
            <Form method="post" noValidate className="space-y-3 border-t border-slate-100 bg-slate-50/50 px-5 py-4">
              <input type="hidden" name="intent" value="add" />
              <Field id="add-staff" label={t("distribution.assignees.add")} error={addError}>
                <select
                  id="add-staff"
                  name="staffId"
                  defaultValue=""
                  className={inputClass}
                  {...fieldAria("add-staff", addError)}
                >
                  <option value="">{t("distribution.assignees.choose")}</option>
                  {choices.map((s) => (
                    <option key={s.id} value={s.id}>
                      {[s.name, s.teamName, s.status === "away" ? t("rules.staffStatus.away") : null]
                        .filter(Boolean)
                        .join(" · ")}
                    </option>
                  ))}
                </select>
              </Field>
              <fieldset className="flex flex-wrap gap-x-4 gap-y-2">
                <legend className="mb-1.5 text-xs font-medium text-slate-600">
                  {t("distribution.assignees.mayEdit")}
                </legend>
                {RIGHTS.map((r) => (
                  <label key={r} className="inline-flex items-center gap-1.5 text-sm text-slate-700">
                    <input type="checkbox" name={r} className="size-4" />
                    {t(RIGHT_LABELS[r])}
                  </label>
                ))}
              </fieldset>
              <Button type="submit" variant="secondary" size="sm" disabled={busy}>
                <UserPlus aria-hidden className="size-4" />
                {t("distribution.assignees.addSubmit")}
              </Button>
            </Form>
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader title={t("distribution.rule.conditions")} />
            <Form method="post" noValidate className="space-y-4 p-5">
              <input type="hidden" name="intent" value="update" />
              <Field id="rule-name" label={t("distribution.field.name")} error={nameError} required>
                <input
                  id="rule-name"
                  name="name"
                  required
                  maxLength={100}
                  defaultValue={values?.name ?? rule.name}
                  className={inputClass}
                  {...fieldAria("rule-name", nameError)}
                />
              </Field>
              <Field
                id="rule-region"
                label={t("distribution.field.region")}
                hint={t("distribution.field.region.hint")}
                error={regionError}
              >
                <textarea
                  id="rule-region"
                  name="regionKeywords"
                  rows={2}
                  defaultValue={values?.regionKeywords ?? formatKeywords(rule.regionKeywords)}
                  className={inputClass}
                  {...fieldAria("rule-region", regionError, true)}
                />
              </Field>
              <Field
                id="rule-phone"
                label={t("distribution.field.phone")}
                hint={t("distribution.field.phone.hint")}
                error={phoneError}
              >
                <textarea
                  id="rule-phone"
                  name="phoneKeywords"
                  rows={2}
                  defaultValue={values?.phoneKeywords ?? formatKeywords(rule.phoneKeywords)}
                  className={inputClass}
                  {...fieldAria("rule-phone", phoneError, true)}
                />
              </Field>
              <fieldset className="space-y-2">
                <legend className="sr-only">{t("distribution.field.flags")}</legend>
                <label className="flex items-start gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="alsoApply"
                    defaultChecked={values ? values.alsoApply === "on" : rule.alsoApply}
                    className="mt-0.5"
                  />
                  <span>
                    {t("distribution.field.alsoApply")}
                    <span className="block text-xs text-slate-500">{t("distribution.field.alsoApply.hint")}</span>
                  </span>
                </label>
                <label className="flex items-start gap-2 text-sm text-slate-700">
                  <input
                    type="checkbox"
                    name="isCatchAll"
                    defaultChecked={values ? values.isCatchAll === "on" : rule.isCatchAll}
                    className="mt-0.5"
                  />
                  <span>
                    {t("distribution.field.catchAll")}
                    <span className="block text-xs text-slate-500">{t("distribution.field.catchAll.hint")}</span>
                  </span>
                </label>
                {catchAllError ? <p className="text-sm text-red-700">{catchAllError}</p> : null}
              </fieldset>
              <Button type="submit" disabled={busy} className="w-full">
                <Save aria-hidden className="size-4" />
                {t("distribution.rule.save")}
              </Button>
            </Form>
          </Card>
          <HowRulesWork />
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <RulesErrorBoundary error={error} />;
}
