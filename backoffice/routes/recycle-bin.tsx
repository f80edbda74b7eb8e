import { Trash2 } from "lucide-react";
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
import { formatDateTime } from "#app/lib/format/dates.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { IdParam } from "#app/lib/schemas.ts";
import { respond } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { BIN_ENTITIES, BIN_MODULE, mayUseRecycleBin } from "#app/modules/crm/recycle-bin/bin-permission.ts";
import {
  binPage,
  purgeFromBin,
  restoreFromBin,
  setBinRetention,
} from "#app/modules/crm/recycle-bin/recycle-bin.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { FailureNotice, SubmitButton } from "#app/ui/form/index.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 回收站 (/crm/recycle-bin): binned companies, contacts, leads and opportunities by type, with who
// deleted them and when; managers with the bin permission restore or purge (seed §2.P.8).

const PATH = "/crm/recycle-bin";
const POLICY = {
  name: "recycleBin",
  allows: (actor: StaffActor) => BIN_ENTITIES.some((e) => mayUseRecycleBin(actor, BIN_MODULE[e])),
};

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, POLICY);
  const url = new URL(request.url);
  const page = Math.min(10_000, Math.max(1, Number(url.searchParams.get("page")) || 1));
  return binPage(db, actor, url.searchParams.get("type"), page);
}

const RecordForm = z.object({ type: z.enum(BIN_ENTITIES), id: IdParam });

async function restore({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, RecordForm);
  if (parsed.status !== "ok") return respond(parsed, { successTo: PATH });
  const { type, id } = parsed.value;
  return respond(await restoreFromBin(db, actor, type, id, { ipAddress: ip }), {
    successTo: `${PATH}?type=${type}`,
    flash: "flash.recordAdmin.restored",
  });
}

async function purge({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, RecordForm);
  if (parsed.status !== "ok") return respond(parsed, { successTo: PATH });
  const { type, id } = parsed.value;
  return respond(await purgeFromBin(db, actor, type, id, { ipAddress: ip }), {
    successTo: `${PATH}?type=${type}`,
    flash: "flash.recordAdmin.purged",
  });
}

async function retention({ actor, form: formData, ipAddress: ip }: PageIntentArgs) {
  const parsed = await parseForm(formData, z.object({ days: z.coerce.number().int().min(0).max(3650) }));
  if (parsed.status !== "ok") return respond(parsed, { successTo: PATH });
  return respond(await setBinRetention(db, actor, parsed.value.days, { ipAddress: ip }), {
    successTo: PATH,
    flash: "flash.saved",
  });
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, POLICY, { restore, purge, retention });
}

export const meta = titleMeta("recordAdmin.bin.title");

export default function RecycleBinPage() {
  const { types, type, list, retentionDays, canSetRetention } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const pageCount = list ? Math.max(1, Math.ceil(list.total / 50)) : 1;

  return (
    <div className="space-y-6">
      <PageHeader
        title={t("recordAdmin.bin.title")}
        description={
          retentionDays > 0 ? t("recordAdmin.bin.intro", { days: retentionDays }) : t("recordAdmin.bin.introNoPurge")
        }
        icon={<Trash2 className="size-6" aria-hidden />}
      />
      <nav aria-label={t("recordAdmin.bin.title")} className="flex gap-1 border-b border-slate-200">
        {types.map((k) => (
          <Link
            key={k}
            to={`${PATH}?type=${k}`}
            aria-current={k === type ? "page" : undefined}
            className={cn(
              "-mb-px border-b-2 px-3 pb-3 text-sm font-medium",
              k === type ? "border-blue-600 text-blue-700" : "border-transparent text-slate-500 hover:text-slate-800",
            )}
          >
            {t(`recordAdmin.entity.${k}`)}
          </Link>
        ))}
      </nav>
      <FailureNotice result={result} />
      {!list || list.rows.length === 0 ? (
        <EmptyState bordered title={t("recordAdmin.bin.empty")} icon={<Trash2 className="size-6" aria-hidden />} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th className="px-4 py-2 font-medium">{t("common.name")}</th>
                <th className="px-4 py-2 font-medium">{t("common.owner")}</th>
                <th className="px-4 py-2 font-medium">{t("recordAdmin.bin.deletedBy")}</th>
                <th className="px-4 py-2 font-medium">{t("recordAdmin.bin.deletedAt")}</th>
                <th className="px-4 py-2 font-medium">{t("common.actions")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {list.rows.map((row) => (
                <tr key={row.id} data-testid={`bin-row-${row.id}`}>
                  <td className="px-4 py-3">
                    <span className="font-medium text-slate-900">{row.label}</span>
                    <span className="ml-2 text-xs text-slate-400">{row.number}</span>
                    {row.mergedIntoId ? (
                      <Badge tone="violet" className="ml-2">
                        {t("recordAdmin.bin.mergedInto")}
                      </Badge>
                    ) : null}
                  </td>
                  <td className="px-4 py-3 text-slate-600">{row.ownerName ?? t("common.none")}</td>
                  <td className="px-4 py-3 text-slate-600">{row.deletedBy ?? t("common.none")}</td>
                  <td className="px-4 py-3 text-slate-600 tabular-nums">{formatDateTime(row.deletedAt, locale)}</td>
                  <td className="px-4 py-3">
                    <Form method="post" className="flex flex-wrap gap-2">
                      <input type="hidden" name="type" value={type ?? ""} />
                      <input type="hidden" name="id" value={row.id} />
                      {row.mergedIntoId ? null : (
                        <SubmitButton intent="restore" variant="secondary" size="sm">
                          {t("recordAdmin.bin.restore")}
                        </SubmitButton>
                      )}
                      <SubmitButton
                        intent="purge"
                        variant="danger"
                        size="sm"
                        onClick={(e) => {
                          if (!window.confirm(t("recordAdmin.bin.purgeConfirm"))) e.preventDefault();
                        }}
                      >
                        {t("recordAdmin.bin.purge")}
                      </SubmitButton>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && pageCount > 1 ? (
        <nav className="flex gap-2 text-sm">
          {list.page > 1 ? <Link to={`${PATH}?type=${type}&page=${list.page - 1}`}>‹</Link> : null}
          <span className="tabular-nums">
            {list.page} / {pageCount}
          </span>
          {list.page < pageCount ? <Link to={`${PATH}?type=${type}&page=${list.page + 1}`}>›</Link> : null}
        </nav>
      ) : null}
      {canSetRetention ? (
        <Form method="post" className="flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4">
          <label className="text-sm text-slate-700">
            {t("recordAdmin.bin.retention")}
            <input
              name="days"
              type="number"
              min={0}
              max={3650}
              defaultValue={retentionDays}
              className="mt-1 block w-32 rounded-lg border border-slate-300 px-3 py-1.5"
            />
          </label>
          <SubmitButton intent="retention" variant="secondary" size="sm">
            {t("common.save")}
          </SubmitButton>
        </Form>
      ) : null}
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
