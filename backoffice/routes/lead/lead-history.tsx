import { LeadHistoryCard } from "#backoffice/components/lead-detail/lead-history-card.tsx";
import { useLeadWorkspace } from "#backoffice/components/lead-detail/use-lead-workspace.ts";

// 记录: the lead's history, from the intake's routing steps to the last edit. The layout loaded it
// with the workspace (same scope, same request), so this tab has no loader of its own.

export default function LeadHistory() {
  const { lead, now } = useLeadWorkspace();
  return <LeadHistoryCard events={lead.events} now={now} />;
}
