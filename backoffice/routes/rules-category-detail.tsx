import {
  BookOpenText,
  KeyRound,
  Plug,
  Power,
  PowerOff,
  RefreshCw,
  Route as RouteIcon,
  Save,
  ShieldAlert,
  Trash2,
} from "lucide-react";
import {
  data,
  Form,
  Link,
  redirect,
  useActionData,
  useLoaderData,
  useLocation,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { env } from "#app/lib/env.server.ts";
import { clientIp } from "#app/lib/http.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Translate } from "#app/lib/i18n/translate.ts";
import {
  generateCategoryKey,
  getCategoryFormOptions,
  getRegistrationCategory,
  revokeCategoryKey,
  rotateCategoryKey,
  setRegistrationCategoryActive,
  updateRegistrationCategory,
} from "#app/modules/leads/registration-categories.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { RULES_MANAGER, type RulesResult } from "#app/modules/leads/rules-access.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { Button } from "#app/ui/button.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import {
  CategoryFields,
  categoryValuesFrom,
  type CategoryFieldName,
} from "#backoffice/components/rules-category-form.tsx";
import {
  ActiveBadge,
  BackLink,
  ConfirmAction,
  CopyButton,
  errorText,
  Field,
  fieldAria,
  formatWhen,
  inputClass,
  KindBadge,
  Notice,
  RoutingOrder,
  RULES_PATHS,
  RulesErrorBoundary,
  StaffStatusBadge,
  type UiError,
} from "#backoffice/components/rules-ui.tsx";

// 营销规则 › 登记分类 › one category: its settings, where its leads go right now, its channel API keys
// and how a website calls the intake API. A new key is returned in the action data only: shown once,
// never stored in clear, never in a URL or cookie.

const NOTICES = ["created", "saved", "activated", "deactivated", "keyRevoked"] as const;
type NoticeCode = (typeof NOTICES)[number];

const IdParam = z.coerce.number().int().positive().max(2_147_483_647);

function categoryIdFrom(params: LoaderFunctionArgs["params"]): number {
  const parsed = IdParam.safeParse(params.categoryId);
  if (!parsed.success) throw data(null, { status: 404 });
  return parsed.data;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaffActor(request, RULES_MANAGER);
  const id = categoryIdFrom(params);
  const category = await getRegistrationCategory(db, id);
  if (!category) throw data(null, { status: 404 });
  const options = await getCategoryFormOptions(db, category.designatedStaffId);
  const noticeParam = new URL(request.url).searchParams.get("notice");
  const notice = (NOTICES as readonly string[]).includes(noticeParam ?? "") ? (noticeParam as NoticeCode) : null;
  return { category, options, notice, endpoint: `${env.APP_URL.replace(/\/$/, "")}/api/v1/leads` };
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

function throwIfNotFound<T extends object>(result: RulesResult<T>): void {
  if (!result.ok && result.reason === "not-found") throw data(null, { status: 404 });
}

/** The key travels in this response only; keep it out of every cache. */
const NO_STORE = { "Cache-Control": "no-store" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, RULES_MANAGER);
  const id = categoryIdFrom(params);
  const audit = { ipAddress: clientIp(context) };
  const form = Object.fromEntries(await request.formData());
  const here = `${RULES_PATHS.categories}/${id}`;

  switch (form.intent) {
    case "update": {
      const result = await updateRegistrationCategory(db, actor, id, form, audit);
      if (result.ok) return redirect(`${here}?notice=saved`);
      throwIfNotFound(result);
      return data<ActionData>(
        {
          intent: "update",
          fieldErrors:
            result.reason === "invalid" ? (result.fieldErrors as Partial<Record<CategoryFieldName, UiError>>) : {},
          values: categoryValuesFrom(form),
        },
        { status: 400 },
      );
    }
    case "activate":
    case "deactivate": {
      const result = await setRegistrationCategoryActive(db, actor, id, form.intent === "activate", audit);
      throwIfNotFound(result);
      return redirect(`${here}?notice=${form.intent === "activate" ? "activated" : "deactivated"}`);
    }
    case "key-create": {
      const result = await generateCategoryKey(db, actor, id, { name: form.name }, audit);
      if (result.ok) {
        return data<ActionData>(
          { intent: "key-issued", issued: { ...result.issued, rotated: false } },
          { headers: NO_STORE },
        );
      }
      throwIfNotFound(result);
      return data<ActionData>(
        {
          intent: "key-create",
          fieldErrors: result.reason === "invalid" ? { name: result.fieldErrors.name } : {},
          name: typeof form.name === "string" ? form.name : "",
        },
        { status: 400 },
      );
    }
    case "key-rotate":
    case "key-revoke": {
      const keyId = IdParam.safeParse(form.keyId);
      if (!keyId.success) throw data(null, { status: 400 });
      if (form.intent === "key-revoke") {
        throwIfNotFound(await revokeCategoryKey(db, actor, id, keyId.data, audit));
        return redirect(`${here}?notice=keyRevoked`);
      }
      const result = await rotateCategoryKey(db, actor, id, keyId.data, audit);
      if (result.ok) {
        return data<ActionData>(
          { intent: "key-issued", issued: { ...result.issued, rotated: true } },
          { headers: NO_STORE },
        );
      }
      throwIfNotFound(result);
      const formError = result.reason === "invalid" ? result.formError : undefined;
      return data<ActionData>(
        { intent: "key-error", formError: formError ?? { key: "rules.keys.error.alreadyRevoked" } },
        { status: 409 },
      );
    }
    default:
      throw data(null, { status: 400 });
  }
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  loaderData
    ? pageTitle(matches, "rules.category.pageTitle", { name: loaderData.category.name })
    : pageTitle(matches, "rules.categories.title");

export default function RegistrationCategoryPage() {
  const { category, options, notice, endpoint } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const location = useLocation();
  const { t, locale } = useI18n();
  const busy = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  // Forms post to the bare path, so an earlier ?notice= does not linger next to a new result.
  const formAction = location.pathname;

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

  // Which step of the routing order takes the next lead right now.
  const groupApplies = Boolean(category.tokenGroup?.next);
  const campaignApplies = !groupApplies && Boolean(category.campaign);
  const steps = [
    {
      applies: groupApplies,
      skipped: !groupApplies,
      detail: category.tokenGroup ? (
        category.tokenGroup.next ? (
          <>
            <Link
              to={`${RULES_PATHS.groups}/${category.tokenGroup.id}`}
              className="font-medium text-blue-700 hover:underline"
            >
              {category.tokenGroup.name}
            </Link>
            {" · "}
            {t("rules.routing.nextIs", { name: category.tokenGroup.next.name })}
          </>
        ) : (
          <>
            <Link to={`${RULES_PATHS.groups}/${category.tokenGroup.id}`} className="font-medium hover:underline">
              {category.tokenGroup.name}
            </Link>
            {" · "}
            {t("rules.routing.groupNobody")}
          </>
        )
      ) : (
        t("rules.routing.noGroup")
      ),
    },
    {
      applies: campaignApplies,
      skipped: !category.campaign || groupApplies,
      detail: category.campaign
        ? t("rules.routing.campaignOwner", { campaign: category.campaign.name, owner: category.campaign.owner.name })
        : t("rules.routing.noCampaign"),
    },
    {
      applies: !groupApplies && !campaignApplies,
      skipped: groupApplies || campaignApplies,
      detail: (
        <span className="inline-flex flex-wrap items-center gap-2">
          {category.designatedStaff.name}
          <StaffStatusBadge status={category.designatedStaff.status} />
        </span>
      ),
    },
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
          <Form method="post" action={formAction}>
            <input type="hidden" name="intent" value={category.active ? "deactivate" : "activate"} />
            <Button type="submit" variant={category.active ? "secondary" : "primary"}>
              {category.active ? <PowerOff aria-hidden className="size-4" /> : <Power aria-hidden className="size-4" />}
              {t(category.active ? "rules.category.deactivate" : "rules.category.activate")}
            </Button>
          </Form>
        }
      />

      {notice && !result ? <Notice tone="success">{t(`rules.notice.category.${notice}`)}</Notice> : null}
      {!category.active ? <Notice tone="warning">{t("rules.category.inactiveNote")}</Notice> : null}
      {keyError ? <Notice tone="error">{errorText(t, keyError)}</Notice> : null}
      {issued ? <IssuedKeyPanel issued={issued} endpoint={endpoint} /> : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          <Card id="keys">
            <CardHeader
              icon={<KeyRound aria-hidden className="size-4" />}
              title={t("rules.keys.title")}
              description={t("rules.keys.description")}
            />
            {category.keys.length === 0 ? (
              <p className="px-5 py-6 text-sm text-slate-500">{t("rules.keys.empty")}</p>
            ) : (
              <ul className="divide-y divide-slate-100">
                {category.keys.map((key) => (
                  <li
                    key={key.id}
                    data-testid={`key-${key.prefix}`}
                    className={cn(
                      "flex flex-col gap-3 px-5 py-4 sm:flex-row sm:items-center",
                      key.revokedAt && "bg-slate-50/60",
                    )}
                  >
                    <div className="min-w-0 flex-1">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className={cn("font-medium", key.revokedAt ? "text-slate-500" : "text-slate-900")}>
                          {key.name}
                        </span>
                        {key.revokedAt ? (
                          <Badge tone="slate">{t("rules.keys.revoked")}</Badge>
                        ) : (
                          <Badge tone="green">{t("rules.keys.valid")}</Badge>
                        )}
                      </p>
                      <p className="mt-1 font-mono text-xs text-slate-500">rk_{key.prefix}_…</p>
                      <p className="mt-1 text-xs leading-5 text-slate-500">
                        {t("rules.keys.createdBy", {
                          name: key.createdBy ?? t("rules.keys.system"),
                          at: formatWhen(key.createdAt, locale),
                        })}
                        {" · "}
                        {key.lastUsedAt
                          ? t("rules.keys.lastUsed", { at: formatWhen(key.lastUsedAt, locale) })
                          : t("rules.keys.neverUsed")}
                        {key.revokedAt
                          ? ` · ${t("rules.keys.revokedAt", { at: formatWhen(key.revokedAt, locale) })}`
                          : ""}
                      </p>
                    </div>
                    {key.revokedAt ? null : (
                      <div className="flex shrink-0 gap-2">
                        <ConfirmAction
                          testId={`rotate-${key.prefix}`}
                          label={t("rules.keys.rotate")}
                          icon={<RefreshCw aria-hidden className="size-4" />}
                          title={t("rules.keys.rotate.title", { name: key.name })}
                          body={t("rules.keys.rotate.body")}
                          confirmLabel={t("rules.keys.rotate.confirm")}
                          fields={{ intent: "key-rotate", keyId: key.id }}
                          tone="primary"
                        />
                        <ConfirmAction
                          testId={`revoke-${key.prefix}`}
                          label={t("rules.keys.revoke")}
                          icon={<Trash2 aria-hidden className="size-4" />}
                          title={t("rules.keys.revoke.title", { name: key.name })}
                          body={t("rules.keys.revoke.body")}
                          confirmLabel={t("rules.keys.revoke.confirm")}
                          fields={{ intent: "key-revoke", keyId: key.id }}
                        />
                      </div>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <Form
              // A fresh, empty name field after each issued key.
              key={issued?.keyId ?? "key-form"}
              method="post"
              action={formAction}
              noValidate
              className="flex flex-col gap-3 border-t border-slate-100 bg-slate-50/50 px-5 py-4 sm:flex-row sm:items-start"
            >
              <input type="hidden" name="intent" value="key-create" />
              <Field
                id="key-name"
                label={<span className="sr-only sm:not-sr-only">{t("rules.keys.name")}</span>}
                error={errorText(t, keyCreate?.fieldErrors.name)}
                className="flex-1"
              >
                <input
                  id="key-name"
                  name="name"
                  required
                  maxLength={100}
                  defaultValue={keyCreate?.name ?? ""}
                  placeholder={t("rules.keys.name.placeholder")}
                  className={inputClass}
                  {...fieldAria("key-name", errorText(t, keyCreate?.fieldErrors.name))}
                />
              </Field>
              <Button type="submit" disabled={busy("key-create")} className="sm:mt-7">
                <KeyRound aria-hidden className="size-4" />
                {t("rules.keys.generate")}
              </Button>
            </Form>
          </Card>

          <ApiCard endpoint={endpoint} origins={category.origins} t={t} />

          <Card id="settings">
            <CardHeader title={t("rules.category.edit")} description={t("rules.category.edit.description")} />
            <Form method="post" action={formAction} noValidate className="space-y-5 p-5">
              <input type="hidden" name="intent" value="update" />
              {update ? <Notice tone="error">{t("rules.form.fixErrors")}</Notice> : null}
              <CategoryFields idPrefix="edit" values={values} errors={update?.fieldErrors ?? {}} options={options} />
              <div className="flex justify-end border-t border-slate-100 pt-5">
                <Button type="submit" disabled={busy("update")}>
                  <Save aria-hidden className="size-4" />
                  {busy("update") ? t("rules.form.saving") : t("rules.form.save")}
                </Button>
              </div>
            </Form>
          </Card>
        </div>

        <div className="min-w-0 space-y-6">
          <Card>
            <CardHeader
              icon={<RouteIcon aria-hidden className="size-4" />}
              title={t("rules.routing.nowTitle")}
              description={t("rules.routing.nowDescription")}
            />
            <div className="p-4">
              <RoutingOrder steps={steps} />
            </div>
          </Card>

          <Card>
            <CardHeader title={t("rules.category.facts")} />
            <dl className="divide-y divide-slate-100 text-sm">
              <Fact label={t("rules.col.leads")} value={category.leadCount.toLocaleString()} />
              <Fact label={t("rules.category.createdAt")} value={formatWhen(category.createdAt, locale)} />
              <Fact label={t("rules.category.updatedAt")} value={formatWhen(category.updatedAt, locale)} />
            </dl>
          </Card>
        </div>
      </div>
    </div>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex items-center justify-between gap-4 px-5 py-3">
      <dt className="whitespace-nowrap text-slate-500">{label}</dt>
      <dd className="text-right text-slate-900 tabular-nums">{value}</dd>
    </div>
  );
}

function IssuedKeyPanel({
  issued,
  endpoint,
}: {
  issued: { key: string; name: string; rotated: boolean };
  endpoint: string;
}) {
  const { t } = useI18n();
  return (
    <section
      aria-labelledby="issued-key-title"
      data-testid="issued-key"
      className="rounded-xl border border-amber-300 bg-gradient-to-b from-amber-50 to-white p-5 shadow-sm ring-4 ring-amber-100"
    >
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-amber-100 text-amber-700">
          <ShieldAlert aria-hidden className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="issued-key-title" className="text-base font-semibold text-slate-900">
            {t(issued.rotated ? "rules.keys.issued.rotatedTitle" : "rules.keys.issued.title", { name: issued.name })}
          </h2>
          <p className="mt-1 text-sm leading-6 text-amber-900">{t("rules.keys.issued.warning")}</p>
        </div>
      </div>
      <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          data-testid="issued-key-value"
          className="block min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-sm break-all text-slate-900 select-all"
        >
          {issued.key}
        </code>
        <CopyButton text={issued.key} label={t("rules.copy.key")} />
      </div>
      <p className="mt-3 text-xs leading-5 text-slate-500">{t("rules.keys.issued.usage", { endpoint })}</p>
    </section>
  );
}

function curlExample(endpoint: string, t: Translate): string {
  const body = {
    contact: { name: t("rules.api.sample.name"), email: "zhang.san@example.com", mobile: "13800138000" },
    company: { name: t("rules.api.sample.company"), city: t("rules.api.sample.city") },
    requirement: t("rules.api.sample.requirement"),
  };
  return [
    `curl -X POST '${endpoint}' \\`,
    `  -H 'Authorization: Bearer <${t("rules.api.keyPlaceholder")}>' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Idempotency-Key: 2d6f0c8e-form-0001' \\`,
    // Body indented under the command; single quotes escaped the POSIX-shell way.
    `  -d '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''").split("\n").join("\n  ")}'`,
  ].join("\n");
}

function ApiCard({ endpoint, origins, t }: { endpoint: string; origins: string[]; t: Translate }) {
  const curl = curlExample(endpoint, t);
  return (
    <Card>
      <CardHeader
        icon={<Plug aria-hidden className="size-4" />}
        title={t("rules.api.title")}
        description={t("rules.api.description")}
      />
      <div className="space-y-4 p-5 text-sm">
        <div>
          <p className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">{t("rules.api.endpoint")}</p>
          <p className="flex flex-wrap items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 font-mono text-[13px] text-slate-800 ring-1 ring-slate-200">
            <Badge tone="green">POST</Badge>
            <span className="break-all select-all">{endpoint}</span>
          </p>
        </div>
        <div>
          <div className="mb-1.5 flex items-center justify-between gap-2">
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("rules.api.example")}</p>
            <CopyButton text={curl} label={t("rules.copy.curl")} />
          </div>
          <pre
            data-testid="curl-example"
            className="overflow-x-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-5 whitespace-pre text-slate-100 select-all"
          >
            {curl}
          </pre>
        </div>
        <div>
          <p className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">{t("rules.api.origins")}</p>
          {origins.length > 0 ? (
            <ul className="space-y-1 font-mono text-[13px] text-slate-700">
              {origins.map((o) => (
                <li key={o} className="break-all">
                  {o}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500">{t("rules.api.noOrigins")}</p>
          )}
        </div>
        <a
          href="/api/v1/openapi.json"
          target="_blank"
          rel="noreferrer"
          className="inline-flex items-center gap-1.5 font-medium text-blue-700 hover:underline"
        >
          <BookOpenText aria-hidden className="size-4" />
          {t("rules.api.docs")}
        </a>
      </div>
    </Card>
  );
}

export function ErrorBoundary({ error }: { error: unknown }) {
  return <RulesErrorBoundary error={error} />;
}
