import { BookOpenCheck, Building2, ClipboardList, FileSignature, Package, PenLine } from "lucide-react";
import { redirect, useLoaderData, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { requireMemberLevel } from "#app/modules/members/member-guard.server.ts";
import { CUSTOMER_LEVELS } from "#app/modules/members/member-levels.ts";
import { getZoneContext } from "#app/modules/zones/zone-access.server.ts";
import { getZoneOverview } from "#app/modules/zones/zone-overview.server.ts";
import { Badge } from "#app/ui/badge.tsx";
import { ButtonLink } from "#app/ui/button.tsx";
import { AssetStatusTag, ContractStanding, useContractLevel } from "#app/ui/service/status-tags.tsx";
import { ZoneDeniedBoundary, zoneEntryMeta } from "#portal/components/zone/zone-denied.tsx";
import { PreviewCard, ZoneAnnouncements, ZoneStats } from "#portal/components/zone/zone-overview.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";

// 用户专区 home (seed 000 §2.B, §2.K): for confirmed members of their company's zone. Customers and
// partners who are not (yet) in go to /zone/join; visitors sign in and prospects get the 403 page.

export async function loader({ request }: LoaderFunctionArgs) {
  await requireMemberLevel(request, CUSTOMER_LEVELS);
  const context = await getZoneContext(request);
  if (!context) throw redirect("/zone/join");
  return {
    zoneName: context.zone.name,
    isCustomerAdmin: context.membership.isCustomerAdmin,
    nickname: context.member.nickname,
    overview: await getZoneOverview(db, context),
  };
}

export const meta = zoneEntryMeta;

export default function ZoneHome() {
  const { zoneName, isCustomerAdmin, nickname, overview: o } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const contractLevel = useContractLevel();
  return (
    <ZoneShell zoneName={zoneName}>
      <AccountPageHeader
        title={t("zones.home.title")}
        description={
          <>
            {t("zones.home.welcome", { name: nickname })}
            {isCustomerAdmin ? (
              <Badge tone="violet" className="ml-2 align-middle">
                {t("zones.members.customerAdmin")}
              </Badge>
            ) : null}
          </>
        }
        actions={
          <ButtonLink to="/zone/requests/new" icon={PenLine}>
            {t("zones.home.newRequest")}
          </ButtonLink>
        }
      />

      <ZoneStats
        stats={[
          { label: t("zones.home.stat.open"), value: o.openCount, icon: ClipboardList, to: "/zone/requests" },
          { label: t("zones.home.stat.assets"), value: o.assetCount, icon: Package, to: "/zone/assets" },
          {
            label: t("zones.home.stat.contracts"),
            value: o.contractCount,
            icon: FileSignature,
            to: "/zone/contracts",
          },
          { label: t("zones.home.stat.members"), value: o.memberCount, icon: Building2, to: "/zone/members" },
        ]}
      />

      <ZoneAnnouncements items={o.announcements} />

      <div className="grid gap-6 lg:grid-cols-2">
        <PreviewCard
          icon={ClipboardList}
          title={t("zones.home.requests")}
          description={t("zones.home.requestsHint", { count: o.openCount })}
          allTo="/zone/requests"
          empty={t("zones.home.requestsEmpty")}
          rows={o.openRequests.map((r) => ({
            key: r.id,
            to: `/zone/requests/${r.id}`,
            title: r.subject,
            meta: `${r.number} · ${r.createdAt}`,
            aside: (
              <Badge tone={r.status === "waiting_customer" ? "amber" : "blue"}>
                {t(`zones.request.status.${r.status}`)}
              </Badge>
            ),
          }))}
        />
        <PreviewCard
          icon={BookOpenCheck}
          title={t("zones.home.solutions")}
          description={t("zones.home.solutionsHint")}
          allTo="/zone/requests?tab=published"
          empty={t("zones.home.solutionsEmpty")}
          rows={o.solutions.map((s) => ({
            key: s.id,
            to: `/zone/requests/${s.id}`,
            title: s.subject,
            meta: `${s.number} · ${s.publishedAt ?? ""}`,
          }))}
        />
        <PreviewCard
          icon={Package}
          title={t("zones.home.assets")}
          allTo="/zone/assets"
          empty={t("zones.assets.empty")}
          rows={o.assets.map((a) => ({
            key: a.id,
            to: `/zone/assets/${a.id}`,
            title: a.name,
            meta: [
              [a.model, a.serialNumber].filter(Boolean).join(" · "),
              a.children > 0 ? t("zones.assets.childCount", { count: a.children }) : null,
            ]
              .filter(Boolean)
              .join(" · "),
            aside: <AssetStatusTag status={a.status} />,
          }))}
        />
        <PreviewCard
          icon={FileSignature}
          title={t("zones.home.contracts")}
          allTo="/zone/contracts"
          empty={t("zones.contracts.empty")}
          rows={o.contracts.map((c) => ({
            key: c.id,
            to: `/zone/contracts/${c.id}`,
            title: c.name,
            meta: `${contractLevel(c)} · ${t("zones.contract.until", { date: c.endDate })}`,
            aside: <ContractStanding status={c.status} daysLeft={c.daysLeft} />,
          }))}
        />
      </div>
    </ZoneShell>
  );
}

export const ErrorBoundary = ZoneDeniedBoundary;
