import { ContractFacts } from "#app/ui/service/contract-facts.tsx";
import { CoveredAssets, type CoveredAssetAmount } from "#app/ui/service/covered-assets.tsx";
import type { CustomerContract } from "./customer-contract.server.ts";

// The zone's contract page as a customer sees it: the level of service and the contract value
// (money as ¥228,000.00), never our net value.

/** Level of service, period, the customer's service representative and the contract value. */
export function CustomerContractFacts({ contract: c }: { contract: CustomerContract }) {
  return <ContractFacts contract={c} amounts={[{ label: "zones.contract.contractValue", value: c.contractValue }]} />;
}

const CUSTOMER_AMOUNTS: ReadonlyArray<CoveredAssetAmount<CustomerContract["covered"][number]>> = [
  { key: "value", header: "zones.contract.contractValue", amount: (a) => a.value },
];

/** The assets the contract covers, each with its share of the contract value and its own page. */
export function CustomerCoveredAssets({ assets }: { assets: CustomerContract["covered"] }) {
  return <CoveredAssets assets={assets} linkBase="/zone/assets" amounts={CUSTOMER_AMOUNTS} />;
}
