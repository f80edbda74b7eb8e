import { describe, expect, it } from "vitest";
import { parseForm } from "#app/lib/forms.server.ts";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";
import type { FieldErrors } from "#app/lib/service-result.ts";
import { DeregisterSchema, EmailChangeSchema, PasswordChangeSchema, ProfileSchema } from "./member-account-schemas.ts";

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(entries)) data.append(name, value);
  return data;
}

describe("member account forms", () => {
  it("turns every schema problem into a key both dictionaries have", async () => {
    const samples = [
      [ProfileSchema, { nickname: "", phone: "abc" }],
      [ProfileSchema, { nickname: "a" }],
      [ProfileSchema, { nickname: "x".repeat(21), title: "t".repeat(101) }],
      [ProfileSchema, { nickname: "has space!" }],
      [ProfileSchema, { nickname: "已注销用户12" }],
      [ProfileSchema, { nickname: "admin" }],
      [PasswordChangeSchema, { currentPassword: "", newPassword: "short", confirmPassword: "" }],
      [PasswordChangeSchema, { currentPassword: "x", newPassword: "x".repeat(129), confirmPassword: "x" }],
      [PasswordChangeSchema, { currentPassword: "x", newPassword: "password123", confirmPassword: "password123" }],
      [PasswordChangeSchema, { currentPassword: "x", newPassword: "a fine new passphrase", confirmPassword: "other" }],
      [
        PasswordChangeSchema,
        { currentPassword: "same old phrase", newPassword: "same old phrase", confirmPassword: "same old phrase" },
      ],
      [EmailChangeSchema, { currentPassword: "", newEmail: "not-an-email" }],
      [EmailChangeSchema, { currentPassword: "x", newEmail: "" }],
      [DeregisterSchema, { password: "", confirmation: "yes" }],
      [DeregisterSchema, { password: "x", confirmation: "" }],
    ] as const;
    const seen = new Set<string>();
    for (const [schema, input] of samples) {
      const parsed = await parseForm(form(input), schema);
      expect(parsed.status, JSON.stringify(input)).toBe("invalid");
      if (parsed.status !== "invalid") continue;
      const errors: FieldErrors = parsed.fieldErrors;
      for (const keys of Object.values(errors)) for (const key of keys ?? []) seen.add(key);
    }
    for (const key of seen) {
      expect(DICTIONARIES["zh-CN"], key).toHaveProperty([key]);
      expect(DICTIONARIES.en, key).toHaveProperty([key]);
    }
    for (const key of [
      "account.validation.passwordMismatch",
      "account.validation.passwordUnchanged",
      "members.validation.passwordTooCommon",
      "members.validation.passwordTooShort",
      "account.validation.nicknameReserved",
      "account.validation.confirmationMismatch",
      "account.validation.phoneInvalid",
      "validation.required",
      "validation.invalidEmail",
    ]) {
      expect(seen).toContain(key);
    }
  });

  it("normalises profile input: blanks become null, checkboxes become booleans, nickname is folded", async () => {
    const parsed = await parseForm(
      form({ nickname: "  ＡＢＣ小王 ", phone: " ", title: "  工程师 ", province: "", notifyByEmail: "on" }),
      ProfileSchema,
    );
    expect(parsed).toMatchObject({
      status: "ok",
      value: {
        nickname: "ABC小王",
        phone: null,
        title: "工程师",
        province: null,
        realName: null,
        notifyByEmail: true,
        notifyNewsletter: false,
      },
    });
  });

  it("lower-cases the new e-mail and accepts the deregistration word in either language", async () => {
    expect(await parseForm(form({ currentPassword: "x", newEmail: " Me@Example.CN " }), EmailChangeSchema)).toEqual({
      status: "ok",
      value: { currentPassword: "x", newEmail: "me@example.cn" },
    });
    for (const [confirmation, status] of [
      [" 注销 ", "ok"],
      ["deregister", "ok"],
      ["delete", "invalid"],
    ] as const) {
      expect((await parseForm(form({ password: "x", confirmation }), DeregisterSchema)).status).toBe(status);
    }
  });
});
