import { Network } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getContactOrgChart } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { contactPath } from "#backoffice/components/contacts/contact-columns.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// 汇报关系: the managers above the contact (top first) and the people who report to them. A manager
// the viewer may not browse shows by name only, without a link.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "contacts", action: "browse" }, params.contactId, getContactOrgChart);
}

function Person({ id, name, title, link }: { id: number; name: string; title: string | null; link: boolean }) {
  return (
    <span className="inline-flex flex-col rounded-lg border border-slate-200 bg-white px-3 py-2 text-sm shadow-sm">
      {link ? (
        <Link to={contactPath(id)} className="font-medium text-blue-700 hover:underline">
          {name}
        </Link>
      ) : (
        <span className="font-medium text-slate-900">{name}</span>
      )}
      {title ? <span className="text-xs text-slate-500">{title}</span> : null}
    </span>
  );
}

export default function ContactOrgTab() {
  const { self, managers, reports } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <SectionCard icon={Network} title={t("contacts.tabs.org")}>
      <div className="space-y-4">
        <section aria-label={t("contacts.org.managers")}>
          <h3 className="mb-2 text-xs font-medium text-slate-500">{t("contacts.org.managers")}</h3>
          {managers.length === 0 ? (
            <p className="text-sm text-slate-400">{t("contacts.org.noManager")}</p>
          ) : (
            <ol className="space-y-2">
              {managers.map((m, i) => (
                <li key={m.id} style={{ marginLeft: `${i * 1.25}rem` }}>
                  <Person id={m.id} name={m.fullName} title={m.title} link={m.visible} />
                  {!m.visible ? <span className="ml-2 text-xs text-slate-400">{t("contacts.org.hidden")}</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
        <div style={{ marginLeft: `${managers.length * 1.25}rem` }}>
          <span className="inline-flex flex-col rounded-lg border-2 border-blue-500 bg-blue-50 px-3 py-2 text-sm">
            <span className="font-semibold text-slate-900">{self.fullName}</span>
            {self.title ? <span className="text-xs text-slate-600">{self.title}</span> : null}
          </span>
        </div>
        <section aria-label={t("contacts.org.reports")} style={{ marginLeft: `${(managers.length + 1) * 1.25}rem` }}>
          <h3 className="mb-2 text-xs font-medium text-slate-500">{t("contacts.org.reports")}</h3>
          {reports.length === 0 ? (
            <p className="text-sm text-slate-400">{t("contacts.org.noReports")}</p>
          ) : (
            <ul className="flex flex-wrap gap-2">
              {reports.map((r) => (
                <li key={r.id}>
                  <Person
                    id={r.id}
                    name={r.fullName}
                    title={[r.title, r.department].filter(Boolean).join(" · ") || null}
                    link
                  />
                  {r._count.reports > 0 ? (
                    <span className="ml-1 text-xs text-slate-400">
                      {t("contacts.org.reportsCount", { count: r._count.reports })}
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </SectionCard>
  );
}
