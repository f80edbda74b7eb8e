import { PenLine } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { requireIdParam } from "#app/lib/forms.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { getZoneAssetPage } from "#app/modules/service/asset-pages.server.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card, CardBody } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { AssetChildren } from "#app/ui/service/asset-children.tsx";
import { AssetContracts } from "#app/ui/service/asset-contracts.tsx";
import { AssetFacts } from "#app/ui/service/asset-facts.tsx";
import { AssetHeading } from "#app/ui/service/asset-heading.tsx";
import { MaintenanceLog } from "#app/ui/service/maintenance-log.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// One asset of the zone's company: its facts, parts and maintenance log (read-only).

export async function loader({ request, params }: LoaderFunctionArgs) {
  const context = await requireZoneAccess(request);
  const asset = await getZoneAssetPage(db, context.zone.companyId, requireIdParam(params.assetId));
  if (!asset) throw data(null, { status: 404 });
  return { zone: { name: context.zone.name }, asset };
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, "zones.asset.pageTitle", { name: loaderData?.asset.name ?? "" });

export default function ZoneAsset() {
  const { zone, asset: a } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={zone.name}>
      <div>
        <BackLink to="/zone/assets">{t("zones.assets.back")}</BackLink>
        <AssetHeading
          asset={a}
          linkBase="/zone/assets"
          eyebrow={a.number}
          actions={
            <ButtonLink to={`/zone/requests/new?assetId=${a.id}`}>
              <PenLine aria-hidden className="size-4" />
              {t("zones.asset.report")}
            </ButtonLink>
          }
        />
      </div>
      <Card>
        <CardBody>
          <AssetFacts asset={a} />
        </CardBody>
      </Card>
      <AssetChildren items={a.children} linkBase="/zone/assets" />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <MaintenanceLog entries={a.maintenance} />
        <AssetContracts contracts={a.contracts} linkBase="/zone/contracts" />
      </div>
    </ZoneShell>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />;
}
