import type { DbOrTx } from "#app/lib/db.server.ts";
import { formatMoney } from "#app/lib/format/money.ts";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { createTranslator } from "#app/lib/i18n/translate.ts";
import { renderPdfDocument } from "#app/lib/pdf/document.server.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { fenToDecimalString } from "#app/modules/catalog/pricing.ts";
import { getCompanyProfile } from "#app/modules/settings/company-profile.server.ts";
import { mergeSegments, type ScalarField } from "./contract-document.ts";
import { contractLookups } from "./contract-lookups.server.ts";
import { getContract, type ContractView } from "./contract-queries.server.ts";
import { documentLetterhead } from "#app/modules/settings/document-letterhead.server.ts";

// The contract's merged document: the values its merge fields take (in the reader's language and
// money format) and the whole document as a PDF (letterhead of 本公司, parties, the product list,
// the parts with their fields filled, the payment plan). Scope: getContract's.

export async function documentValues(
  db: DbOrTx,
  c: ContractView,
  locale: Locale,
): Promise<Partial<Record<ScalarField, string>>> {
  const [lookups, profile] = await Promise.all([contractLookups(db, locale), getCompanyProfile(db)]);
  const money = (fen: number) => formatMoney(fenToDecimalString(fen), locale);
  const code = (labels: Record<string, string>, value: string | null) => (value ? (labels[value] ?? value) : "");
  return {
    "contract.number": c.number,
    "contract.name": c.name,
    "contract.amount": money(c.amountFen),
    "contract.type": code(lookups.type.labels, c.typeCode),
    "contract.settlement": code(lookups.settlement.labels, c.settlementCode),
    "contract.delivery": code(lookups.delivery.labels, c.deliveryCode),
    "contract.signedOn": c.signedOn ?? "",
    "contract.startDate": c.startDate ?? "",
    "contract.endDate": c.endDate ?? "",
    "company.name": c.company.name,
    "contact.name": c.contact?.fullName ?? "",
    "owner.name": c.owner.name,
    "seller.name": profile.legalName ?? "",
  };
}

export async function renderContractPdf(
  db: DbOrTx,
  actor: StaffActor,
  contractId: number,
  locale: Locale,
): Promise<{ bytes: Buffer; fileName: string } | null> {
  const page = await getContract(db, actor, contractId);
  if (!page) return null;
  const c = page.contract;
  const t = createTranslator(locale);
  const values = await documentValues(db, c, locale);
  const money = (fen: number) => formatMoney(fenToDecimalString(fen), locale);
  const letterhead = await documentLetterhead(db, t);
  const planText = c.instalments.map((i) => `${i.label}  ${i.dueDate}  ${money(i.amountFen)}`).join("\n");
  const sections = c.parts.map((part) => ({
    heading: part.title,
    body: mergeSegments(part.body, values)
      .map((s) =>
        s.kind === "text"
          ? s.text
          : s.block === "products"
            ? t("contracts.pdf.seeProducts")
            : s.block === "plan"
              ? planText
              : (c.terms ?? ""),
      )
      .join(""),
  }));
  if (c.parts.length === 0 && c.terms) sections.push({ heading: t("contracts.field.terms"), body: c.terms });
  const planInParts = c.parts.some((p) =>
    mergeSegments(p.body, {}).some((s) => s.kind === "block" && s.block === "plan"),
  );
  if (c.instalments.length > 0 && !planInParts) sections.push({ heading: t("contracts.doc.plan"), body: planText });
  const bytes = await renderPdfDocument({
    title: t("contracts.pdf.title"),
    subtitle: [c.number, c.signedOn ? `${t("contracts.field.signedOn")} ${c.signedOn}` : ""].filter(Boolean),
    letterhead,
    facts: [
      { label: t("contracts.field.company"), value: c.company.name },
      { label: t("contracts.field.contact"), value: c.contact?.fullName ?? "" },
      { label: t("contracts.field.name"), value: c.name },
      { label: t("contracts.field.type"), value: values["contract.type"] ?? "" },
      { label: t("contracts.field.settlement"), value: values["contract.settlement"] ?? "" },
      { label: t("contracts.field.delivery"), value: values["contract.delivery"] ?? "" },
      { label: t("contracts.field.startDate"), value: c.startDate ?? "" },
      { label: t("contracts.field.endDate"), value: c.endDate ?? "" },
    ],
    table: {
      columns: [
        { label: "#", width: 3 },
        { label: t("contracts.lines.product"), width: 28 },
        { label: t("contracts.lines.quantity"), width: 8, align: "right" },
        { label: t("contracts.lines.unitPrice"), width: 12, align: "right" },
        { label: t("contracts.lines.tax"), width: 10, align: "right" },
        { label: t("contracts.lines.gross"), width: 12, align: "right" },
      ],
      rows: c.lines.map((l, i) => [
        String(i + 1),
        `${l.name}\n${l.sku}`,
        `${l.quantity} ${l.unit}`,
        money(l.unitPriceFen),
        money(l.taxFen),
        money(l.grossFen),
      ]),
      empty: t("contracts.lines.none"),
    },
    totals: [{ label: t("contracts.field.amount"), value: money(c.amountFen), strong: true }],
    sections,
    pageLabel: t("contracts.pdf.page"),
    author: values["seller.name"] || undefined,
  });
  return { bytes, fileName: `${c.number}.pdf` };
}
