import { ArrowDown, ArrowRight, ArrowUp, Globe2, Phone, Plus, Route, Split } from "lucide-react";
import type { ReactNode } from "react";
import {
  data,
  Form,
  Link,
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
import {
  createDistributionRule,
  listDistributionRules,
  moveDistributionRule,
  setDistributionRuleActive,
  setDistributionRuleFlag,
  type RuleField,
} from "#app/modules/leads/distribution-rules.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/rules-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  DISTRIBUTION_PATH,
  HowRulesWork,
  KeywordList,
  RightsSummary,
} from "#backoffice/components/distribution-ui.tsx";
import {
  errorText,
  Field,
  fieldAria,
  inputClass,
  Notice,
  RulesErrorBoundary,
  RulesTabs,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// 营销规则 › 线索分发规则: the ordered list (evaluation order), quick switches, and a form for a new rule.

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);
const NOTICES = ["deleted", "moved", "saved"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const notice = new URL(request.url).searchParams.get("notice");
  return {
    rules: await listDistributionRules(db),
    notice: (NOTICES as readonly string[]).includes(notice ?? "") ? (notice as (typeof NOTICES)[number]) : null,
  };
}

type ActionData =
  | { intent: "create"; fieldErrors: Partial<Record<RuleField, UiError>>; values: Record<string, string> }
  | { intent: "flag"; ruleId: number; error: UiError };

function throwIfNotFound(result: RulesResult<object, string>) {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const audit = { ipAddress: clientIp(context) };
  const form = Object.fromEntries(await request.formData());
  const ruleId = () => {
    const parsed = IdParam.safeParse(form.ruleId);
    if (!parsed.success) throw data(null, { status: 400 });
    return parsed.data;
  };
  switch (form.intent) {
    case "create": {
      const result = await createDistributionRule(db, actor, form, audit);
      if (result.ok) return redirect(`${DISTRIBUTION_PATH}/${result.ruleId}?notice=created`);
      throwIfNotFound(result);
      const values = Object.fromEntries(
        Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"),
      );
      return data<ActionData>(
        { intent: "create", fieldErrors: result.reason === "invalid" ? result.fieldErrors : {}, values },
        { status: 400 },
      );
    }
    case "up":
    case "down": {
      throwIfNotFound(await moveDistributionRule(db, actor, ruleId(), form.intent, audit));
      return redirect(`${DISTRIBUTION_PATH}?notice=moved`);
    }
    case "activate":
    case "deactivate": {
      throwIfNotFound(await setDistributionRuleActive(db, actor, ruleId(), form.intent === "activate", audit));
      return redirect(`${DISTRIBUTION_PATH}?notice=saved`);
    }
    case "alsoApply":
    case "catchAll": {
      const id = ruleId();
      const flag = form.intent === "alsoApply" ? "alsoApply" : "isCatchAll";
      const result = await setDistributionRuleFlag(db, actor, id, flag, form.value === "1", audit);
      if (result.ok) return redirect(`${DISTRIBUTION_PATH}?notice=saved`);
      throwIfNotFound(result);
      const error =
        result.reason === "invalid" ? (result.fieldErrors.isCatchAll ?? result.fieldErrors.alsoApply) : undefined;
      return data<ActionData>(
        { intent: "flag", ruleId: id, error: error ?? { key: "error.generic.title" } },
        { status: 400 },
      );
    }
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "distribution.rules.title");

type Rule = Awaited<ReturnType<typeof loader>>["rules"][number];

export default function DistributionRulesPage() {
  const { rules, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useI18n();
  const ordered = rules.filter((r) => !r.isCatchAll);
  const catchAll = rules.find((r) => r.isCatchAll) ?? null;
  const flagError = result?.intent === "flag" ? result : null;

  return (
    <div className="space-y-6">
      <PageHeader
        icon={<Split aria-hidden className="size-6" />}
        eyebrow={t("rules.eyebrow")}
        title={t("distribution.rules.title")}
        description={t("distribution.rules.description")}
      />
      <RulesTabs />
      {notice && !result ? <Notice tone="success">{t(`distribution.notice.${notice}`)}</Notice> : null}
      {flagError ? <Notice tone="error">{errorText(t, flagError.error)}</Notice> : null}

      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            icon={<Route aria-hidden className="size-4" />}
            title={t("distribution.rules.list.title")}
            description={t("distribution.rules.list.count", { count: rules.length })}
          />
          {rules.length === 0 ? (
            <EmptyState
              icon={<Split aria-hidden className="size-5" />}
              title={t("distribution.rules.empty.title")}
              description={t("distribution.rules.empty.body")}
            />
          ) : (
            <ol aria-label={t("distribution.rules.list.title")} className="divide-y divide-slate-100">
              {ordered.map((rule, index) => (
                <RuleRow
                  key={rule.id}
                  rule={rule}
                  step={index + 1}
                  first={index === 0}
                  last={index === ordered.length - 1}
                />
              ))}
              {catchAll ? <RuleRow rule={catchAll} step={null} first last /> : null}
            </ol>
          )}
          {rules.length > 0 && !catchAll ? (
            <p className="border-t border-amber-100 bg-amber-50/60 px-5 py-3 text-sm text-amber-900">
              {t("distribution.rules.noCatchAll")}
            </p>
          ) : null}
        </Card>

        <div className="space-y-6">
          <HowRulesWork />
          <NewRuleCard result={result?.intent === "create" ? result : null} />
        </div>
      </div>
    </div>
  );
}

function RuleRow({ rule, step, first, last }: { rule: Rule; step: number | null; first: boolean; last: boolean }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const detail = `${DISTRIBUTION_PATH}/${rule.id}`;
  return (
    <li
      data-testid="distribution-rule"
      className={cn("flex flex-col gap-3 px-5 py-4 sm:flex-row", !rule.active && "bg-slate-50/70")}
    >
      <div className="flex shrink-0 items-start gap-3">
        <span
          aria-hidden
          className={cn(
            "flex size-8 items-center justify-center rounded-full text-sm font-semibold tabular-nums",
            rule.isCatchAll ? "bg-violet-100 text-violet-700" : "bg-blue-600 text-white",
            !rule.active && "bg-slate-200 text-slate-500",
          )}
        >
          {step ?? "∗"}
        </span>
      </div>
      <div className="min-w-0 flex-1 space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          <Link to={detail} className="font-medium text-slate-900 hover:text-blue-700 hover:underline">
            {rule.name}
          </Link>
          {rule.isCatchAll ? <Badge tone="violet">{t("distribution.badge.catchAll")}</Badge> : null}
          {rule.alsoApply ? <Badge tone="amber">{t("distribution.badge.alsoApply")}</Badge> : null}
          {!rule.active ? <Badge tone="slate">{t("distribution.badge.inactive")}</Badge> : null}
        </p>
        {rule.isCatchAll ? (
          <p className="text-sm text-slate-600">{t("distribution.rules.catchAllCondition")}</p>
        ) : (
          <dl className="space-y-1 text-sm text-slate-600">
            <div className="flex flex-wrap items-center gap-2">
              <dt className="inline-flex items-center gap-1 text-xs text-slate-500">
                <Globe2 aria-hidden className="size-3.5" />
                {t("distribution.condition.region")}
              </dt>
              <dd>
                <KeywordList keywords={rule.regionKeywords} />
              </dd>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <dt className="inline-flex items-center gap-1 text-xs text-slate-500">
                <Phone aria-hidden className="size-3.5" />
                {t("distribution.condition.phone")}
              </dt>
              <dd>
                <KeywordList keywords={rule.phoneKeywords} />
              </dd>
            </div>
          </dl>
        )}
        {rule.assignees.length === 0 ? (
          <p className="text-sm font-medium text-amber-700">{t("distribution.rules.noAssignees")}</p>
        ) : (
          <ul className="flex flex-wrap gap-x-4 gap-y-1.5 text-sm">
            {rule.assignees.map((a) => (
              <li key={a.staffId} className="inline-flex flex-wrap items-center gap-1.5">
                <span className={cn("font-medium text-slate-800", a.status !== "active" && "text-slate-500")}>
                  {a.name}
                </span>
                <RightsSummary rights={a} />
              </li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-2 pt-1">
          <QuickForm ruleId={rule.id} intent={rule.active ? "deactivate" : "activate"} disabled={busy}>
            {rule.active ? t("distribution.action.deactivate") : t("distribution.action.activate")}
          </QuickForm>
          {!rule.isCatchAll ? (
            <QuickForm ruleId={rule.id} intent="alsoApply" value={rule.alsoApply ? "0" : "1"} disabled={busy}>
              {rule.alsoApply ? t("distribution.action.alsoApplyOff") : t("distribution.action.alsoApplyOn")}
            </QuickForm>
          ) : null}
          <Link
            to={detail}
            className="inline-flex items-center gap-1 text-sm font-medium text-blue-700 hover:underline"
          >
            {t("distribution.action.edit")}
            <ArrowRight aria-hidden className="size-3.5" />
          </Link>
        </div>
      </div>
      {!rule.isCatchAll ? (
        <div className="flex shrink-0 gap-1 sm:flex-col">
          <MoveButton
            ruleId={rule.id}
            intent="up"
            disabled={first || busy}
            label={t("distribution.action.up", { name: rule.name })}
          />
          <MoveButton
            ruleId={rule.id}
            intent="down"
            disabled={last || busy}
            label={t("distribution.action.down", { name: rule.name })}
          />
        </div>
      ) : null}
    </li>
  );
}

function QuickForm({
  ruleId,
  intent,
  value,
  disabled,
  children,
}: {
  ruleId: number;
  intent: string;
  value?: string;
  disabled: boolean;
  children: ReactNode;
}) {
  return (
    <Form method="post">
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="intent" value={intent} />
      {value !== undefined ? <input type="hidden" name="value" value={value} /> : null}
      <Button type="submit" variant="secondary" size="sm" disabled={disabled}>
        {children}
      </Button>
    </Form>
  );
}

function MoveButton({
  ruleId,
  intent,
  disabled,
  label,
}: {
  ruleId: number;
  intent: "up" | "down";
  disabled: boolean;
  label: string;
}) {
  const Icon = intent === "up" ? ArrowUp : ArrowDown;
  return (
    <Form method="post">
      <input type="hidden" name="ruleId" value={ruleId} />
      <input type="hidden" name="intent" value={intent} />
      <Button type="submit" variant="ghost" size="sm" disabled={disabled} aria-label={label} title={label}>
        <Icon aria-hidden className="size-4" />
      </Button>
    </Form>
  );
}

function NewRuleCard({ result }: { result: Extract<ActionData, { intent: "create" }> | null }) {
  const { t } = useI18n();
  const navigation = useNavigation();
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "create";
  const errors = result?.fieldErrors ?? {};
  const values = result?.values ?? {};
  const nameError = errorText(t, errors.name);
  const regionError = errorText(t, errors.regionKeywords);
  const phoneError = errorText(t, errors.phoneKeywords);
  const catchAllError = errorText(t, errors.isCatchAll);
  return (
    <Card id="new-rule">
      <CardHeader
        icon={<Plus aria-hidden className="size-4" />}
        title={t("distribution.new.title")}
        description={t("distribution.new.description")}
      />
      <Form method="post" noValidate className="space-y-4 p-5">
        <input type="hidden" name="intent" value="create" />
        <Field id="rule-name" label={t("distribution.field.name")} error={nameError} required>
          <input
            id="rule-name"
            name="name"
            required
            maxLength={100}
            defaultValue={values.name ?? ""}
            placeholder={t("distribution.field.name.placeholder")}
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
          <input
            id="rule-region"
            name="regionKeywords"
            defaultValue={values.regionKeywords ?? ""}
            placeholder="北京 OR beijing"
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
          <input
            id="rule-phone"
            name="phoneKeywords"
            defaultValue={values.phoneKeywords ?? ""}
            placeholder="010- OR 8610-"
            className={inputClass}
            {...fieldAria("rule-phone", phoneError, true)}
          />
        </Field>
        <fieldset className="space-y-2">
          <legend className="sr-only">{t("distribution.field.flags")}</legend>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name="alsoApply" defaultChecked={values.alsoApply === "on"} className="mt-0.5" />
            <span>
              {t("distribution.field.alsoApply")}
              <span className="block text-xs text-slate-500">{t("distribution.field.alsoApply.hint")}</span>
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm text-slate-700">
            <input type="checkbox" name="isCatchAll" defaultChecked={values.isCatchAll === "on"} className="mt-0.5" />
            <span>
              {t("distribution.field.catchAll")}
              <span className="block text-xs text-slate-500">{t("distribution.field.catchAll.hint")}</span>
            </span>
          </label>
          {catchAllError ? <p className="text-sm text-red-700">{catchAllError}</p> : null}
        </fieldset>
        <Button type="submit" disabled={saving} className="w-full">
          <Plus aria-hidden className="size-4" />
          {t("distribution.new.submit")}
        </Button>
      </Form>
    </Card>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <RulesErrorBoundary error={error} />;
}
