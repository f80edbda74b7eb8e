import { Download, History, ScrollText } from "lucide-react";
import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { fail, respond } from "#app/lib/service-result.ts";
import { AUDIT_EXPORT_CAP } from "#app/modules/admin/audit-log-export.server.ts";
import { auditList } from "#app/modules/admin/audit-log-query.ts";
import {
  getAuditRetentionDays,
  RetentionForm,
  setAuditRetentionDays,
} from "#app/modules/admin/audit-log-retention.server.ts";
import {
  auditDiff,
  auditFilterOptions,
  auditRecordHref,
  listAuditLog,
} from "#app/modules/admin/audit-log-viewer.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { FilterBar, FilterDate, filterInputClass, FilterSelect } from "#app/ui/list/filter-bar.tsx";
import { KeysetPager } from "#app/ui/list/pager.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { AuditTable } from "#backoffice/components/admin/audit-table.tsx";
import { NumberSettingCard } from "#backoffice/components/admin/number-setting-card.tsx";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { runPageIntent, type PageIntentArgs } from "#backoffice/components/record-action.server.ts";

// 审计日志 (/crm/admin/audit): filter by person, record type, record and dates; newest or oldest
// first; keyset pages; CSV export of the same filter; the retention setting.

const PATH = "/crm/admin/audit";
/** A value in the table is cut here; the CSV export has it whole. */
const SHOWN = 300;

const cut = (value: string | null) => (value && value.length > SHOWN ? `${value.slice(0, SHOWN)}…` : value);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaffActor(request, { module: "admin", action: "browse" });
  const url = new URL(request.url);
  const query = auditList.parse(url.searchParams);
  const [page, options, retentionDays] = await Promise.all([
    listAuditLog(db, query),
    auditFilterOptions(db),
    getAuditRetentionDays(db),
  ]);
  const rows = page.rows.map(({ before, after, ...row }) => ({
    ...row,
    diff: auditDiff(before, after).map((d) => ({ ...d, before: cut(d.before), after: cut(d.after) })),
    href: auditRecordHref(row.entityType, row.entityId),
  }));
  const search = auditList.searchOf(query);
  return {
    rows,
    query,
    options,
    retentionDays,
    exportCap: AUDIT_EXPORT_CAP,
    links: {
      next: page.next ? auditList.hrefFor(PATH, query, { cursor: page.next }) : null,
      prev: page.prev ? auditList.hrefFor(PATH, query, { cursor: page.prev }) : null,
      first: query.cursor ? auditList.hrefFor(PATH, query, { cursor: null }) : null,
      sort: auditList.hrefFor(PATH, query, auditList.sortToggle(query, "time")),
      clear: auditList.isFiltered(query) ? auditList.hrefFor(PATH, query, auditList.cleared()) : null,
      export: `${PATH}/export${search ? `?${search}` : ""}`,
    },
  };
}

async function retention({ actor, form: formData, ipAddress }: PageIntentArgs) {
  const parsed = await parseForm(formData, RetentionForm);
  if (parsed.status !== "ok") return fail(parsed);
  const result = await setAuditRetentionDays(db, actor, parsed.value.retentionDays, { ipAddress });
  return respond(result, { successTo: PATH, flash: "flash.saved" });
}

export async function action(args: ActionFunctionArgs) {
  return runPageIntent(args, { module: "admin", action: "modify" }, { retention });
}

export const meta = titleMeta("adminRoles.audit.title");

export default function AuditLogPage() {
  const { rows, query, options, retentionDays, exportCap, links } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = fieldErrors(result);

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={t("adminRoles.eyebrow")}
        title={t("adminRoles.audit.title")}
        description={t("adminRoles.audit.description")}
        icon={<ScrollText className="size-6" aria-hidden />}
        actions={
          <ButtonLink to={links.export} reloadDocument variant="secondary" size="sm" icon={Download}>
            {t("adminRoles.audit.export")}
          </ButtonLink>
        }
      />

      <Card>
        <FilterBar carry={auditList.carry(query)} clearHref={links.clear}>
          <FilterSelect
            name="actor"
            label={t("adminRoles.audit.filter.person")}
            value={query.actor}
            options={options.staff.map((s) => ({ value: s.id, label: s.name }))}
          />
          <FilterSelect
            name="entityType"
            label={t("adminRoles.audit.filter.module")}
            value={query.entityType}
            options={options.entityTypes.map((e) => ({ value: e, label: e }))}
          />
          <div className="w-32">
            <label htmlFor="filter-entityId" className="mb-1 block text-xs font-medium text-slate-500">
              {t("adminRoles.audit.filter.record")}
            </label>
            <input
              id="filter-entityId"
              name="entityId"
              defaultValue={query.entityId ?? ""}
              maxLength={64}
              className={filterInputClass}
            />
          </div>
          <FilterDate name="from" label={t("adminRoles.audit.filter.from")} value={query.from} />
          <FilterDate name="to" label={t("adminRoles.audit.filter.to")} value={query.to} />
          {query.action ? <input type="hidden" name="action" value={query.action} /> : null}
        </FilterBar>
        {rows.length === 0 ? (
          <CardBody className="text-sm text-slate-500">{t("adminRoles.audit.empty")}</CardBody>
        ) : (
          <AuditTable rows={rows} sortHref={links.sort} dir={query.dir} />
        )}
        <KeysetPager firstTo={links.first} prevTo={links.prev} nextTo={links.next} />
        <p className="border-t border-slate-100 px-5 py-2 text-xs text-slate-400">
          {t("adminRoles.audit.exportHint", { count: exportCap.toLocaleString() })}
        </p>
      </Card>

      <NumberSettingCard
        icon={History}
        title={t("adminRoles.audit.retention.title")}
        notice={<FailureNotice result={result} refusalsOnly />}
        name="retentionDays"
        max={36500}
        label={t("adminRoles.audit.retention.label")}
        hint={t("adminRoles.audit.retention.hint")}
        value={retentionDays}
        errors={errors.retentionDays}
        intent="retention"
        saveLabel={t("adminRoles.audit.retention.save")}
      />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary />;
}
