import { expect, request, type APIRequestContext } from "@playwright/test";
import { DEMO_PASSWORD } from "../helpers.ts";
import type { Reply } from "./judge.ts";

// Staff sessions for the sweep, as API request contexts (no browser): sign in through the login form
// the way a browser posts it, then carry the session cookie on every request. The cookie is set by
// hand because the session cookie is `Secure` (`__Host-`), which an API context would not send over
// http://localhost.

export async function staffSession(baseURL: string, email: string): Promise<APIRequestContext> {
  const anonymous = await request.newContext({ baseURL, maxRedirects: 0 });
  const res = await anonymous.post("/crm/login", { form: { email, password: DEMO_PASSWORD } });
  expect(res.status(), `sign-in of ${email}`).toBe(302);
  expect(res.headers()["location"], `sign-in of ${email}`).toMatch(/^\/crm\/?$/);
  const cookie = res
    .headersArray()
    .filter((h) => h.name.toLowerCase() === "set-cookie")
    .map((h) => h.value.split(";")[0]!)
    .join("; ");
  await anonymous.dispose();
  return request.newContext({ baseURL, maxRedirects: 0, extraHTTPHeaders: { cookie } });
}

export async function fetchReply(ctx: APIRequestContext, url: string): Promise<Reply> {
  const res = await ctx.get(url);
  return { status: res.status(), body: await res.text() };
}

/** Runs `fn` over `items` with at most `size` at a time, results in input order. */
export async function inPool<T, R>(items: readonly T[], size: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return results;
}
