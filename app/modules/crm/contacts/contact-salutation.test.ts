import { beforeEach, describe, expect, it } from "vitest";
import { db } from "#app/lib/db.server.ts";
import { actorWith, makeStaff } from "#app/modules/crm/merge/test-world.ts";
import { saveLookupValue } from "#app/modules/settings/lookup-values.server.ts";
import { resetDatabase } from "#tests/setup/reset-database.ts";
import { lookupChoiceLabel, lookupPickerOptions } from "../lookup-choices.ts";
import { createContact, salutationChoices, updateContact } from "./contacts.server.ts";

// 称呼 reads the admin's system table: active values only for new input, the contact's own value kept
// (deactivated, or free text from before the table), labels per language.

beforeEach(() => resetDatabase());

describe("contact salutation from the system table", () => {
  it("accepts active values, refuses others, keeps the value a contact carries", async () => {
    const staff = await makeStaff(db, "王磊");
    const actor = actorWith(staff, [
      ["contacts", "add", "own"],
      ["contacts", "browse", "own"],
      ["contacts", "modify", "own"],
    ]);
    const admin = actorWith(await makeStaff(db, "周明"), [], true);
    const base = { familyName: "刘", givenName: "强", companyMode: "none" };

    const created = await createContact(db, actor, { ...base, salutation: "博士" });
    expect(created.status).toBe("ok");
    if (created.status !== "ok") return;
    const made = await createContact(db, actor, { ...base, salutation: "大侠" });
    expect(made).toMatchObject({ status: "invalid", fieldErrors: { salutation: ["validation.choose"] } });

    await saveLookupValue(db, admin, "salutation", {
      code: "博士",
      labelZh: "博士",
      labelEn: "Dr",
      position: 30,
      active: false,
    });
    const choices = await salutationChoices(db);
    expect(lookupPickerOptions(choices, "en").map((o) => o.label)).toEqual(["Mr", "Ms", "Prof."]);
    expect(lookupPickerOptions(choices, "en", "博士").at(-1)).toEqual({ value: "博士", label: "Dr" });
    expect(lookupChoiceLabel(choices, "女士", "en")).toBe("Ms");

    // Deactivated: refused for another contact, kept on the one that has it.
    const other = await createContact(db, actor, { ...base, givenName: "伟", salutation: "博士" });
    expect(other.status).toBe("invalid");
    const kept = await updateContact(db, actor, created.value.id, { ...base, title: "总工", salutation: "博士" });
    expect(kept).toMatchObject({ status: "ok", value: { changed: true } });
    // Free text from before the table stays too, but cannot be typed anew.
    await db.contact.update({ where: { id: created.value.id }, data: { salutation: "老板" } });
    expect((await updateContact(db, actor, created.value.id, { ...base, salutation: "老板" })).status).toBe("ok");
    expect((await updateContact(db, actor, created.value.id, { ...base, salutation: "掌柜" })).status).toBe("invalid");
    expect((await db.contact.findUniqueOrThrow({ where: { id: created.value.id } })).salutation).toBe("老板");
  });
});
