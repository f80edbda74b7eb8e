import { expect, test, type APIResponse } from "@playwright/test";
import { ADMIN, signIn } from "./helpers.ts";

// Issue #13: security headers on the production build — a portal page, a back-office page and the
// API — and a document's scripts carrying the CSP nonce (the page still hydrates and navigates).

function expectBaseHeaders(response: APIResponse | { headers(): Record<string, string> }) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["strict-transport-security"]).toMatch(/max-age=\d+/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
}

test("a portal page sends a nonce CSP that its own scripts satisfy", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/knowledge");
  expect(response).not.toBeNull();
  expectBaseHeaders(response!);
  const csp = response!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  // React Router's inline scripts carry the nonce; the page hydrates (client navigation works).
  const html = await response!.text();
  expect(html).toContain(`nonce="${nonce}"`);
  await page.getByRole("link", { name: /登录/ }).first().click();
  await expect(page).toHaveURL(/\/login/);
  expect(violations).toEqual([]);
});

test("a back-office page and the API carry the headers too", async ({ page, request }) => {
  await signIn(page, ADMIN.email);
  const response = await page.goto("/crm");
  expectBaseHeaders(response!);
  expect(response!.headers()["content-security-policy"]).toMatch(/'nonce-[^']+'/);

  const api = await request.get("/api/v1/openapi.json");
  expect(api.status()).toBe(200);
  expectBaseHeaders(api);
  expect(api.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("a 100 MB body is refused within a second with 413", async ({ request }) => {
  const started = Date.now();
  const response = await request.post("/login", {
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    data: Buffer.alloc(100 * 1024 * 1024, 0x61),
    failOnStatusCode: false,
  });
  expect(response.status()).toBe(413);
  expect(Date.now() - started).toBeLessThan(5_000);
});
