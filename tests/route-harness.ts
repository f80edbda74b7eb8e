import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "react-router";
import { db } from "#app/lib/db.server.ts";
import { localeCookie } from "#app/lib/i18n/locale.server.ts";
import type { Action, Module, Scope } from "#app/modules/auth/permissions.ts";
import { serializeStaffCookie } from "#app/modules/auth/staff-cookie.server.ts";
import { createStaffSession } from "#app/modules/auth/staff-session.server.ts";
import { memberCookie, memberSessions } from "#app/modules/members/member-session.server.ts";
import { createTestStaff } from "#tests/factories/staff.ts";

// Calls route loaders and actions as React Router would, without an HTTP server: a signed-in cookie,
// a Request, the params, and a reader for whatever the route returned or threw (Response, redirect or
// data()). One copy for every route test.

const ORIGIN = "http://localhost";

export type Grant = { module: Module; action: Action; scope: Scope };
export type Params = Record<string, string>;
export type FormFields = Record<string, string> | Array<[string, string]> | FormData;

/** The `Cookie` header value of a fresh back-office session for `staffId`. */
export async function staffCookie(staffId: number): Promise<string> {
  const { token, session } = await createStaffSession(db, staffId);
  return serializeStaffCookie(token, session.expiresAt).split(";")[0]!;
}

/** A new staff member with these grants (or an admin), signed in. */
export async function signedInStaff(options: { isAdmin?: boolean; grants?: Grant[] } = {}) {
  const { staff } = await createTestStaff(db, options);
  return { staff, staffId: staff.id, cookie: await staffCookie(staff.id) };
}

/** The `Cookie` header value of a fresh portal session for `memberId`. */
export async function memberCookieFor(memberId: number): Promise<string> {
  const { token, session } = await memberSessions.create(db, memberId);
  return memberCookie.serialize(token, session.expiresAt).split(";")[0]!;
}

/** The locale cookie that switches a request to English. */
export const EN_COOKIE = (await localeCookie.serialize("en")).split(";")[0]!;

function headers(cookie: string | null | undefined, extra: Record<string, string> = {}): Record<string, string> {
  return cookie ? { Cookie: cookie, ...extra } : extra;
}

/** Joins cookies, skipping missing ones: `cookies(staff, EN_COOKIE)`. */
export function cookies(...values: Array<string | null | undefined | false>): string {
  return values.filter(Boolean).join("; ");
}

/** Loader arguments for a GET of `path`. */
export function get(
  path: string,
  cookie?: string | null,
  params: Params = {},
  context: AppLoadContext = {},
): LoaderFunctionArgs {
  return {
    request: new Request(`${ORIGIN}${path}`, { headers: headers(cookie) }),
    params,
    context,
  } as unknown as LoaderFunctionArgs;
}

/** Action arguments for a form POST to `path` (urlencoded; FormData is sent as multipart). */
export function post(
  path: string,
  cookie: string | null | undefined,
  fields: FormFields,
  params: Params = {},
  context: AppLoadContext = {},
): ActionFunctionArgs {
  const request =
    fields instanceof FormData
      ? new Request(`${ORIGIN}${path}`, { method: "POST", headers: headers(cookie), body: fields })
      : new Request(`${ORIGIN}${path}`, {
          method: "POST",
          headers: headers(cookie, { "Content-Type": "application/x-www-form-urlencoded" }),
          body: new URLSearchParams(fields).toString(),
        });
  return { request, params, context } as unknown as ActionFunctionArgs;
}

export interface Outcome {
  status: number;
  /** The redirect target, when the route redirected. */
  location: string | null;
  /** The data of a data() result or a plain returned object; null for a Response. */
  body: unknown;
  headers: Headers | null;
}

function isDataWithInit(value: unknown): value is { init?: ResponseInit | null; data: unknown } {
  return !!value && typeof value === "object" && "init" in value && "data" in value;
}

function read(value: unknown, fallback: number): Outcome {
  if (value instanceof Response) {
    return { status: value.status, location: value.headers.get("Location"), body: null, headers: value.headers };
  }
  if (isDataWithInit(value)) {
    return {
      status: value.init?.status ?? fallback,
      location: null,
      body: value.data,
      headers: new Headers(value.init?.headers),
    };
  }
  return { status: fallback, location: null, body: value, headers: null };
}

/** Status, redirect target, data and headers of a returned or thrown route result. */
export async function outcome(run: () => Promise<unknown>): Promise<Outcome> {
  try {
    return read(await run(), 200);
  } catch (thrown) {
    if (thrown instanceof Response || isDataWithInit(thrown)) return read(thrown, 500);
    throw thrown;
  }
}

/** Just the status of a returned or thrown route result. */
export async function statusOf(run: () => Promise<unknown>): Promise<number> {
  return (await outcome(run)).status;
}
