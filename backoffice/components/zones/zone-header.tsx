import { ArrowLeft, FileSignature, Package } from "lucide-react";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ZoneWorkspace } from "#app/modules/zones/zone-workspace.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";

/** The head of a back-office zone page: back link, zone and company, links to its assets and contracts. */
export function ZoneHeader({
  zone,
  counts,
  actions,
}: {
  zone: Pick<ZoneWorkspace["zone"], "name" | "company" | "createdAt">;
  counts: ZoneWorkspace["counts"];
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <div>
      <Link to="/crm/zones" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-800">
        <ArrowLeft aria-hidden className="size-4" />
        {t("zones.bo.zone.back")}
      </Link>
      <div className="mt-3 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <p className="text-sm font-medium text-blue-600">{t("common.customerService")}</p>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{zone.name}</h1>
          <p className="mt-1 text-sm text-slate-500">
            {zone.company.number} · {zone.company.name}
            {zone.company.city ? ` · ${zone.company.city}` : ""} · {t("zones.bo.zone.since", { date: zone.createdAt })}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <ButtonLink to={`/crm/assets?companyId=${zone.company.id}`} variant="secondary" size="sm">
            <Package aria-hidden className="size-4" />
            {t("zones.bo.zone.assets", { count: counts.assets })}
          </ButtonLink>
          <ButtonLink to={`/crm/service-contracts?companyId=${zone.company.id}`} variant="secondary" size="sm">
            <FileSignature aria-hidden className="size-4" />
            {t("zones.bo.zone.contracts", { count: counts.contracts })}
          </ButtonLink>
          {actions}
        </div>
      </div>
    </div>
  );
}
