import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password.server.ts";

describe("password hashing", () => {
  it("uses argon2id with the ASVS parameters m=19456 KiB, t=2, p=1", async () => {
    const hash = await hashPassword("a long enough passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it("verifies the right password and rejects a wrong or malformed one", async () => {
    const hash = await hashPassword("正确的密码 123");
    expect(await verifyPassword(hash, "正确的密码 123")).toBe(true);
    expect(await verifyPassword(hash, "正确的密码 124")).toBe(false);
    expect(await verifyPassword("not-a-hash", "anything")).toBe(false);
  });

  it("salts: the same password hashes differently twice", async () => {
    expect(await hashPassword("same password")).not.toBe(await hashPassword("same password"));
  });
});
