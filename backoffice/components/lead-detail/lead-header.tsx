import { ArrowLeft, ArrowRightLeft, Clock, Hand, UserRound, UserRoundCheck, Users } from "lucide-react";
import { Link, useFetcher } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Failure } from "#app/lib/service-result.ts";
import { Button, ButtonLink } from "#app/ui/button.tsx";
import { PageHeader } from "#app/ui/page-header.tsx";
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
      <Link to="/crm/leads" className="inline-flex items-center gap-1 text-sm text-slate-500 hover:text-slate-900">
        <ArrowLeft className="size-4" aria-hidden />
        {t("leadInbox.detail.back")}
      </Link>
      <PageHeader
        eyebrow={<span className="font-mono">{lead.number}</span>}
        title={contactAtCompany(lead)}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1.5">
            <LeadStatusBadge status={lead.status} />
            <span className="inline-flex items-center gap-1">
              <UserRound className="size-4 text-slate-400" aria-hidden />
              {t("leadInbox.detail.owner", { name: lead.owner.name })}
            </span>
            <span className="inline-flex items-center gap-1">
              <Clock className="size-4 text-slate-400" aria-hidden />
              <RelativeTime value={lead.createdAt} now={now} />
            </span>
            {holders.length > 0 ? (
              <span className="inline-flex items-center gap-1">
                <Users className="size-4 text-slate-400" aria-hidden />
                {t("leadInbox.detail.assignees", { names: holders.join("、") })}
              </span>
            ) : null}
            {lead.claimedBy ? (
              <span className="inline-flex items-center gap-1 text-emerald-700">
                <UserRoundCheck className="size-4" aria-hidden />
                {t("leadWork.claim.by", { name: lead.claimedBy.name })}
              </span>
            ) : null}
          </span>
        }
        actions={
          <>
            {capabilities.canClaim ? (
              <claim.Form method="post" action={leadPath(lead.id, "work")}>
                <input type="hidden" name="intent" value="claim" />
                <Button type="submit" disabled={claim.state !== "idle"}>
                  <Hand className="size-4" aria-hidden />
                  {t("leadWork.claim.button")}
                </Button>
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
