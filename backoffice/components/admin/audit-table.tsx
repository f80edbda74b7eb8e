import { ArrowDown, ArrowUp } from "lucide-react";
import { Link } from "react-router";
import { formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "#app/ui/cn.ts";
import type { AuditRow, DiffLine } from "#app/modules/admin/audit-log-viewer.server.ts";

// The audit log as a table: when, who, what, which record (a link where the record has a page) and
// the change as "field: old → new" lines. Rows come from audit-log-viewer.server.ts.

export type AuditTableRow = Omit<AuditRow, "before" | "after"> & { diff: DiffLine[]; href: string | null };

export function AuditTable({
  rows,
  sortHref,
  dir,
}: {
  rows: readonly AuditTableRow[];
  /** The time column's header link: flips newest/oldest first. */
  sortHref: string;
  dir: "asc" | "desc";
}) {
  const { t, locale } = useI18n();
  const Arrow = dir === "desc" ? ArrowDown : ArrowUp;
  const who = (row: AuditTableRow) => {
    if (row.actorType === "system") return t("adminRoles.audit.system");
    if (row.actorName === null) return t("adminRoles.audit.unknownActor", { id: row.actorId ?? "?" });
    return row.actorType === "member" ? t("adminRoles.audit.member", { name: row.actorName }) : row.actorName;
  };
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[820px] text-sm">
        <thead className="border-b border-slate-100 text-left text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-5 py-3 font-medium" aria-sort={dir === "desc" ? "descending" : "ascending"}>
              <Link to={sortHref} className="inline-flex items-center gap-1 hover:text-slate-900">
                {t("adminRoles.audit.time")}
                <Arrow className="size-3.5" aria-hidden />
                <span className="sr-only">
                  {dir === "desc" ? t("adminRoles.audit.sortNewest") : t("adminRoles.audit.sortOldest")}
                </span>
              </Link>
            </th>
            {(["who", "what", "record", "changes"] as const).map((column) => (
              <th key={column} scope="col" className={cn("py-3 font-medium", column === "changes" ? "px-5" : "px-3")}>
                {t(`adminRoles.audit.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="px-5 py-2.5 whitespace-nowrap text-slate-600 tabular-nums">
                {formatDateTime(row.createdAt, locale)}
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                {row.actorType === "staff" && row.actorId !== null ? (
                  <Link to={`?actor=${row.actorId}`} className="text-slate-900 hover:underline">
                    {who(row)}
                  </Link>
                ) : (
                  who(row)
                )}
                {row.ipAddress ? <span className="block text-xs text-slate-400">{row.ipAddress}</span> : null}
              </td>
              <td className="px-3 py-2.5">
                <code className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{row.action}</code>
              </td>
              <td className="px-3 py-2.5 whitespace-nowrap">
                {row.href ? (
                  <Link to={row.href} className="text-blue-700 hover:underline">
                    {row.entityType} #{row.entityId}
                  </Link>
                ) : (
                  <span>
                    {row.entityType}
                    {row.entityId ? ` #${row.entityId}` : ""}
                  </span>
                )}
              </td>
              <td className="px-5 py-2.5">
                {row.diff.length === 0 ? (
                  <span className="text-slate-400">{t("adminRoles.audit.noChanges")}</span>
                ) : (
                  <dl className="space-y-0.5 text-xs">
                    {row.diff.map((d) => (
                      <div key={d.field} className="flex flex-wrap gap-x-1.5">
                        <dt className="font-medium text-slate-700">{d.field}:</dt>
                        <dd className="break-all text-slate-600">
                          <del className="text-red-700 decoration-red-300">
                            {d.before ?? t("adminRoles.audit.emptyValue")}
                          </del>
                          {" → "}
                          <ins className="text-emerald-700 no-underline">
                            {d.after ?? t("adminRoles.audit.emptyValue")}
                          </ins>
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
