import { ChevronRight, Package } from "lucide-react";
import { Link, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listCompanyAssetTree, type AssetTreeNode } from "#app/modules/service/assets.server.ts";
import { isoDay } from "#app/modules/service/service-dates.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { Card } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { EmptyState } from "#app/ui/empty-state.tsx";
import { titleMeta } from "#app/ui/meta.ts";
import { RecordTable } from "#app/ui/records/record-table.tsx";
import { AssetStatusTag } from "#app/ui/service/status-tags.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

// 客户资产: the company's assets as systems with their units and parts (read-only for members).

interface Row {
  id: number;
  number: string;
  name: string;
  model: string | null;
  serialNumber: string | null;
  status: AssetTreeNode["status"];
  warrantyEnd: string | null;
  depth: number;
}

function flatten(nodes: AssetTreeNode[], depth = 0, out: Row[] = []): Row[] {
  for (const n of nodes) {
    out.push({
      id: n.id,
      number: n.number,
      name: n.name,
      model: n.model,
      serialNumber: n.serialNumber,
      status: n.status,
      warrantyEnd: n.warrantyEnd ? isoDay(n.warrantyEnd) : null,
      depth,
    });
    flatten(n.children, depth + 1, out);
  }
  return out;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  return { zone: { name: context.zone.name }, rows: flatten(await listCompanyAssetTree(db, context.zone.companyId)) };
}

export const meta = titleMeta("zones.assets.title");

export default function ZoneAssets() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={d.zone.name}>
      <AccountPageHeader title={t("zones.assets.title")} description={t("zones.assets.hint")} />
      <Card>
        {d.rows.length === 0 ? (
          <EmptyState
            icon={<Package aria-hidden className="size-5" />}
            title={t("zones.assets.empty")}
            description={t("zones.assets.emptyHint")}
          />
        ) : (
          <RecordTable
            rows={d.rows}
            rowKey={(r) => r.id}
            columns={[
              { key: "name", header: t("zones.asset.name"), cell: (r) => <AssetTreeName asset={r} /> },
              {
                key: "model",
                header: t("zones.asset.model"),
                cell: (r) => r.model ?? "—",
                className: "text-slate-600",
              },
              {
                key: "serialNumber",
                header: t("zones.asset.serialNumber"),
                cell: (r) => r.serialNumber ?? "—",
                className: "font-mono text-xs text-slate-600",
              },
              {
                key: "warrantyEnd",
                header: t("zones.asset.warrantyEnd"),
                cell: (r) => r.warrantyEnd ?? "—",
                className: "text-slate-600",
              },
              {
                key: "status",
                header: t("zones.asset.statusLabel"),
                cell: (r) => <AssetStatusTag status={r.status} />,
              },
            ]}
          />
        )}
      </Card>
    </ZoneShell>
  );
}

/** The asset's name (linked), indented under its parent, with its number below. */
function AssetTreeName({ asset }: { asset: { id: number; depth: number; name: string; number: string } }) {
  const indent = { paddingLeft: `${asset.depth * 1.25}rem` };
  return (
    <>
      <Link
        to={`/zone/assets/${asset.id}`}
        className={cn(
          "inline-flex items-center gap-1 font-medium text-slate-900 hover:text-blue-700",
          asset.depth === 0 && "font-semibold",
        )}
        style={indent}
      >
        {asset.depth > 0 ? <ChevronRight aria-hidden className="size-3.5 text-slate-400" /> : null}
        {asset.name}
      </Link>
      <span className="block text-xs text-slate-500" style={indent}>
        {asset.number}
      </span>
    </>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
