import { describe, expect, it } from "vitest";
import { KnowledgeHelpLinks } from "#portal/components/knowledge-help-links.tsx";
import { KnowledgeSearchForm } from "#portal/components/knowledge-search-form.tsx";
import { PortalFooter } from "#portal/components/portal-footer.tsx";
import { PortalHeader } from "#portal/components/portal-header.tsx";
import { ShellErrorBoundary } from "#portal/components/shell-error-boundary.tsx";
import AccountLayout from "#portal/routes/account-layout.tsx";
import AccountOverview from "#portal/routes/account-overview.tsx";
import Home from "#portal/routes/home.tsx";
import * as portalLayout from "#portal/routes/portal-layout.tsx";
import { hrefs, renderComponent, renderPage, routeError } from "#portal/testing/render-page.tsx";

// Issue #14, portal side: what visitors and members are shown and where the links lead, rendered
// as the server renders it.

/** The home page's own data: the hot searches (none on a fresh site). */
const HOME_DATA = { hotSearches: [] };
const MEMBER = { nickname: "星辰采购部", level: "customer", verificationPending: false, showZone: true, unread: 0 };

describe("issue #14 item 6: shipped areas are not advertised as coming, unshipped ones say so", () => {
  it("the home page advertises nothing as coming soon now that the training forum ships (#17)", () => {
    const html = renderPage(Home, { loaderData: HOME_DATA });
    expect(html).not.toContain("即将上线");
    expect(hrefs(html)).toContain("/forum");
  });

  it("a customer's member-centre navigation links to zone requests, assets and contracts", () => {
    const html = renderPage(AccountLayout, {
      portal: { member: MEMBER },
      path: "/account",
      loaderData: { nickname: "星辰采购部", level: "customer", unread: 0, showZone: true, verificationPending: false },
    });
    expect(hrefs(html)).toEqual(expect.arrayContaining(["/zone", "/zone/requests", "/zone/assets", "/zone/contracts"]));
    expect(html).not.toContain("即将上线");
    expect(html).not.toContain('aria-disabled="true"');
  });

  it("the account overview sends service requests to the customer zone instead of 即将上线", () => {
    const html = renderPage(AccountOverview, {
      portal: { member: MEMBER },
      path: "/account",
      loaderData: {
        summary: {
          id: 1,
          nickname: "星辰采购部",
          email: "customer@relay-demo.cn",
          level: "customer",
          status: "verified",
          createdAt: new Date("2026-01-05T08:00:00Z"),
          realNameVerifiedAt: null,
          companyName: null,
          linkedCompanyName: "西安星辰新材料股份有限公司",
        },
        submissions: { items: [], total: 0, page: 1, pageCount: 1 },
        orders: { items: [], total: 0, page: 1, pageCount: 1 },
      },
    });
    expect(html).not.toContain("即将上线");
    expect(html).toContain("进入用户专区");
    expect(hrefs(html)).toContain("/zone");
  });
});

describe("issue #14 item 7: 来宾登记 is linked where visitors look", () => {
  it("the home page invites visitors to /guest-registration", () => {
    const html = renderPage(Home, { loaderData: HOME_DATA });
    expect(hrefs(html)).toContain("/guest-registration");
    expect(html).toContain("来宾登记");
  });

  it("a signed-in member is not invited to 来宾登记 or to register on the home page", () => {
    const html = renderPage(Home, { portal: { member: MEMBER }, loaderData: HOME_DATA });
    expect(hrefs(html)).not.toContain("/guest-registration");
    expect(hrefs(html)).not.toContain("/login");
    expect(html).not.toContain("来宾登记");
  });

  it("the header offers 来宾登记 to visitors, in the bar and in the phone menu", () => {
    const html = renderComponent(<PortalHeader member={null} />);
    expect(hrefs(html).filter((href) => href === "/guest-registration")).toHaveLength(2);
  });

  it("the footer links to 来宾登记 in English too", () => {
    const html = renderComponent(<PortalFooter year={2026} />, { locale: "en" });
    expect(hrefs(html)).toContain("/guest-registration");
    expect(html).toContain("Guest registration");
  });
});

describe("issue #14 item 10: help from the knowledge base, and error pages, lead somewhere the reader may go", () => {
  it("a visitor is asked to sign in to leave a message, not sent to a service request or told they can open one", () => {
    const html = renderComponent(<KnowledgeHelpLinks audience="visitor" />);
    expect(hrefs(html)).toContain("/login?redirectTo=%2Faccount%2Fmessages%2Fnew");
    expect(hrefs(html)).not.toContain("/zone/requests/new");
    expect(html).not.toContain("提交服务请求");
  });

  it("a prospect member leaves a message; only customers open a service request", () => {
    expect(hrefs(renderComponent(<KnowledgeHelpLinks audience="member" />))).not.toContain("/zone/requests/new");
    expect(hrefs(renderComponent(<KnowledgeHelpLinks audience="member" />))).toContain("/account/messages/new");
    expect(hrefs(renderComponent(<KnowledgeHelpLinks audience="customer" />))).toContain("/zone/requests/new");
  });

  it("a portal 403 speaks to the visitor and offers sign-in, home and contact, never the staff wording", () => {
    for (const payload of [{ reason: "level" }, { policy: "members" }]) {
      const html = renderPage(
        () => null,
        { path: "/zone/requests/new", error: routeError(403, payload) },
        () => <ShellErrorBoundary back="/zone" backLabel="zones.error.back" texts="zones.error" />,
      );
      expect(html).not.toMatch(/角色|系统管理员/);
      expect(hrefs(html)).toEqual(
        expect.arrayContaining(["/login?redirectTo=%2Fzone%2Frequests%2Fnew", "/", "/requirements"]),
      );
    }
  });

  it("any portal page without its own boundary fails inside the portal frame, worded for members", () => {
    const Boundary = (portalLayout as { ErrorBoundary?: () => React.ReactNode }).ErrorBoundary;
    expect(Boundary).toBeTypeOf("function");
    const html = renderPage(
      () => null,
      { portal: { member: MEMBER }, path: "/account/messages/new", error: routeError(403, { reason: "level" }) },
      Boundary,
    );
    expect(html).toContain("这部分内容暂不对您开放");
    expect(html).not.toMatch(/角色|系统管理员/);
    expect(hrefs(html)).toEqual(expect.arrayContaining(["/knowledge", "/account/messages/new"]));
    expect(html).toContain("<footer");
  });

  it("a portal 404 in English offers the home page and the knowledge base", () => {
    const html = renderPage(
      () => null,
      { locale: "en", path: "/knowledge/9", error: routeError(404) },
      () => <ShellErrorBoundary back="/knowledge" backLabel="knowledge.article.back" />,
    );
    expect(html).toContain("We could not find this page");
    expect(hrefs(html)).toEqual(expect.arrayContaining(["/knowledge", "/"]));
  });
});

describe("issue #14 item 14: the home page's search box shows where focus is", () => {
  it("the large search box on the blue band draws a visible focus outline", () => {
    const html = renderComponent(
      <KnowledgeSearchForm id="q" label="搜索" placeholder="搜索" submitLabel="搜索" size="lg" />,
    );
    expect(html).toMatch(/focus-within:outline-(2|3|4)\b/);
  });
});
