import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listCompanyContacts } from "#app/modules/crm/companies/company-tabs.server.ts";
import { TabTable } from "#backoffice/components/companies/company-tab-ui.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 联系人 tab: the contacts the viewer may browse (contacts scope).

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "companies", action: "browse" }, params.companyId, listCompanyContacts);
}

export default function CompanyContactsTab() {
  const { contacts } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const names = new Map((contacts ?? []).map((c) => [c.id, c.fullName]));
  return (
    <TabTable
      title={t("companies.tabs.contacts")}
      rows={contacts}
      rowKey={(c) => c.id}
      empty="companies.contacts.none"
      columns={[
        linkColumn<NonNullable<typeof contacts>[number]>("name", t("companies.contacts.name"), (c) => ({
          to: `/crm/contacts/${c.id}`,
          label: c.fullName,
          sub: c.number,
        })),
        {
          key: "title",
          header: t("companies.contacts.position"),
          cell: (c) => [c.department, c.title].filter(Boolean).join(" · "),
        },
        { key: "phone", header: t("companies.field.phone"), cell: (c) => c.mobile ?? c.phone ?? "—" },
        { key: "email", header: t("companies.field.email"), cell: (c) => c.email ?? "—" },
        {
          key: "reportsTo",
          header: t("companies.contacts.reportsTo"),
          cell: (c) => (c.reportsToId ? (names.get(c.reportsToId) ?? "—") : "—"),
        },
        { key: "owner", header: t("common.owner"), cell: (c) => c.owner?.name ?? "—" },
      ]}
    />
  );
}
