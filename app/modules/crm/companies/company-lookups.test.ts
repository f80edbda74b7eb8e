import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { parseForm } from "#app/lib/forms.server.ts";
import { actorWith, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { saveLookupValue } from "#app/modules/settings/lookup-values.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { loadLookupChoices } from "../lookup-choices.server.ts";
import { lookupChoiceLabel, lookupFilterOptions, lookupPickerOptions } from "../lookup-choices.ts";
import { COMPANY_LOOKUP_TABLES, LEGACY_TYPE_CODES } from "./company-codes.ts";
import { CompanyFormSchema } from "./company-form.ts";
import { listCompanies } from "./company-list.server.ts";
import { createCompany, updateCompany } from "./company-write.server.ts";

// Company type, industry and rating read the admin's system tables: a value the admin adds is offered
// and accepted at once, a deactivated one is neither offered nor accepted for new records but stays on
// (and stays editable with) the records that carry it, and labels follow the admin's wording.

beforeEach(() => resetDatabase());

async function form(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  const parsed = await parseForm(f, CompanyFormSchema);
  if (parsed.status !== "ok") throw new Error("bad form");
  return { ...parsed.value, confirmDuplicate: true };
}

async function world() {
  const admin = actorWith(await makeStaff(db, "周明"), [], true);
  const me = await makeStaff(db, "王磊");
  const actor = actorWith(me, [
    ["companies", "add", "own"],
    ["companies", "browse", "own"],
    ["companies", "modify", "own"],
  ]);
  const edit = (tableKey: "industry" | "company_type", code: string, zh: string, en: string, active = true) =>
    saveLookupValue(db, admin, tableKey, { code, labelZh: zh, labelEn: en, position: code === "it" ? 20 : 5, active });
  return { me, actor, edit };
}

describe("company pickers from the system tables", () => {
  it("offers and accepts added values, hides deactivated ones for new records, keeps them on old ones", async () => {
    const { actor, edit } = await world();
    const carrying = await createCompany(db, actor, await form({ name: "旧公司", type: "partner", industry: "it" }));
    expect(carrying.status).toBe("ok");
    if (carrying.status !== "ok") return;

    expect((await edit("industry", "semiconductor", "半导体", "Semiconductors")).status).toBe("ok");
    expect((await edit("company_type", "partner", "合作伙伴", "Partner", false)).status).toBe("ok");
    expect((await edit("industry", "it", "信息技术", "Information technology")).status).toBe("ok");

    const lookups = await loadLookupChoices(db, COMPANY_LOOKUP_TABLES);
    const typeValues = lookupPickerOptions(lookups.type, "zh-CN").map((o) => o.value);
    expect(typeValues).not.toContain("partner");
    expect(lookupPickerOptions(lookups.type, "en", "partner").at(-1)).toEqual({ value: "partner", label: "Partner" });
    expect(lookupPickerOptions(lookups.industry, "en")[0]).toEqual({ value: "semiconductor", label: "Semiconductors" });
    // The filter still offers the inactive value: older records carry it.
    expect(lookupFilterOptions(lookups.type, "zh-CN").map((o) => o.value)).toContain("partner");
    expect(lookupChoiceLabel(lookups.industry, "it", "zh-CN")).toBe("信息技术");
    expect(lookupChoiceLabel(lookups.type, "最终用户", "en", LEGACY_TYPE_CODES)).toBe("End user");
    expect(lookupChoiceLabel(lookups.type, "随便写", "en")).toBe("随便写");

    const added = await createCompany(db, actor, await form({ name: "新公司", industry: "semiconductor" }));
    expect(added.status).toBe("ok");
    const inactive = await createCompany(db, actor, await form({ name: "另一家", type: "partner" }));
    expect(inactive).toMatchObject({ status: "invalid", fieldErrors: { type: ["validation.choose"] } });
    const unknown = await createCompany(db, actor, await form({ name: "另一家", industry: "mining" }));
    expect(unknown).toMatchObject({ status: "invalid", fieldErrors: { industry: ["validation.choose"] } });
    const badRating = await createCompany(db, actor, await form({ name: "另一家", rating: "Z" }));
    expect(badRating).toMatchObject({ status: "invalid", fieldErrors: { rating: ["validation.choose"] } });

    // The record that carries the deactivated type keeps it through an edit, with the stored code.
    const kept = await updateCompany(
      db,
      actor,
      carrying.value.id,
      await form({ name: "旧公司改名", type: "partner", industry: "it" }),
    );
    expect(kept.status).toBe("ok");
    const row = await db.company.findUniqueOrThrow({ where: { id: carrying.value.id } });
    expect([row.name, row.type, row.industry]).toEqual(["旧公司改名", "partner", "it"]);

    const filtered = await listCompanies(db, actor, { filters: { industry: "semiconductor" } });
    expect(filtered.items.map((c) => c.name)).toEqual(["新公司"]);
  });
});
