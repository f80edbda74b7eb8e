import { CopyCheck } from "lucide-react";
import {
  Form,
  Link,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { redirectWithFlash } from "#app/lib/flash.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { forbidden, respond } from "#app/lib/service-result.ts";
import { can } from "#app/modules/auth/permissions.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import {
  dismissPair,
  listDuplicatePairs,
  startDuplicateScan,
} from "#app/modules/crm/duplicates/duplicate-queue.server.ts";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 疑似重复 (/crm/duplicates): likely pairs the background scan found, shown only when the viewer may
// see both records; "merge" opens the merge page, "not a duplicate" closes the pair for good.

const PATH = "/crm/duplicates";
const POLICY = {
  anyOf: [
    { module: "contacts", action: "browse" },
    { module: "companies", action: "browse" },
  ],
} as const;
const Entity = z.enum(["contact", "company"]);
const MODULE = { contact: "contacts", company: "companies" } as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const requested = Entity.catch("contact").parse(new URL(request.url).searchParams.get("entity"));
  const entity = can(actor, MODULE[requested], "browse") ? requested : requested === "contact" ? "company" : "contact";
  const pairs = (await listDuplicatePairs(db, actor, entity)) ?? [];
  const tabs = Entity.options.filter((e) => can(actor, MODULE[e], "browse"));
  return { entity, pairs, tabs, canScan: can(actor, MODULE[entity], "modify") };
}

async function dismiss({ actor, form: formData }: PageIntentArgs) {
  const parsed = await parseForm(formData, z.object({ pairId: IdParam, entity: Entity }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: PATH });
  return respond(await dismissPair(db, actor, parsed.value.pairId), {
    successTo: `${PATH}?entity=${parsed.value.entity}`,
    flash: "flash.recordAdmin.dismissed",
  });
}

async function scan({ actor, form: formData }: PageIntentArgs) {
  const parsed = await parseForm(formData, z.object({ entity: Entity }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: PATH });
  if (!can(actor, MODULE[parsed.value.entity], "modify")) return respond(forbidden(), { successTo: PATH });
  await startDuplicateScan(db, parsed.value.entity);
  return redirectWithFlash(`${PATH}?entity=${parsed.value.entity}`, "flash.info.recordAdmin.scanStarted");
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, POLICY, { dismiss, scan });
}

export const meta = titleMeta("recordAdmin.duplicates.title");

export default function DuplicatesPage() {
  const { entity, pairs, tabs, canScan } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const base = entity === "contact" ? "/crm/contacts" : "/crm/companies";

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("recordAdmin.duplicates.title")}
        description={t("recordAdmin.duplicates.intro")}
        icon={<CopyCheck className="size-6" aria-hidden />}
        actions={
          canScan ? (
            <Form method="post">
              <input type="hidden" name="entity" value={entity} />
              <SubmitButton intent="scan" variant="secondary">
                {t("recordAdmin.duplicates.scan")}
              </SubmitButton>
            </Form>
          ) : null
        }
      />
      <nav aria-label={t("recordAdmin.duplicates.title")} className="flex gap-1 border-b border-slate-200">
        {tabs.map((k) => (
          <Link
            key={k}
            to={`${PATH}?entity=${k}`}
            aria-current={k === entity ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 pb-3 text-sm font-medium",
              k === entity ? "border-blue-600 text-blue-700" : "border-transparent text-slate-500",
            )}
          >
            {t(`recordAdmin.entity.${k}`)}
          </Link>
        ))}
      </nav>
      <FailureNotice result={result} />
      {pairs.length === 0 ? (
        <EmptyState
          bordered
          title={t("recordAdmin.duplicates.empty")}
          icon={<CopyCheck className="size-6" aria-hidden />}
        />
      ) : (
        <ul className="space-y-3">
          {pairs.map((p) => (
            <li
              key={p.id}
              data-testid={`duplicate-pair-${p.id}`}
              className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:flex-row md:items-center"
            >
              <span
                className="w-16 shrink-0 text-lg font-semibold text-blue-700 tabular-nums"
                title={t("recordAdmin.duplicates.score")}
              >
                {p.score}%
              </span>
              <div className="grid flex-1 gap-2 sm:grid-cols-2">
                {[p.left, p.right].map((r) => (
                  <Link
                    key={r.id}
                    to={`${base}/${r.id}`}
                    className="rounded-lg bg-slate-50 px-3 py-2 hover:bg-slate-100"
                  >
                    <span className="block font-medium text-slate-900">{r.label}</span>
                    {r.detail ? <span className="block text-xs text-slate-500">{r.detail}</span> : null}
                  </Link>
                ))}
              </div>
              <p className="text-xs text-slate-500 md:w-40">{p.evidence.join(", ")}</p>
              <Form method="post" className="flex gap-2">
                <input type="hidden" name="pairId" value={p.id} />
                <input type="hidden" name="entity" value={entity} />
                <Link
                  to={`/crm/merge?entity=${entity}&ids=${p.left.id},${p.right.id}`}
                  className="rounded-lg bg-blue-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-700"
                >
                  {t("recordAdmin.duplicates.merge")}
                </Link>
                <SubmitButton intent="dismiss" variant="secondary" size="sm">
                  {t("recordAdmin.duplicates.dismiss")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
