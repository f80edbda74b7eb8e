import { data, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { formIntent, requireIdParam } from "#app/lib/forms.server.ts";
import { getLocale } from "#app/lib/i18n/locale.server.ts";
import { IdParam } from "#app/lib/schemas.ts";
import { fail, notFound, respond } from "#app/lib/service-result.ts";
import { expenseApprovalView, submitExpenseForApproval } from "#app/modules/approvals/expense-approvals.server.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { campaignResult } from "#app/modules/campaigns/campaign-result.server.ts";
import { listCampaignLedger } from "#app/modules/campaigns/campaign-workspace.server.ts";
import { addCampaignExpense, addCampaignWorkLog } from "#app/modules/campaigns/campaigns.server.ts";
import { lookupPicker } from "#app/modules/settings/lookup-values.server.ts";
import { LedgerCard, type LedgerKind } from "#backoffice/components/campaigns/ledger-card.tsx";
import { CampaignTab } from "#backoffice/components/campaigns/campaign-tab.tsx";
import { useCampaignWorkspace } from "#backoffice/components/campaigns/use-campaign-workspace.ts";

// The campaign page's 费用 (/expenses) and 工作量 (/work) tabs: one route for both ledgers, which
// differ only in their service and wording. Any other segment here is a 404.

const LEDGERS = {
  expenses: { intent: "expense", add: addCampaignExpense },
  work: { intent: "worklog", add: addCampaignWorkLog },
} as const;

function ledgerOf(segment: string | undefined): LedgerKind {
  if (segment === "expenses" || segment === "work") return segment;
  throw data(null, { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const kind = ledgerOf(params.ledger);
  const lines = await listCampaignLedger(db, actor, requireIdParam(params.campaignId), kind);
  if (!lines) throw data(null, { status: 404 });
  const expenses = kind === "expenses";
  const [approval, types] = await Promise.all([
    expenses
      ? expenseApprovalView(
          db,
          lines.map((l) => l.id),
        )
      : null,
    // 费用类型 come from the system table (系统表), like every enumeration an admin may edit.
    expenses ? lookupPicker(db, "expense_type", await getLocale(request)) : undefined,
  ]);
  return { kind, lines, approval, types, today: new Date().toISOString().slice(0, 10) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, "signedIn");
  const kind = ledgerOf(params.ledger);
  const campaignId = requireIdParam(params.campaignId);
  const formData = await request.formData();
  const ledger = LEDGERS[kind];
  if (kind === "expenses" && formIntent(formData) === "approval-submit") {
    // 审核: an expense line goes to the "expense" approval flow.
    const expenseId = IdParam.safeParse(formData.get("expenseId"));
    if (!expenseId.success) return fail(notFound());
    return respond(await submitExpenseForApproval(db, actor, campaignId, expenseId.data), {
      successTo: `/crm/campaigns/${campaignId}/${kind}`,
      flash: "flash.saved",
    });
  }
  if (formIntent(formData) !== ledger.intent) throw data(null, { status: 400 });
  const mutation = await ledger.add(db, actor, campaignId, Object.fromEntries(formData));
  return respond(campaignResult(mutation, ledger.intent, formData), {
    successTo: `/crm/campaigns/${campaignId}/${kind}`,
    flash: "flash.saved",
  });
}

export default function CampaignLedgerTab() {
  const { capabilities, actuals } = useCampaignWorkspace();
  const { kind, lines, approval, types, today } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <CampaignTab result={result} narrow>
      <LedgerCard
        kind={kind}
        lines={lines}
        total={kind === "expenses" ? actuals.cost : actuals.workload}
        canAdd={kind === "expenses" ? capabilities.canModify : capabilities.canLogWork}
        today={today}
        types={types}
        result={result}
        approval={approval && (approval.flow || Object.keys(approval.statuses).length > 0) ? approval : undefined}
        canSubmitApproval={capabilities.canModify && !!approval?.flow}
      />
    </CampaignTab>
  );
}
