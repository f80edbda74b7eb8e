import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { formatCalendarDate } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getCompanyService } from "#app/modules/crm/companies/company-tabs.server.ts";
import { assetStatusKey, AssetStatusBadge, contractStatusKey, ContractStatusBadge } from "#app/ui/service/labels.tsx";
import { ServiceStatusBadge } from "#app/ui/service/request-badges.tsx";
import { NoAccess, TabTable } from "#backoffice/components/companies/company-tab-ui.tsx";
import { linkColumn } from "#backoffice/components/record-link-column.tsx";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";

// The company page's 服务请求 / 客户资产 / 服务合约 tabs (one module, three child routes): shown to
// staff who serve the company (service scope), "no access" otherwise.

const PARTS = ["requests", "assets", "contracts"] as const;

function partOf(request: Request) {
  const last = new URL(request.url).pathname.split("/").filter(Boolean).pop();
  return PARTS.find((p) => p === last) ?? "requests";
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const part = partOf(request);
  return loadRecordPage(request, { module: "companies", action: "browse" }, params.companyId, (db, actor, id) =>
    getCompanyService(db, actor, id, part),
  );
}

export default function CompanyServiceTab() {
  const { rows } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  if (rows === null) return <NoAccess />;
  const day = (d: Date | string | null) => formatCalendarDate(d, locale);
  if (rows.kind === "requests") {
    return (
      <TabTable
        title={t("companies.tabs.requests")}
        rows={rows.rows}
        rowKey={(r) => r.id}
        empty="companies.requests.none"
        columns={[
          linkColumn<(typeof rows.rows)[number]>("subject", t("companies.tabs.requests"), (r) => ({
            to: `/crm/service/${r.id}`,
            label: r.subject,
            sub: r.number,
          })),
          { key: "status", header: t("common.status"), cell: (r) => <ServiceStatusBadge status={r.status} /> },
          { key: "assignee", header: t("common.owner"), cell: (r) => r.assignee?.name ?? "—" },
          { key: "created", header: t("common.createdAt"), cell: (r) => day(r.createdAt) },
        ]}
      />
    );
  }
  if (rows.kind === "assets") {
    return (
      <TabTable
        title={t("companies.tabs.assets")}
        rows={rows.rows}
        rowKey={(a) => a.id}
        empty="companies.assets.none"
        columns={[
          linkColumn<(typeof rows.rows)[number]>("name", t("zones.asset.name"), (a) => ({
            to: `/crm/assets/${a.id}`,
            label: a.name,
            sub: a.number,
          })),
          { key: "model", header: t("zones.asset.model"), cell: (a) => a.model ?? "—" },
          { key: "sn", header: t("zones.asset.serialNumber"), cell: (a) => a.serialNumber ?? "—" },
          {
            key: "status",
            header: t("common.status"),
            cell: (a) => <AssetStatusBadge status={a.status} label={t(assetStatusKey(a.status))} />,
          },
          { key: "warranty", header: t("zones.asset.warrantyEnd"), cell: (a) => day(a.warrantyEnd) },
        ]}
      />
    );
  }
  return (
    <TabTable
      title={t("companies.tabs.contracts")}
      rows={rows.rows}
      rowKey={(c) => c.id}
      empty="companies.contracts.none"
      columns={[
        linkColumn<(typeof rows.rows)[number]>("name", t("companies.tabs.contracts"), (c) => ({
          to: `/crm/service-contracts/${c.id}`,
          label: c.name,
          sub: c.number,
        })),
        {
          key: "status",
          header: t("common.status"),
          cell: (c) => <ContractStatusBadge status={c.status} label={t(contractStatusKey(c.status))} />,
        },
        {
          key: "period",
          header: t("companies.contracts.period"),
          cell: (c) => `${day(c.startDate)} – ${day(c.endDate)}`,
        },
      ]}
    />
  );
}
