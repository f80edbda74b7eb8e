import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";

// Session tokens as in the Lucia guide: "<id>.<secret>", each 24 characters of a 32-letter
// alphabet (120 bits of CSPRNG entropy). Only SHA-256(secret) is stored, so a database leak yields
// no usable cookie; the id lets us look the row up without comparing secrets in SQL.

const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o/1/l: tokens are sometimes read aloud in support

export function generateSecureRandomString(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte >> 3];
  return out;
}

export interface NewToken {
  id: string;
  secret: string;
  token: string;
  secretHash: Uint8Array;
}

export function newSessionToken(): NewToken {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export function parseSessionToken(token: string | null | undefined): { id: string; secret: string } | null {
  if (!token) return null;
  const parts = token.split(".");
  if (parts.length !== 2) return null;
  const [id, secret] = parts as [string, string];
  if (!/^[a-z2-9]{24}$/.test(id) || !/^[a-z2-9]{24}$/.test(secret)) return null;
  return { id, secret };
}

/** Constant-time comparison of the presented secret with the stored hash. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashSecret(secret);
  return presented.length === storedHash.length && constantTimeEqual(presented, storedHash);
}
