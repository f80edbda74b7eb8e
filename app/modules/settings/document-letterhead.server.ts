import type { DbOrTx } from "#app/lib/db.server.ts";
import type { Translate } from "#app/lib/i18n/catalog.ts";
import { loadLetterhead } from "#app/lib/pdf/letterhead.server.ts";

/** 本公司's letterhead for a document we send (quote, contract, proposal, order), captioned in the reader's language. */
export function documentLetterhead(db: DbOrTx, t: Translate) {
  return loadLetterhead(db, {
    phone: t("quotes.pdf.phone"),
    email: t("quotes.pdf.email"),
    taxId: t("quotes.pdf.taxId"),
    bank: t("quotes.pdf.bank"),
    fallbackName: t("quotes.pdf.ourCompany"),
  });
}
