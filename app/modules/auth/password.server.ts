import { hash, verify } from "@node-rs/argon2";

// argon2id with the OWASP/ASVS minimum (m = 19 MiB, t = 2, p = 1). @node-rs/argon2 defaults to
// argon2id; the parameters are spelled out so a library default change cannot weaken them.
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed verification, never a crash of the sign-in page.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Verifies against a throwaway hash so unknown accounts take as long as known ones (no enumeration by timing). */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("relay-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
