import type { DbOrTx } from "#app/lib/db.server.ts";
import { getCompanyProfile, readCompanyLogo } from "#app/modules/settings/company-profile.server.ts";
import type { PdfLetterhead } from "./document.server.ts";

// The letterhead of every document we send: 本公司 (admin → 本公司信息) name, contact lines and logo.
// `labels` are the localised captions ("电话", "税号" …) so this file stays free of i18n.

export interface LetterheadLabels {
  phone: string;
  email: string;
  taxId: string;
  bank: string;
  fallbackName: string;
}

export async function loadLetterhead(db: DbOrTx, labels: LetterheadLabels): Promise<PdfLetterhead> {
  const profile = await getCompanyProfile(db);
  const logo = await readCompanyLogo(db);
  const lines = [
    profile.address,
    [profile.phone && `${labels.phone} ${profile.phone}`, profile.email && `${labels.email} ${profile.email}`]
      .filter(Boolean)
      .join("  ·  "),
    profile.taxId && `${labels.taxId} ${profile.taxId}`,
    profile.bankName && `${labels.bank} ${profile.bankName} ${profile.bankAccount ?? ""}`.trim(),
  ].filter((line): line is string => typeof line === "string" && line.length > 0);
  return { name: profile.legalName ?? profile.shortName ?? labels.fallbackName, lines, logo: logo?.body ?? null };
}
