import { Plug, Power, PowerOff, Save } from "lucide-react";
import { formatDateTime } from "#app/lib/format/dates.ts";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  generateCategoryKey,
  getCategoryFormOptions,
  getRegistrationCategory,
  revokeCategoryKey,
  rotateCategoryKey,
  setRegistrationCategoryActive,
  updateRegistrationCategory,
} from "#app/modules/leads/distribution/registration-categories.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/distribution/rules-access.server.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { CategoryApiCard, IssuedKeyPanel } from "#backoffice/components/rules/category-api.tsx";
import { CategoryKeysCard } from "#backoffice/components/rules/category-keys-card.tsx";
import { CategoryRoutingCard } from "#backoffice/components/rules/category-routing-card.tsx";
import {
  CategoryFields,
  categoryValuesFrom,
  type CategoryFieldName,
} from "#backoffice/components/rules-category-form.tsx";
import {
  ActiveBadge,
  BackLink,
  errorText,
  KindBadge,
  Notice,
  RULES_PATHS,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 登记分类 › one category: its settings, where its leads go right now, its channel API keys
// and how a website calls the intake API. A new key is returned in the action data only: shown once,
// never stored in clear, never in a URL or cookie.

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const category = await getRegistrationCategory(db, requireIdParam(params.categoryId));
  if (!category) throw data(null, { status: 404 });
  const options = await getCategoryFormOptions(db, category.designatedStaffId);
  return { category, options, endpoint: `${env.APP_URL.replace(/\/$/, "")}/api/v1/leads` };
}

type ActionData =
  | {
      intent: "update";
      fieldErrors: Partial<Record<CategoryFieldName, UiError>>;
      values: Record<CategoryFieldName, string>;
    }
  | { intent: "key-create"; fieldErrors: { name?: UiError }; name: string }
  | { intent: "key-issued"; issued: { keyId: number; key: string; prefix: string; name: string; rotated: boolean } }
  | { intent: "key-error"; formError: UiError };

interface CategoryRequest {
  actor: StaffActor;
  id: number;
  form: Record<string, FormDataEntryValue>;
  audit: { ipAddress: string };
}

function orNotFound<T extends object>(result: RulesResult<T>): RulesResult<T> {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
  return result;
}

const here = (id: number) => `${RULES_PATHS.categories}/${id}`;
/** The key travels in this response only; keep it out of every cache. */
const NO_STORE = { "Cache-Control": "no-store" };

async function update({ actor, id, form, audit }: CategoryRequest) {
  const result = orNotFound(await updateRegistrationCategory(db, actor, id, form, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.saved");
  const fieldErrors = result.reason === "invalid" ? result.fieldErrors : {};
  return data<ActionData>({ intent: "update", fieldErrors, values: categoryValuesFrom(form) }, { status: 400 });
}

async function setActive({ actor, id, audit }: CategoryRequest, active: boolean) {
  orNotFound(await setRegistrationCategoryActive(db, actor, id, active, audit));
  return redirectWithFlash(here(id), active ? "flash.rules.categoryActivated" : "flash.rules.categoryDeactivated");
}

async function createKey({ actor, id, form, audit }: CategoryRequest) {
  const result = orNotFound(await generateCategoryKey(db, actor, id, { name: form.name }, audit));
  if (result.ok) {
    return data<ActionData>(
      { intent: "key-issued", issued: { ...result.issued, rotated: false } },
      { headers: NO_STORE },
    );
  }
  const name = typeof form.name === "string" ? form.name : "";
  const fieldErrors = result.reason === "invalid" ? { name: result.fieldErrors.name } : {};
  return data<ActionData>({ intent: "key-create", fieldErrors, name }, { status: 400 });
}

async function revokeKey({ actor, id, form, audit }: CategoryRequest) {
  const keyId = IdParam.safeParse(form.keyId);
  if (!keyId.success) throw data(null, { status: 400 });
  orNotFound(await revokeCategoryKey(db, actor, id, keyId.data, audit));
  return redirectWithFlash(here(id), "flash.rules.keyRevoked");
}

async function rotateKey({ actor, id, form, audit }: CategoryRequest) {
  const keyId = IdParam.safeParse(form.keyId);
  if (!keyId.success) throw data(null, { status: 400 });
  const result = orNotFound(await rotateCategoryKey(db, actor, id, keyId.data, audit));
  if (result.ok) {
    return data<ActionData>(
      { intent: "key-issued", issued: { ...result.issued, rotated: true } },
      { headers: NO_STORE },
    );
  }
  const formError = (result.reason === "invalid" ? result.formError : undefined) ?? {
    key: "rules.keys.error.alreadyRevoked",
  };
  return data<ActionData>({ intent: "key-error", formError }, { status: 409 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = requireIdParam(params.categoryId);
  const formData = await request.formData();
  const req: CategoryRequest = {
    actor,
    id,
    form: Object.fromEntries(formData),
    audit: { ipAddress: clientIp(context) },
  };
  switch (formIntent(formData)) {
    case "update":
      return update(req);
    case "activate":
      return setActive(req, true);
    case "deactivate":
      return setActive(req, false);
    case "key-create":
      return createKey(req);
    case "key-revoke":
      return revokeKey(req);
    case "key-rotate":
      return rotateKey(req);
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "rules.category.pageTitle", { name: loaderData.category.name })
    : pageTitle(matches, "rules.categories.title");

export default function RegistrationCategoryPage() {
  const { category, options, endpoint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, locale } = useI18n();

  const update = result?.intent === "update" ? result : null;
  const keyCreate = result?.intent === "key-create" ? result : null;
  const issued = result?.intent === "key-issued" ? result.issued : null;
  const keyError = result?.intent === "key-error" ? result.formError : null;
  const activeKeys = category.keys.filter((k) => !k.revokedAt);
  const values = update?.values ?? {
    code: category.code,
    name: category.name,
    kind: category.kind,
    campaignId: category.campaignId ? String(category.campaignId) : "",
    tokenGroupId: category.tokenGroupId ? String(category.tokenGroupId) : "",
    designatedStaffId: String(category.designatedStaffId),
    allowedOrigins: category.origins.join("\n"),
  };
  const facts: Array<[string, string]> = [
    [t("rules.col.leads"), category.leadCount.toLocaleString()],
    [t("rules.category.createdAt"), formatDateTime(category.createdAt, locale)],
    [t("rules.category.updatedAt"), formatDateTime(category.updatedAt, locale)],
  ];

  return (
    <div className="space-y-6">
      <BackLink to={RULES_PATHS.categories}>{t("rules.categories.back")}</BackLink>
      <PageHeader
        icon={<Plug aria-hidden className="size-6" />}
        eyebrow={
          <span className="inline-flex items-center gap-2">
            {t("rules.categories.title")}
            <span className="font-mono text-xs text-blue-500">{category.code}</span>
          </span>
        }
        title={category.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <KindBadge kind={category.kind} />
            <ActiveBadge active={category.active} />
            <span className="text-sm text-slate-500">
              {t("rules.category.summary", { leads: category.leadCount, keys: activeKeys.length })}
            </span>
          </span>
        }
        actions={
          <Form method="post">
            <input type="hidden" name="intent" value={category.active ? "deactivate" : "activate"} />
            <Button type="submit" variant={category.active ? "secondary" : "primary"}>
              {category.active ? <PowerOff aria-hidden className="size-4" /> : <Power aria-hidden className="size-4" />}
              {t(category.active ? "rules.category.deactivate" : "rules.category.activate")}
            </Button>
          </Form>
        }
      />

      {!category.active ? <Notice tone="warning">{t("rules.category.inactiveNote")}</Notice> : null}
      {keyError ? <Notice tone="error">{errorText(t, keyError)}</Notice> : null}
      {issued ? <IssuedKeyPanel issued={issued} endpoint={endpoint} /> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <CategoryKeysCard
            keys={category.keys}
            formKey={issued?.keyId ?? "key-form"}
            nameError={keyCreate?.fieldErrors.name}
            typedName={keyCreate?.name}
          />
          <CategoryApiCard endpoint={endpoint} origins={category.origins} t={t} />
          <Card id="settings">
            <CardHeader title={t("rules.category.edit")} description={t("rules.category.edit.description")} />
            <Form method="post" noValidate className="space-y-5 p-5">
              {update ? <Notice tone="error">{t("rules.form.fixErrors")}</Notice> : null}
              <CategoryFields idPrefix="edit" values={values} errors={update?.fieldErrors ?? {}} options={options} />
              <div className="flex justify-end border-t border-slate-100 pt-5">
                <SubmitButton intent="update" pendingLabel={t("rules.form.saving")}>
                  <Save aria-hidden className="size-4" />
                  {t("rules.form.save")}
                </SubmitButton>
              </div>
            </Form>
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <CategoryRoutingCard category={category} />
          <Card>
            <CardHeader title={t("rules.category.facts")} />
            <dl className="divide-y divide-slate-100 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="flex items-center justify-between gap-4 px-5 py-3">
                  <dt className="whitespace-nowrap text-slate-500">{label}</dt>
                  <dd className="text-right text-slate-900 tabular-nums">{value}</dd>
                </div>
              ))}
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={RULES_PATHS.categories} backLabel="rules.error.backToRules" texts="rules.error" />;
}
