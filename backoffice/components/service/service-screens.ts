import type { LucideIcon } from "lucide-react";
import { Building2, FileSignature, Package } from "lucide-react";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { ASSET_STATUSES, CONTRACT_STATUSES } from "#app/modules/service/service-enums.ts";
import { assetList, contractList } from "#app/modules/service/service-list-queries.ts";
import { zoneList } from "#app/modules/zones/zone-list-query.ts";
import type { FilterShape } from "#app/ui/list/list-query.ts";
import { assetStatusKey, contractStatusKey } from "#app/ui/service/labels.tsx";
import { valueSelect, type ListScreen, type ScreenSelect } from "../list-screen.tsx";
import { zoneColumns } from "../zones/zone-columns.tsx";
import { assetColumns, contractColumns } from "./record-columns.tsx";

// The customer-service record lists (客户资产, 服务合约, 用户专区): the same eyebrow, and texts under
// `zones.bo.<texts>.*` with one key layout.

function serviceScreen<F extends FilterShape, S extends string, Row>(
  texts: "assets" | "contracts" | "zones",
  icon: LucideIcon,
  screen: Pick<ListScreen<F, S, Row, number>, "path" | "kit" | "selects" | "table">,
): ListScreen<F, S, Row, number> {
  return {
    ...screen,
    heading: { eyebrow: "common.customerService", icon },
    title: `zones.bo.${texts}.title`,
    description: `zones.bo.${texts}.description`,
    search: { placeholder: `zones.bo.${texts}.search` },
    empty: { title: `zones.bo.${texts}.noneYet`, description: `zones.bo.${texts}.emptyHint` },
  };
}

/** The status filter, "any status" first, of records that have one. */
function statusSelect<V extends string>(
  label: MessageKey,
  values: readonly V[],
  optionLabel: (status: V) => MessageKey,
): ScreenSelect {
  return { ...valueSelect("status", label, values, optionLabel), anyLabel: "zones.bo.assets.anyStatus" };
}

export const assetsScreen = serviceScreen("assets", Package, {
  path: "/crm/assets",
  kit: assetList,
  selects: [statusSelect("zones.asset.statusLabel", ASSET_STATUSES, assetStatusKey)],
  table: { columns: assetColumns, rowKey: (r) => r.id },
});

export const contractsScreen = serviceScreen("contracts", FileSignature, {
  path: "/crm/service-contracts",
  kit: contractList,
  selects: [statusSelect("zones.bo.contract.status", CONTRACT_STATUSES, contractStatusKey)],
  table: { columns: contractColumns, rowKey: (r) => r.id },
});

export const zonesScreen = serviceScreen("zones", Building2, {
  path: "/crm/zones",
  kit: zoneList,
  table: { columns: zoneColumns, rowKey: (r) => r.id },
});
