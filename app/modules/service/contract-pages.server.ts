import { hasActiveFlow, latestApprovalFor } from "#app/modules/approvals/approvals.server.ts";
import type { DbOrTx } from "#app/lib/db.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import {
  canApproveContracts,
  contractTotals,
  getContractForStaff,
  getZoneContract,
  listServiceStaff,
  mayModifyContract,
} from "./service-contracts.server.ts";
import { daysUntil, isoDay } from "./service-dates.ts";

// The service-contract page's view model, for the back office (scoped to the staff member's
// customers, with rights, the assets it could still cover and the owner picker) and the zone
// (approved contracts of the member's company only).

type ContractRow = NonNullable<Awaited<ReturnType<typeof getContractForStaff>>>;
/** The zone's row lacks our bookkeeping (owner id, reminders sent); the view works from either. */
type VisibleContract = Omit<ContractRow, "remindedDays" | "ownerId"> & { ownerId?: number | null };

function contractView(c: VisibleContract, now: Date) {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    companyId: c.companyId,
    company: c.company,
    type: c.type,
    status: c.status,
    approvalState: c.approvalState,
    responseMode: c.responseMode,
    responseTime: c.responseTime,
    startDate: isoDay(c.startDate),
    endDate: isoDay(c.endDate),
    terms: c.terms,
    ownerId: c.ownerId ?? null,
    owner: c.owner,
    daysLeft: c.status === "in_force" ? daysUntil(c.endDate, now) : null,
    totals: contractTotals(c.assets),
    covered: c.assets.map((a) => ({
      ...a.asset,
      netValue: a.netValue?.toFixed(2) ?? null,
      totalValue: a.totalValue?.toFixed(2) ?? null,
    })),
  };
}

export type ContractView = ReturnType<typeof contractView>;

/** The back-office contract page: null when outside the actor's customers (404). */
export async function getStaffContractPage(db: DbOrTx, actor: StaffActor, contractId: number, now = new Date()) {
  const c = await getContractForStaff(db, contractId, actor);
  if (!c) return null;
  const canModify = await mayModifyContract(db, actor, c.id);
  const [coverable, owners] = canModify
    ? await Promise.all([
        db.asset.findMany({
          where: { companyId: c.companyId, id: { notIn: c.assets.map((a) => a.asset.id) } },
          orderBy: { id: "asc" },
          take: 300,
          select: { id: true, number: true, name: true },
        }),
        listServiceStaff(db),
      ])
    : [[], []];
  const reminded = Array.isArray(c.remindedDays)
    ? c.remindedDays.filter((v): v is string => typeof v === "string")
    : [];
  const [approval, flow] = await Promise.all([
    latestApprovalFor(db, actor, "service_contract", c.id),
    hasActiveFlow(db, "service_contract"),
  ]);
  return {
    canModify,
    // While a flow's request is open, its approvers decide (approval panel), not the built-in buttons.
    canApprove: canApproveContracts(actor) && approval?.status !== "pending",
    approval,
    approvalFlow: flow,
    coverable,
    owners: owners.length > 0 ? owners : c.owner ? [c.owner] : [],
    reminded,
    contract: contractView(c, now),
  };
}

/** The zone's contract page: null unless it is an approved contract of the zone's company (404). */
export async function getZoneContractPage(
  db: DbOrTx,
  companyId: number,
  contractId: number,
  now = new Date(),
): Promise<ContractView | null> {
  const c = await getZoneContract(db, companyId, contractId);
  return c ? contractView(c, now) : null;
}
