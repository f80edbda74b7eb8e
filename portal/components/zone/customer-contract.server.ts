import type { DbOrTx } from "#app/lib/db.server.ts";
import { getZoneContractPage, type ContractView } from "#app/modules/service/contract-pages.server.ts";

// What a customer may see of a service contract. The net value is our side of the deal (after
// discounts and pass-through costs) and stays in the back office: the customer sees the contract
// value they pay, per asset and in total. Shaped here so the net never reaches the page's data.

export type CustomerContract = ReturnType<typeof customerContract>;

export function customerContract(view: ContractView) {
  const { totals, covered, ...rest } = view;
  return {
    ...rest,
    contractValue: totals.total,
    // An allow-list, so a value added to the staff view later does not leak to customers.
    covered: covered.map((a) => ({
      id: a.id,
      number: a.number,
      name: a.name,
      model: a.model,
      serialNumber: a.serialNumber,
      status: a.status,
      value: a.totalValue,
    })),
  };
}

/** The zone's contract page for a customer: null unless it is an approved contract of the company. */
export async function getCustomerContractPage(
  db: DbOrTx,
  companyId: number,
  contractId: number,
): Promise<CustomerContract | null> {
  const view = await getZoneContractPage(db, companyId, contractId);
  return view ? customerContract(view) : null;
}
