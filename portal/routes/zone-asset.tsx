import { PenLine } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getZoneAssetPage } from "#app/modules/service/asset-pages.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { namedRecordMeta } from "#app/ui/meta.ts";
import { AssetChildren } from "#app/ui/service/asset-children.tsx";
import { AssetContracts } from "#app/ui/service/asset-contracts.tsx";
import { AssetFacts } from "#app/ui/service/asset-facts.tsx";
import { AssetHeading } from "#app/ui/service/asset-heading.tsx";
import { MaintenanceLog } from "#app/ui/service/maintenance-log.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { loadZoneRecord } from "#portal/components/zone/zone-record.server.ts";
import { ZoneRecordPage } from "#portal/components/zone-ui.tsx";

// One asset of the zone's company: its facts, parts and maintenance log (read-only).

export const loader = ({ request, params }: LoaderFunctionArgs) =>
  loadZoneRecord(request, params.assetId, getZoneAssetPage);

export const meta = namedRecordMeta("zones.assets.title", "zones.asset.pageTitle");

export default function ZoneAsset() {
  const { zone, record: a } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneRecordPage
      zoneName={zone.name}
      back={{ to: "/zone/assets", label: t("common.backToAssets") }}
      heading={
        <AssetHeading
          asset={a}
          linkBase="/zone/assets"
          eyebrow={a.number}
          actions={
            <ButtonLink to={`/zone/requests/new?asset=${a.id}`} icon={PenLine}>
              {t("zones.asset.report")}
            </ButtonLink>
          }
        />
      }
      facts={<AssetFacts asset={a} />}
    >
      <AssetChildren items={a.children} linkBase="/zone/assets" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <MaintenanceLog entries={a.maintenance} />
        <AssetContracts contracts={a.contracts} linkBase="/zone/contracts" />
      </div>
    </ZoneRecordPage>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
