// Screenshots of the pages built on the UI kit, in both languages at desktop and phone widths, for
// reviewing a refactor by eye (issue #11: "look at your pages in headless Chromium"). Not part of CI.
//
//   bash scripts/e2e-server.sh &                      # or any running server with the demo data
//   npx tsx scripts/screenshots.ts --base http://localhost:3100 --out docs/screenshots/kit
//   npx tsx scripts/screenshots.ts --only leads,zone  # pages whose name contains one of these
import { mkdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { chromium, type BrowserContext } from "@playwright/test";

const { values: args } = parseArgs({
  options: {
    base: { type: "string", default: `http://localhost:${process.env.E2E_PORT ?? 3100}` },
    out: { type: "string", default: "test-results/screenshots/kit" },
    only: { type: "string" },
  },
});

const STAFF = { login: "/crm/login", email: "admin@relay-demo.cn", password: "Relay-demo-2026" };
const MEMBER = { login: "/login", email: "customer@relay-demo.cn", password: "Relay-member-2026" };
/** A customer admin of zone A (customer@ stays out of every zone), for the zone's document pages. */
const ZONE_MEMBER = { login: "/login", email: "zone-a-admin@relay-demo.cn", password: "Relay-member-2026" };

interface Shot {
  name: string;
  path: string;
  as: "staff" | "member" | "zone" | "visitor";
}

const SHOTS: Shot[] = [
  { name: "crm-leads", path: "/crm/leads", as: "staff" },
  { name: "crm-lead-detail", path: "/crm/leads/1", as: "staff" },
  { name: "crm-members", path: "/crm/members", as: "staff" },
  { name: "crm-campaigns", path: "/crm/campaigns", as: "staff" },
  { name: "crm-service-desk", path: "/crm/service", as: "staff" },
  { name: "crm-assets", path: "/crm/assets", as: "staff" },
  { name: "crm-rules", path: "/crm/rules/categories", as: "staff" },
  { name: "crm-zones", path: "/crm/zones", as: "staff" },
  { name: "crm-companies", path: "/crm/companies", as: "staff" },
  { name: "crm-company-overview", path: "/crm/companies/1", as: "staff" },
  { name: "crm-company-organisation", path: "/crm/companies/1/organisation", as: "staff" },
  { name: "crm-company-contacts", path: "/crm/companies/1/contacts", as: "staff" },
  { name: "crm-company-new", path: "/crm/companies/new", as: "staff" },
  { name: "crm-contacts", path: "/crm/contacts", as: "staff" },
  { name: "crm-contact-overview", path: "/crm/contacts/1", as: "staff" },
  { name: "crm-contact-company", path: "/crm/contacts/2/company", as: "staff" },
  { name: "crm-contact-org", path: "/crm/contacts/1/org", as: "staff" },
  { name: "crm-contact-activity", path: "/crm/contacts/1/activity", as: "staff" },
  { name: "crm-contact-new", path: "/crm/contacts/new", as: "staff" },
  { name: "crm-leads-to-claim", path: "/crm/leads?tab=toClaim", as: "staff" },
  { name: "crm-lead-new", path: "/crm/leads/new", as: "staff" },
  { name: "crm-approvals", path: "/crm/approvals", as: "staff" },
  { name: "crm-opportunities-board", path: "/crm/opportunities/board", as: "staff" },
  { name: "crm-products", path: "/crm/products", as: "staff" },
  { name: "crm-product-images", path: "/crm/products/8/images", as: "staff" }, // BAL-SY3240 in the demo
  { name: "crm-price-schemes", path: "/crm/price-schemes", as: "staff" },
  { name: "crm-quotes", path: "/crm/quotes", as: "staff" },
  { name: "crm-quote-editor", path: "/crm/quotes/1", as: "staff" },
  { name: "crm-contracts", path: "/crm/contracts", as: "staff" },
  { name: "crm-contract-plan", path: "/crm/contracts/1/plan", as: "staff" },
  { name: "crm-sales-orders", path: "/crm/sales-orders", as: "staff" },
  { name: "crm-sales-methods", path: "/crm/admin/sales-methods", as: "staff" },
  { name: "crm-forum", path: "/crm/forum", as: "staff" },
  { name: "crm-forum-queue", path: "/crm/forum/queue", as: "staff" },
  { name: "crm-courseware", path: "/crm/courseware", as: "staff" },
  { name: "crm-knowledge-synonyms", path: "/crm/knowledge/synonyms", as: "staff" },
  { name: "crm-admin-approvals", path: "/crm/admin/approvals", as: "staff" },
  { name: "portal-forum", path: "/forum", as: "member" },
  { name: "portal-forum-classroom", path: "/forum/1", as: "member" },
  { name: "portal-forum-visitor", path: "/forum/1", as: "visitor" },
  { name: "portal-knowledge", path: "/knowledge", as: "visitor" },
  { name: "portal-order", path: "/order", as: "member" },
  { name: "portal-products", path: "/products", as: "member" },
  // Product images (decision 049): the catalog's pictured products, a product's gallery, the back-office tab.
  { name: "portal-products-pictured", path: "/products?q=phj", as: "member" },
  { name: "portal-product-gallery", path: "/products/BAL-SY3240", as: "member" },
  { name: "portal-account-orders", path: "/account/orders", as: "member" },
  { name: "portal-forum-search", path: "/forum/search?q=%E5%B9%B3%E8%A1%A1%E6%9C%BA", as: "member" },
  { name: "portal-requirements", path: "/requirements", as: "member" },
  { name: "portal-home", path: "/", as: "visitor" },
  { name: "portal-login", path: "/login", as: "visitor" },
  { name: "portal-account", path: "/account", as: "member" },
  { name: "portal-zone", path: "/zone", as: "member" },
  { name: "crm-proposals", path: "/crm/proposals", as: "staff" },
  { name: "crm-proposal", path: "/crm/proposals/1", as: "staff" },
  { name: "portal-zone-proposals", path: "/zone/proposals", as: "zone" },
  { name: "portal-zone-proposal", path: "/zone/proposals/1", as: "zone" },
];

const DEVICES = {
  desktop: { viewport: { width: 1440, height: 900 } },
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
} as const;

async function signIn(context: BrowserContext, who: typeof STAFF) {
  const reply = await context.request.post(`${args.base}${who.login}`, {
    form: { email: who.email, password: who.password },
    maxRedirects: 0,
  });
  if (reply.status() !== 302) throw new Error(`sign-in as ${who.email} answered ${reply.status()}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
mkdirSync(args.out, { recursive: true });
const wanted = (shot: Shot) => !args.only || args.only.split(",").some((w) => shot.name.includes(w));
try {
  for (const locale of ["zh-CN", "en"] as const) {
    for (const [device, options] of Object.entries(DEVICES)) {
      for (const as of ["staff", "member", "zone", "visitor"] as const) {
        const shots = SHOTS.filter((s) => s.as === as && wanted(s));
        if (shots.length === 0) continue;
        const context = await browser.newContext({ ...options, locale });
        await context.request.post(`${args.base}/locale`, { form: { locale, redirectTo: "/" }, maxRedirects: 0 });
        if (as !== "visitor") await signIn(context, as === "staff" ? STAFF : as === "zone" ? ZONE_MEMBER : MEMBER);
        const page = await context.newPage();
        for (const shot of shots) {
          await page.goto(`${args.base}${shot.path}`, { waitUntil: "networkidle" });
          const file = path.join(args.out, `${shot.name}-${locale === "en" ? "en" : "zh"}-${device}.png`);
          await page.screenshot({ path: file, fullPage: device === "desktop" });
          console.log(file);
        }
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
}
