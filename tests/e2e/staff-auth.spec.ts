import { expect, request, test } from "@playwright/test";
import { ADMIN, DEMO_PASSWORD, SALES, sessionCookie, signIn } from "./helpers.ts";

test("an unauthenticated visit to the back office goes to sign-in", async ({ page }) => {
  await page.goto("/crm/leads");
  await expect(page).toHaveURL(/\/crm\/login\?redirectTo=%2Fcrm%2Fleads/);
  await expect(page.getByRole("heading", { name: "员工登录" })).toBeVisible();
});

test("the demo admin signs in and sees the dashboard shell", async ({ page }) => {
  await signIn(page, ADMIN.email);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ADMIN.name);
  const cookie = await sessionCookie(page);
  expect(cookie?.name).toBe("__Host-relay_staff");
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.secure).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
  expect(cookie?.value).toMatch(/^[a-z2-9]{24}\.[a-z2-9]{24}$/);
});

test("a wrong password gets the generic message, the same as an unknown account", async ({ page }) => {
  await page.goto("/crm/login");
  await page.getByLabel("工作邮箱").fill(ADMIN.email);
  await page.getByLabel("密码").fill("definitely-wrong");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toHaveText("邮箱或密码不正确。");

  await page.getByLabel("工作邮箱").fill("nobody@relay-demo.cn");
  await page.getByLabel("密码").fill("definitely-wrong");
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toHaveText("邮箱或密码不正确。");
  await expect(page).toHaveURL(/\/crm\/login/);
});

test("the 6th rapid failure answers 429 and the page says to wait", async ({ baseURL, page }) => {
  const api = await request.newContext({ baseURL });
  const statuses: number[] = [];
  for (let i = 0; i < 6; i++) {
    const response = await api.post("/crm/login", {
      form: { email: "zhang.wei@relay-demo.cn", password: `guess-${i}` },
      maxRedirects: 0,
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  // Even the right password is refused while the lock lasts, with a localised explanation.
  await page.goto("/crm/login");
  await page.getByLabel("工作邮箱").fill("zhang.wei@relay-demo.cn");
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录" }).click();
  await expect(page.getByRole("alert")).toContainText("登录失败次数过多");
  await api.dispose();
});

test("sign-out invalidates the session on the server, not just the cookie", async ({ baseURL, page }) => {
  await signIn(page, ADMIN.email);
  const cookie = await sessionCookie(page);
  expect(cookie).toBeDefined();
  const replay = await request.newContext({
    baseURL,
    extraHTTPHeaders: { Cookie: `${cookie!.name}=${cookie!.value}` },
  });
  expect((await replay.get("/crm", { maxRedirects: 0 })).status()).toBe(200);

  await page.getByRole("button", { name: ADMIN.name }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await expect(page).toHaveURL(/\/crm\/login\?signedOut=1/);

  // Replaying the old token is refused: the session row is gone.
  const after = await replay.get("/crm", { maxRedirects: 0 });
  expect(after.status()).toBe(302);
  expect(after.headers()["location"]).toContain("/crm/login");
  await replay.dispose();
});

test("a salesperson without the members permission gets 403 on that module", async ({ page }) => {
  await signIn(page, SALES.email);
  const allowed = await page.goto("/crm/leads");
  expect(allowed?.status()).toBe(200);
  const denied = await page.goto("/crm/members");
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "没有权限" })).toBeVisible();
  // The navigation does not offer what the role cannot open.
  await page.goto("/crm");
  await expect(page.getByRole("link", { name: "会员" })).toHaveCount(0);
});

test("a deactivated account cannot sign in", async ({ baseURL }) => {
  const api = await request.newContext({ baseURL });
  const response = await api.post("/crm/login", {
    form: { email: "former@relay-demo.cn", password: DEMO_PASSWORD },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(401);
  await api.dispose();
});

test("liveness answers 200 and readiness reports the database and index, each with a request id", async ({
  baseURL,
}) => {
  const api = await request.newContext({ baseURL });
  const live = await api.get("/healthz");
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: "ok" });
  const ready = await api.get("/readyz");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ok", database: "ok", matchIndex: "ready" });
  expect(ready.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const traced = await api.get("/readyz", { headers: { "X-Request-Id": "lb-probe-0001" } });
  expect(traced.headers()["x-request-id"]).toBe("lb-probe-0001");
  await api.dispose();
});
