import { Route as RouteIcon } from "lucide-react";
import { Link } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { RoutingOrder, RULES_PATHS, StaffStatusBadge } from "#backoffice/components/rules-ui.tsx";

// Where the next lead of a registration category goes right now: the token group's next person,
// else the campaign owner, else the designated person, with the step that applies highlighted.

type Status = "active" | "away" | "inactive";

export interface CategoryRouting {
  tokenGroup: { id: number; name: string; next: { name: string } | null } | null;
  campaign: { name: string; owner: { name: string } } | null;
  designatedStaff: { name: string; status: Status };
}

export function CategoryRoutingCard({ category }: { category: CategoryRouting }) {
  const { t } = useI18n();
  const group = category.tokenGroup;
  const groupApplies = Boolean(group?.next);
  const campaignApplies = !groupApplies && Boolean(category.campaign);
  const steps = [
    {
      applies: groupApplies,
      skipped: !groupApplies,
      detail: group ? (
        <>
          <Link
            to={`${RULES_PATHS.groups}/${group.id}`}
            className={group.next ? "font-medium text-blue-700 hover:underline" : "font-medium hover:underline"}
          >
            {group.name}
          </Link>
          {" · "}
          {group.next ? t("common.nextName", { name: group.next.name }) : t("rules.routing.groupNobody")}
        </>
      ) : (
        t("rules.routing.noGroup")
      ),
    },
    {
      applies: campaignApplies,
      skipped: !category.campaign || groupApplies,
      detail: category.campaign
        ? t("rules.routing.campaignOwner", { campaign: category.campaign.name, owner: category.campaign.owner.name })
        : t("common.noCampaignBound"),
    },
    {
      applies: !groupApplies && !campaignApplies,
      skipped: groupApplies || campaignApplies,
      detail: (
        <span className="inline-flex flex-wrap items-center gap-2">
          {category.designatedStaff.name}
          <StaffStatusBadge status={category.designatedStaff.status} />
        </span>
      ),
    },
  ];
  return (
    <SectionCard
      icon={RouteIcon}
      title={t("rules.routing.nowTitle")}
      description={t("rules.routing.nowDescription")}
      flush
    >
      <div className="p-4">
        <RoutingOrder steps={steps} />
      </div>
    </SectionCard>
  );
}
