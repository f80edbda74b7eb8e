import { useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import type { Failure } from "#app/lib/service-result.ts";
import { Button } from "#app/ui/button.tsx";
import { Card, CardBody, CardHeader } from "#app/ui/card.tsx";
import { leadStatusLabel, type LeadStatusName } from "#backoffice/components/lead-ui.tsx";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";

// 跟进状态: one button per status the lead may move to next. The form says which status the page
// showed, so a change someone made meanwhile comes back as a conflict instead of being overwritten.

const STATUS_ACTION: Record<LeadStatusName, MessageKey> = {
  new: "leadInbox.detail.status.to.new",
  assigned: "leadInbox.detail.status.to.assigned",
  contacted: "leadInbox.detail.status.to.contacted",
  qualified: "leadInbox.detail.status.to.qualified",
  converted: "leadInbox.detail.status.to.converted",
  closed: "leadInbox.detail.status.to.closed",
};

export function LeadStatusCard({ status, next }: { status: LeadStatusName; next: readonly LeadStatusName[] }) {
  const { t } = useI18n();
  const fetcher = useFetcher<Failure>();
  return (
    <Card>
      <CardHeader
        title={t("leadInbox.detail.status.title")}
        description={t("leadInbox.detail.status.current", { status: leadStatusLabel(status, t) })}
      />
      <CardBody className="space-y-3">
        <FailureNotice result={fetcher.state === "idle" ? fetcher.data : undefined} />
        <fetcher.Form method="post" className="flex flex-wrap gap-2">
          <input type="hidden" name="intent" value="status" />
          <input type="hidden" name="from" value={status} />
          {next.map((to) => (
            <Button
              key={to}
              type="submit"
              name="to"
              value={to}
              disabled={fetcher.state !== "idle"}
              variant={to === "closed" ? "secondary" : "primary"}
              size="sm"
            >
              {t(STATUS_ACTION[to])}
            </Button>
          ))}
        </fetcher.Form>
      </CardBody>
    </Card>
  );
}
