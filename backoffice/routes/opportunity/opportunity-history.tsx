import { History } from "lucide-react";
import { useLoaderData, type LoaderFunctionArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { listOpportunityHistory } from "#app/modules/crm/opportunities/opportunity-detail.server.ts";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { Timeline } from "#app/ui/records/timeline.tsx";
import { loadOpportunityTab } from "#backoffice/components/opportunities/opportunity-route.server.ts";
import { stageName } from "#backoffice/components/opportunities/stage-ui.tsx";

// The opportunity's 历史 tab: every stage change, who made it and when (newest first).

export async function loader(args: LoaderFunctionArgs) {
  return loadOpportunityTab(args, async (database, id) => ({
    history: await listOpportunityHistory(database, id),
    now: Date.now(),
  }));
}

export default function OpportunityHistoryTab() {
  const { history, now } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const name = (s: { nameZh: string; nameEn: string } | null) => (s ? stageName(s, locale) : "—");
  return (
    <Card>
      <CardHeader title={t("opportunities.tabs.history")} icon={<History className="size-4" aria-hidden />} />
      <CardBody>
        <Timeline
          now={now}
          empty="opportunities.history.none"
          label={t("opportunities.tabs.history")}
          items={history.map((h) => {
            const vars = {
              who: h.changedBy?.name ?? t("opportunities.history.someone"),
              from: name(h.fromStage),
              to: name(h.toStage),
              percent: h.probability,
            };
            return {
              id: h.id,
              at: h.changedAt,
              tone: h.fromStage ? "blue" : "slate",
              title: h.fromStage ? t("opportunities.history.entry", vars) : t("opportunities.history.created", vars),
            };
          })}
        />
      </CardBody>
    </Card>
  );
}
