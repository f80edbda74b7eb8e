import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { lookupPicker } from "#app/modules/settings/lookup-values.server.ts";

// The three system tables a contract's codes come from (系统表: 合同类型, 结算方式, 交货方式), as the
// pickers' options and the labels pages show, in the reader's locale.

export async function contractLookups(db: DbOrTx, locale: Locale) {
  const [type, settlement, delivery] = await Promise.all([
    lookupPicker(db, "contract_type", locale),
    lookupPicker(db, "settlement_method", locale),
    lookupPicker(db, "delivery_method", locale),
  ]);
  return { type, settlement, delivery };
}

export type ContractLookups = Awaited<ReturnType<typeof contractLookups>>;
