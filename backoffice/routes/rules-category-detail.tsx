import { Plug } from "lucide-react";
import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { formatDateTime } from "#app/lib/format/dates.ts";
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
import { recordMeta } from "#app/ui/meta.ts";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { categoryValuesFrom, type CategoryFieldName } from "#backoffice/components/rules-category-form.tsx";
import { errorText, Notice, RULES_PATHS, type UiError } from "#backoffice/components/rules-ui.tsx";
import { CategoryApiCard, IssuedKeyPanel } from "#backoffice/components/rules/category-api.tsx";
import { CategoryActiveToggle, CategorySummary } from "#backoffice/components/rules/category-header.tsx";
import { CategoryKeysCard } from "#backoffice/components/rules/category-keys-card.tsx";
import { CategoryRoutingCard } from "#backoffice/components/rules/category-routing-card.tsx";
import { CategorySettingsCard } from "#backoffice/components/rules/category-settings-card.tsx";
import { RulesDetailPage } from "#backoffice/components/rules/rules-detail-page.tsx";
import { orNotFound, rulesRecordPage, type RulesRequest } from "#backoffice/components/rules/rules-request.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";

// 营销规则 › 登记分类 › one category: its settings, where its leads go right now, its channel API keys
// and how a website calls the intake API. A new key is returned in the action data only: shown once,
// never stored in clear, never in a URL or cookie.

const rulesPage = rulesRecordPage("categoryId");

export async function loader(args: LoaderFunctionArgs) {
  return rulesPage.load(args, async (database, id) => {
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

async function revokeKey({ actor, id, rowId, audit }: RulesRequest) {
  orNotFound(await revokeCategoryKey(db, actor, id, rowId("keyId"), audit));
  return redirectWithFlash(here(id), "flash.rules.keyRevoked");
}

async function rotateKey({ actor, id, rowId, audit }: RulesRequest) {
  const result = orNotFound(await rotateCategoryKey(db, actor, id, rowId("keyId"), audit));
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
  return rulesPage.dispatch(args, {
    update,
    activate: (req) => setActive(req, true),
    deactivate: (req) => setActive(req, false),
    "key-create": createKey,
    "key-revoke": revokeKey,
    "key-rotate": rotateKey,
  });
}

export const meta = recordMeta<typeof loader>("rules.categories.title", (d) => [
  "rules.category.pageTitle",
  { name: d.category.name },
]);

export default function RegistrationCategoryPage() {
  const { category, options, endpoint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const { t, locale } = useI18n();

  const update = result?.intent === "update" ? result : null;
  const keyCreate = result?.intent === "key-create" ? result : null;
  const issued = result?.intent === "key-issued" ? result.issued : null;
  const keyError = result?.intent === "key-error" ? result.formError : null;
  const activeKeys = category.keys.filter((k) => !k.revokedAt);

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
        <CategorySummary
          kind={category.kind}
          active={category.active}
          leadCount={category.leadCount}
          activeKeyCount={activeKeys.length}
        />
      }
      actions={<CategoryActiveToggle active={category.active} />}
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
          <CategorySettingsCard category={category} options={options} refused={update} />
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
                { label: t("common.createdAt"), value: formatDateTime(category.createdAt, locale) },
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
