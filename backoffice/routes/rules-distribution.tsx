import { Route, Split } from "lucide-react";
import {
  data,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  createDistributionRule,
  listDistributionRules,
  moveDistributionRule,
  setDistributionRuleActive,
  setDistributionRuleFlag,
  type RuleField,
} from "#app/modules/leads/distribution/distribution-rules.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/distribution/rules-access.server.ts";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { DISTRIBUTION_PATH, HowRulesWork } from "#backoffice/components/distribution-ui.tsx";
import { errorText, Notice, RULES_PATHS, RulesTabs, type UiError } from "#backoffice/components/rules-ui.tsx";
import { DistributionRuleRow } from "#backoffice/components/rules/distribution-rule-row.tsx";
import { NewRuleCard } from "#backoffice/components/rules/new-rule-card.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 线索分发规则: the ordered list (evaluation order), quick switches, and a form for a new rule.
// The order is the rules' meaning (first match wins), so this list is not sortable by column.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  return { rules: await listDistributionRules(db) };
}

type ActionData =
  | { intent: "create"; fieldErrors: Partial<Record<RuleField, UiError>>; values: Record<string, string> }
  | { intent: "flag"; ruleId: number; error: UiError };

interface RulesRequest {
  actor: StaffActor;
  form: Record<string, FormDataEntryValue>;
  audit: { ipAddress: string };
}

function orNotFound<T extends object>(result: RulesResult<T, string>): RulesResult<T, string> {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
  return result;
}

function ruleIdOf(form: RulesRequest["form"]): number {
  const parsed = IdParam.safeParse(form.ruleId);
  if (!parsed.success) throw data(null, { status: 400 });
  return parsed.data;
}

/** What was typed (text and ticked boxes), to refill a refused form. */
function typed(form: RulesRequest["form"]): Record<string, string> {
  return Object.fromEntries(Object.entries(form).filter((e): e is [string, string] => typeof e[1] === "string"));
}

async function create({ actor, form, audit }: RulesRequest) {
  const result = orNotFound(await createDistributionRule(db, actor, form, audit));
  if (result.ok) return redirectWithFlash(`${DISTRIBUTION_PATH}/${result.ruleId}`, "flash.rules.ruleCreated");
  const fieldErrors = result.reason === "invalid" ? result.fieldErrors : {};
  return data<ActionData>({ intent: "create", fieldErrors, values: typed(form) }, { status: 400 });
}

async function move({ actor, form, audit }: RulesRequest, direction: "up" | "down") {
  orNotFound(await moveDistributionRule(db, actor, ruleIdOf(form), direction, audit));
  return redirectWithFlash(DISTRIBUTION_PATH, "flash.rules.orderChanged");
}

async function setActive({ actor, form, audit }: RulesRequest, active: boolean) {
  orNotFound(await setDistributionRuleActive(db, actor, ruleIdOf(form), active, audit));
  return redirectWithFlash(DISTRIBUTION_PATH, "flash.saved");
}

async function setFlag({ actor, form, audit }: RulesRequest, flag: "alsoApply" | "isCatchAll") {
  const id = ruleIdOf(form);
  const result = orNotFound(await setDistributionRuleFlag(db, actor, id, flag, form.value === "1", audit));
  if (result.ok) return redirectWithFlash(DISTRIBUTION_PATH, "flash.saved");
  const error =
    result.reason === "invalid" ? (result.fieldErrors.isCatchAll ?? result.fieldErrors.alsoApply) : undefined;
  return data<ActionData>(
    { intent: "flag", ruleId: id, error: error ?? { key: "error.generic.title" } },
    { status: 400 },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const formData = await request.formData();
  const req: RulesRequest = { actor, form: Object.fromEntries(formData), audit: { ipAddress: clientIp(context) } };
  switch (formIntent(formData)) {
    case "create":
      return create(req);
    case "up":
      return move(req, "up");
    case "down":
      return move(req, "down");
    case "activate":
      return setActive(req, true);
    case "deactivate":
      return setActive(req, false);
    case "alsoApply":
      return setFlag(req, "alsoApply");
    case "catchAll":
      return setFlag(req, "isCatchAll");
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "distribution.rules.title");

export default function DistributionRulesPage() {
  const { rules } = useLoaderData<typeof loader>();
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
                <DistributionRuleRow
                  key={rule.id}
                  rule={rule}
                  step={index + 1}
                  first={index === 0}
                  last={index === ordered.length - 1}
                />
              ))}
              {catchAll ? <DistributionRuleRow rule={catchAll} step={null} first last /> : null}
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

export function ErrorBoundary() {
  return <ShellErrorBoundary back={RULES_PATHS.categories} backLabel="rules.error.backToRules" texts="rules.error" />;
}
