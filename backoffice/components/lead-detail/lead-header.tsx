import { ArrowRightLeft, Clock, Hand, UserRound, UserRoundCheck, Users } from "lucide-react";
import { Link, useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Failure } from "#app/lib/service-result.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { PageHeader } from "#app/ui/page-header.tsx";
import { MetaItem, RecordMeta } from "#app/ui/record-meta.tsx";
import { BackLink } from "#app/ui/records/back-link.tsx";
import { RelativeTime } from "#app/ui/relative-time.tsx";
import { contactAtCompany, LeadStatusBadge } from "#backoffice/components/lead-ui.tsx";
import { leadPath, type LeadWorkspaceData } from "./use-lead-workspace.ts";

// The top of every lead tab: who the lead is, its status and owner, who holds it, and the two
// actions that matter from anywhere: 我处理 (claim) and 转换线索 (convert).

export function LeadHeader({ workspace }: { workspace: LeadWorkspaceData }) {
  const { lead, capabilities, now } = workspace;
  const { t } = useI18n();
  const claim = useFetcher<Failure>();
  const refused = claim.state === "idle" && claim.data ? claim.data : null;
  const holders = lead.assignments.filter((a) => !a.recalledAt).map((a) => a.staff.name);
  return (
    <div className="space-y-4">
      <BackLink to="/crm/leads">{t("common.backToLeads")}</BackLink>
      <PageHeader
        eyebrow={<span className="font-mono">{lead.number}</span>}
        title={contactAtCompany(lead)}
        description={
          <RecordMeta>
            <LeadStatusBadge status={lead.status} />
            <MetaItem icon={UserRound}>{t("leadInbox.detail.owner", { name: lead.owner.name })}</MetaItem>
            <MetaItem icon={Clock}>
              <RelativeTime value={lead.createdAt} now={now} />
            </MetaItem>
            {holders.length > 0 ? (
              <MetaItem icon={Users}>{t("leadInbox.detail.assignees", { names: holders.join("、") })}</MetaItem>
            ) : null}
            {lead.claimedBy ? (
              <MetaItem icon={UserRoundCheck} positive>
                {t("leadWork.claim.by", { name: lead.claimedBy.name })}
              </MetaItem>
            ) : null}
            {lead.possibleDuplicateOf ? (
              <Link
                to={`/crm/leads/${lead.possibleDuplicateOf.id}`}
                className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-800 hover:bg-amber-200"
                data-testid="possible-duplicate"
              >
                {t("recordAdmin.duplicates.possibleDuplicateOf", { number: lead.possibleDuplicateOf.number })}
              </Link>
            ) : null}
          </RecordMeta>
        }
        actions={
          <>
            {capabilities.canClaim ? (
              <claim.Form method="post" action={leadPath(lead.id, "work")}>
                <SubmitButton intent="claim" fetcher={claim}>
                  <Hand className="size-4" aria-hidden />
                  {t("leadWork.claim.button")}
                </SubmitButton>
              </claim.Form>
            ) : null}
            {capabilities.canConvert ? (
              <ButtonLink
                to={`/crm/leads/${lead.id}/convert`}
                variant={capabilities.canClaim ? "secondary" : "primary"}
              >
                <ArrowRightLeft className="size-4" aria-hidden />
                {t(lead.status === "converted" ? "sales.convert.viewAction" : "sales.convert.action")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      {refused && refused.status !== "invalid" ? (
        <p role="alert" className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-900">
          {t(refused.message, refused.status === "conflict" ? refused.details : undefined)}
        </p>
      ) : null}
    </div>
  );
}
