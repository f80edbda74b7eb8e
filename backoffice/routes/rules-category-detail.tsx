import { Plug, Power, PowerOff, Save } from "lucide-react";
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
import { formatDateTime } from "#app/lib/format/dates.ts";
import { formIntent } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import {
  generateCategoryKey,
  getCategoryFormOptions,
  getRegistrationCategory,
  revokeCategoryKey,
  rotateCategoryKey,
  setRegistrationCategoryActive,
  updateRegistrationCategory,
} from "#app/modules/leads/distribution/registration-categories.server.ts";
import { Button } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { dispatchIntent } from "#backoffice/components/intent-dispatch.ts";
import {
  CategoryFields,
  categoryValuesFrom,
  type CategoryFieldName,
} from "#backoffice/components/rules-category-form.tsx";
import {
  ActiveBadge,
  errorText,
  KindBadge,
  Notice,
  RULES_PATHS,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";
import { CategoryApiCard, IssuedKeyPanel } from "#backoffice/components/rules/category-api.tsx";
import { CategoryKeysCard } from "#backoffice/components/rules/category-keys-card.tsx";
import { CategoryRoutingCard } from "#backoffice/components/rules/category-routing-card.tsx";
import { RulesDetailPage } from "#backoffice/components/rules/rules-detail-page.tsx";
import {
  loadRulesRecord,
  orNotFound,
  postedId,
  readRulesRequest,
  type RulesRequest,
} from "#backoffice/components/rules/rules-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 登记分类 › one category: its settings, where its leads go right now, its channel API keys
// and how a website calls the intake API. A new key is returned in the action data only: shown once,
// never stored in clear, never in a URL or cookie.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRulesRecord(request, params.categoryId, async (database, id) => {
    const category = await getRegistrationCategory(database, id);
    if (!category) return null;
    const options = await getCategoryFormOptions(database, category.designatedStaffId);
    return { category, options, endpoint: `${env.APP_URL.replace(/\/$/, "")}/api/v1/leads` };
  });
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

const here = (id: number) => `${RULES_PATHS.categories}/${id}`;
/** The key travels in this response only; keep it out of every cache. */
const NO_STORE = { "Cache-Control": "no-store" };

async function update({ actor, id, form, audit }: RulesRequest) {
  const result = orNotFound(await updateRegistrationCategory(db, actor, id, form, audit));
  if (result.ok) return redirectWithFlash(here(id), "flash.saved");
  const fieldErrors = result.fieldErrors;
  return data<ActionData>({ intent: "update", fieldErrors, values: categoryValuesFrom(form) }, { status: 400 });
}

async function setActive({ actor, id, audit }: RulesRequest, active: boolean) {
  orNotFound(await setRegistrationCategoryActive(db, actor, id, active, audit));
  return redirectWithFlash(here(id), active ? "flash.rules.categoryActivated" : "flash.rules.categoryDeactivated");
}

async function createKey({ actor, id, form, audit }: RulesRequest) {
  const result = orNotFound(await generateCategoryKey(db, actor, id, { name: form.name }, audit));
  if (result.ok) {
    return data<ActionData>(
      { intent: "key-issued", issued: { ...result.issued, rotated: false } },
      { headers: NO_STORE },
    );
  }
  const name = typeof form.name === "string" ? form.name : "";
  const fieldErrors = { name: result.fieldErrors.name };
  return data<ActionData>({ intent: "key-create", fieldErrors, name }, { status: 400 });
}

async function revokeKey({ actor, id, form, audit }: RulesRequest) {
  orNotFound(await revokeCategoryKey(db, actor, id, postedId(form.keyId), audit));
  return redirectWithFlash(here(id), "flash.rules.keyRevoked");
}

async function rotateKey({ actor, id, form, audit }: RulesRequest) {
  const result = orNotFound(await rotateCategoryKey(db, actor, id, postedId(form.keyId), audit));
  if (result.ok) {
    return data<ActionData>(
      { intent: "key-issued", issued: { ...result.issued, rotated: true } },
      { headers: NO_STORE },
    );
  }
  const formError = result.formError ?? {
    key: "rules.keys.error.alreadyRevoked",
  };
  return data<ActionData>({ intent: "key-error", formError }, { status: 409 });
}

export async function action(args: ActionFunctionArgs) {
  const req = await readRulesRequest(args, "categoryId");
  return dispatchIntent(formIntent(req.formData), req, {
    update,
    activate: (req) => setActive(req, true),
    deactivate: (req) => setActive(req, false),
    "key-create": createKey,
    "key-revoke": revokeKey,
    "key-rotate": rotateKey,
  });
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

  return (
    <RulesDetailPage
      back={{ to: RULES_PATHS.categories, label: t("rules.categories.back") }}
      icon={Plug}
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
      notices={
        <>
          {!category.active ? <Notice tone="warning">{t("rules.category.inactiveNote")}</Notice> : null}
          {keyError ? <Notice tone="error">{errorText(t, keyError)}</Notice> : null}
          {issued ? <IssuedKeyPanel issued={issued} endpoint={endpoint} /> : null}
        </>
      }
      main={
        <>
          <CategoryKeysCard
            keys={category.keys}
            formKey={issued?.keyId ?? "key-form"}
            nameError={keyCreate?.fieldErrors.name}
            typedName={keyCreate?.name}
          />
          <CategoryApiCard endpoint={endpoint} origins={category.origins} t={t} />
          <SectionCard
            id="settings"
            title={t("rules.category.edit")}
            description={t("rules.category.edit.description")}
            flush
          >
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
          </SectionCard>
        </>
      }
      side={
        <>
          <CategoryRoutingCard category={category} />
          <SectionCard title={t("rules.category.facts")} flush>
            <FactList
              className="p-5"
              labelWidth="8rem"
              facts={[
                { label: t("rules.col.leads"), value: category.leadCount.toLocaleString() },
                { label: t("rules.category.createdAt"), value: formatDateTime(category.createdAt, locale) },
                { label: t("rules.category.updatedAt"), value: formatDateTime(category.updatedAt, locale) },
              ]}
            />
          </SectionCard>
        </>
      }
    />
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back={RULES_PATHS.categories} backLabel="rules.error.backToRules" texts="rules.error" />;
}
