import { describe, expect, it } from "vitest";
import { z } from "zod";
import { flashLocation, readFlash, withoutFlash } from "./flash.ts";
import { dispatchIntent, formIntent, parseForm, requireIdParam, runIntent } from "./forms.server.ts";
import {
  checkbox,
  choice,
  chinaDateTime,
  date,
  email,
  money,
  msg,
  normaliseMoney,
  optionalDate,
  optionalMoney,
  optionalPhone,
  optionalText,
  trimmedText,
} from "./schemas.ts";
import { conflict, forbidden, invalid, notFound, ok, rateLimited, respond } from "./service-result.ts";

function form(entries: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) {
    for (const item of Array.isArray(value) ? value : [value]) data.append(name, item);
  }
  return data;
}

const Schema = z.object({
  name: trimmedText(10),
  note: optionalText(20),
  email,
  phone: optionalPhone,
  amount: money({ max: 1_000_000 }),
  deposit: optionalMoney(),
  day: date,
  until: optionalDate,
  at: chinaDateTime.optional(),
  agree: checkbox(),
  kind: choice(["a", "b"]),
  password: z.string().min(8, msg("members.validation.passwordTooShort")),
});

const valid = {
  name: "  刘强 ",
  email: " Liu@XYZ.com ",
  phone: "０１０-６２１２ ３４５６",
  amount: "¥1,280.5",
  day: "2026-03-18",
  at: "2026-03-18T09:30",
  agree: "on",
  kind: "b",
  password: "correct horse",
};

describe("parseForm", () => {
  it("returns the typed, normalised value of a good form", async () => {
    const result = await parseForm(form(valid), Schema);
    expect(result).toEqual({
      status: "ok",
      value: {
        name: "刘强",
        note: null,
        email: "liu@xyz.com",
        phone: "010-6212 3456",
        amount: "1280.50",
        deposit: null,
        day: new Date("2026-03-18T00:00:00.000Z"),
        until: null,
        at: new Date("2026-03-18T01:30:00.000Z"),
        agree: true,
        kind: "b",
        password: "correct horse",
      },
    });
  });

  it("reads a Request body too, and an unticked checkbox is false", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: form({ ...valid, agree: [] }) });
    const result = await parseForm(request, Schema);
    expect(result.status === "ok" && result.value.agree).toBe(false);
  });

  it("reports every bad field as typed message keys, keeps typed text and drops secrets", async () => {
    const result = await parseForm(
      form({
        name: "   ",
        note: "x".repeat(21),
        email: "not-an-address",
        phone: "call me",
        amount: "12.345",
        deposit: "2,000,000,000,000",
        day: "2026-02-30",
        at: "tomorrow",
        kind: "c",
        password: "short",
      }),
      Schema,
    );
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.fieldErrors).toEqual({
      name: ["validation.required"],
      note: ["validation.tooLong"],
      email: ["validation.invalidEmail"],
      phone: ["validation.phone"],
      amount: ["validation.money"],
      deposit: ["validation.moneyRange"],
      day: ["validation.date"],
      at: ["validation.dateTime"],
      kind: ["validation.choose"],
      password: ["members.validation.passwordTooShort"],
    });
    expect(result.formErrors).toEqual([]);
    expect(result.values).toMatchObject({ name: "   ", email: "not-an-address", kind: "c" });
    expect(result.values).not.toHaveProperty("password");
  });

  it("maps missing fields to 'required' and zod's own messages to generic keys", async () => {
    const Plain = z.object({ title: z.string(), count: z.number().max(3), code: z.string().max(2) });
    const result = await parseForm(form({ count: "9", code: "abc" }), Plain);
    expect(result.status === "invalid" && result.fieldErrors).toEqual({
      title: ["validation.required"],
      count: ["validation.number"],
      code: ["validation.tooLong"],
    });
  });

  it("puts whole-form refinements into formErrors and nested fields under Conform paths", async () => {
    const Items = z
      .object({
        items: z.array(z.object({ name: trimmedText(5) })),
        from: z.string(),
        to: z.string(),
      })
      .refine((v) => v.from <= v.to, msg("validation.invalid"));
    const result = await parseForm(
      form({ "items[0].name": "ok", "items[1].name": "too long", from: "b", to: "a" }),
      Items,
    );
    expect(result.status === "invalid" && result.fieldErrors).toEqual({ "items[1].name": ["validation.tooLong"] });
    const refined = await parseForm(form({ "items[0].name": "ok", from: "b", to: "a" }), Items);
    expect(refined.status === "invalid" && refined.formErrors).toEqual(["validation.invalid"]);
  });
});

describe("field schemas", () => {
  it("normalises money to an exact two-decimal string", () => {
    expect(normaliseMoney("228000")).toBe("228000.00");
    expect(normaliseMoney("￥228，000.5")).toBe("228000.50");
    expect(normaliseMoney("007.10")).toBe("7.10");
    expect(normaliseMoney("1.234")).toBeNull();
    expect(normaliseMoney("1e5")).toBeNull();
  });
});

describe("requireIdParam and formIntent", () => {
  it("accepts positive integer ids and answers 404 for anything else", () => {
    expect(requireIdParam("42")).toBe(42);
    for (const bad of [undefined, "", "0", "-1", "1.5", "abc", "99999999999"]) {
      expect(() => requireIdParam(bad)).toThrow();
      try {
        requireIdParam(bad);
      } catch (error) {
        expect(error).toMatchObject({ init: { status: 404 } });
      }
    }
  });

  it("reads the intent of the pressed button", () => {
    expect(formIntent(form({ intent: "save" }))).toBe("save");
    expect(formIntent(form({}))).toBe("");
  });

  it("dispatches to the named function; an unknown or inherited intent is a 400 unless answered", () => {
    const handlers = { save: (n: number) => `saved ${n}`, remove: (n: number) => `removed ${n}` };
    expect(runIntent(form({ intent: "remove" }), handlers, 3)).toBe("removed 3");
    expect(dispatchIntent("save", 4, handlers)).toBe("saved 4");
    for (const intent of ["", "publish", "toString", "__proto__", "constructor"]) {
      expect(() => dispatchIntent(intent, 1, handlers)).toThrow();
      try {
        runIntent(form({ intent }), handlers, 1);
      } catch (error) {
        expect(error).toMatchObject({ init: { status: 400 } });
      }
    }
    expect(dispatchIntent("publish", 1, handlers, () => "form error")).toBe("form error");
  });
});

describe("respond and the flash", () => {
  it("redirects a success with the flash added to the target", () => {
    const response = respond(ok({ id: 7 }), {
      successTo: (v) => `/crm/leads/${v.id}?tab=work#notes`,
      flash: "flash.created",
    });
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(302);
    expect((response as Response).headers.get("Location")).toBe("/crm/leads/7?tab=work&flash=flash.created#notes");
  });

  it("answers each failure with its status", () => {
    const cases = [
      [invalid({ name: ["validation.required"] }), 400],
      [forbidden(), 403],
      [notFound(), 404],
      [conflict("form.conflict", { by: "王磊" }), 409],
      [rateLimited(90), 429],
    ] as const;
    for (const [result, status] of cases) {
      const answer = respond(result, { successTo: "/" });
      expect(answer).toMatchObject({ init: { status }, data: { status: result.status } });
    }
    expect(rateLimited(90)).toMatchObject({ minutes: 2, retryAfterSeconds: 90 });
  });

  it("reads back only real flash keys and a numeric count", () => {
    const location = flashLocation("/account/security", "flash.account.othersSignedOut", { count: 3 });
    const search = new URL(location, "http://x").searchParams;
    expect(readFlash(search)).toEqual({ key: "flash.account.othersSignedOut", vars: { count: 3 }, tone: "success" });
    expect(readFlash(new URLSearchParams("flash=flash.info.noChanges"))?.tone).toBe("info");
    expect(readFlash(new URLSearchParams("flash=account.profile.title"))).toBeNull();
    expect(readFlash(new URLSearchParams("flash=flash.saved&flashCount=<b>"))).toEqual({
      key: "flash.saved",
      vars: {},
      tone: "success",
    });
    expect(withoutFlash(location)).toBe("/account/security");
  });
});
