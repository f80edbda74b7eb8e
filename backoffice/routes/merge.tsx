import { Merge } from "lucide-react";
import {
  data,
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { loadMergeView, parseIdList } from "#app/modules/crm/merge/merge-view.server.ts";
import { mergeRecords, undoMerge } from "#app/modules/crm/merge/merge.server.ts";
import type { MergeEntity } from "#app/modules/crm/merge/merge-relations.ts";
import { FailureNotice, FormNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 合并 (/crm/merge?entity=contact&ids=12,34): the records side by side, a radio per differing field,
// the survivor chosen on top. POST "merge" runs the merge; POST "undo" (mergeId) undoes one.

const POLICY = {
  anyOf: [
    { module: "contacts", action: "modify" },
    { module: "companies", action: "modify" },
  ],
} as const;

const Entity = z.enum(["contact", "company"]);
const recordPath = (entity: MergeEntity, id: number) => `/crm/${entity === "contact" ? "contacts" : "companies"}/${id}`;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const url = new URL(request.url);
  const entity = Entity.catch("contact").parse(url.searchParams.get("entity"));
  const ids = parseIdList(url.searchParams.get("ids"));
  const view = await loadMergeView(db, actor, entity, ids);
  if (!view) throw data(null, { status: 403 });
  return { entity, ids, ...view };
}

async function merge({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, z.object({ entity: Entity, survivorId: IdParam, ids: z.string().max(200) }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm/merge" });
  const { entity, survivorId } = parsed.value;
  const ids = parseIdList(parsed.value.ids);
  const picks: Record<string, number> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("pick.") && typeof value === "string" && /^\d{1,10}$/.test(value))
      picks[key.slice(5)] = Number(value);
  }
  const result = await mergeRecords(
    db,
    actor,
    { entity, survivorId, loserIds: ids.filter((id) => id !== survivorId), picks },
    { ipAddress: ip },
  );
  return respond(result, { successTo: (v) => recordPath(entity, v.survivorId), flash: "flash.recordAdmin.merged" });
}

async function undo({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, z.object({ mergeId: IdParam, entity: Entity }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: "/crm/merge" });
  const result = await undoMerge(db, actor, parsed.value.mergeId, { ipAddress: ip });
  return respond(result, {
    successTo: (v) => recordPath(parsed.value.entity, v.survivorId),
    flash: "flash.recordAdmin.mergeUndone",
  });
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, POLICY, { merge, undo });
}

export const meta = titleMeta("recordAdmin.merge.action");

export default function MergePage() {
  const { entity, ids, records, groups } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const entityLabel = t(`recordAdmin.entity.${entity}`);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("recordAdmin.merge.title", { entity: entityLabel })}
        description={t("recordAdmin.merge.intro")}
        icon={<Merge className="size-6" aria-hidden />}
      />
      <Form method="get" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="entity" value={entity} />
        <label className="text-sm text-slate-700">
          {t("recordAdmin.merge.with")}
          <input
            name="ids"
            defaultValue={ids.join(",")}
            className="mt-1 block w-72 rounded-lg border border-slate-300 px-3 py-1.5"
          />
        </label>
        <button type="submit" className="rounded-lg border border-slate-300 px-3 py-1.5 text-sm">
          {t("common.confirm")}
        </button>
      </Form>
      <FailureNotice result={result} />
      {records.length < 2 ? (
        <FormNotice tone="info">{t("recordAdmin.merge.needTwo")}</FormNotice>
      ) : (
        <Form method="post" className="space-y-4">
          <input type="hidden" name="entity" value={entity} />
          <input type="hidden" name="ids" value={records.map((r) => r.id).join(",")} />
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th className="px-4 py-2 text-xs font-medium text-slate-500">{t("recordAdmin.merge.field")}</th>
                  {records.map((r, i) => (
                    <th key={r.id} className="px-4 py-2">
                      <label className="flex items-center gap-2 font-medium text-slate-900">
                        <input type="radio" name="survivorId" value={r.id} defaultChecked={i === 0} required />
                        <span>
                          {r.label} <span className="text-xs text-slate-400">{r.number}</span>
                        </span>
                      </label>
                      <span className="text-xs font-normal text-slate-500">{t("recordAdmin.merge.survivor")}</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {groups.map((g) => (
                  <tr key={g.key}>
                    <th scope="row" className="px-4 py-3 text-xs font-medium text-slate-500">
                      {t(`recordAdmin.merge.group.${g.key}` as MessageKey)}
                    </th>
                    {records.map((r, i) => (
                      <td key={r.id} className="px-4 py-3">
                        <label className="flex items-start gap-2">
                          <input type="radio" name={`pick.${g.key}`} value={r.id} defaultChecked={i === 0} />
                          <span className="break-all text-slate-800">{g.values[r.id] || "—"}</span>
                        </label>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="text-xs text-slate-500">{t("recordAdmin.merge.same")}</p>
          <SubmitButton intent="merge" icon={Merge}>
            {t("recordAdmin.merge.submit")}
          </SubmitButton>
        </Form>
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
