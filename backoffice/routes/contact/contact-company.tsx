import { Building2, History } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getContactCompanyHistory } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import { Timeline } from "#app/ui/records/timeline.tsx";
import { useContactWorkspace } from "#backoffice/components/contacts/use-contact-workspace.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// 单位与履历: the current company and every earlier one (name as it was, title then, period).

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "contacts", action: "browse" }, params.contactId, getContactCompanyHistory);
}

export default function ContactCompanyTab() {
  const { contact, canBrowseCompanies } = useContactWorkspace();
  const { history } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const day = (d: Date | string | null) => (d ? formatCalendarDate(d, locale) : "—");
  const companyLink = (id: number | null, name: string, live: boolean) =>
    id && live && canBrowseCompanies ? (
      <Link to={`/crm/companies/${id}`} className="text-blue-700 hover:underline">
        {name}
      </Link>
    ) : (
      name
    );
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <SectionCard icon={Building2} title={t("contacts.company.current")}>
        {contact.company ? (
          <p className="text-base font-medium text-slate-900">
            {companyLink(contact.company.id, contact.company.name, !contact.company.deletedAt)}
            {contact.title ? <span className="ml-2 text-sm font-normal text-slate-500">{contact.title}</span> : null}
          </p>
        ) : (
          <p className="text-sm text-slate-500">
            {t(contact.noCompany ? "contacts.company.none" : "contacts.company.unknown")}
          </p>
        )}
      </SectionCard>
      <SectionCard icon={History} title={t("contacts.company.history")} description={t("contacts.company.historyHint")}>
        <Timeline
          className="px-0 py-0"
          empty="contacts.company.noHistory"
          label={t("contacts.company.history")}
          items={history.map((h) => ({
            id: h.id,
            title: (
              <>
                {companyLink(h.companyId, h.companyName ?? "—", h.companyLive)}
                {!h.companyLive ? (
                  <span className="ml-1 text-xs text-slate-400">{t("contacts.company.removed")}</span>
                ) : null}
              </>
            ),
            lines: [h.title, t("contacts.company.periodValue", { from: day(h.startedAt), to: day(h.endedAt) })].filter(
              Boolean,
            ),
            tone: "slate" as const,
          }))}
        />
      </SectionCard>
    </div>
  );
}
