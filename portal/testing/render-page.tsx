import type { ComponentType, ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { createRoutesStub, Outlet } from "react-router";
import { I18nProvider } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { DICTIONARIES } from "#app/lib/i18n/translate.ts";

// Renders portal pages and components to HTML in a test, inside the portal route (id "portal", as
// in app/routes.ts) with the loader data given: enough to assert what a visitor or member is shown
// and where the links lead, without a browser. Test-only (imported by *.test.tsx files).

export interface RenderOptions {
  locale?: Locale;
  /** The portal frame's loader data (`member` null for a visitor). */
  portal?: { member: unknown; year?: number };
  /** The page's own loader data. */
  loaderData?: unknown;
  /** A thrown route response the page's boundary should show, e.g. `routeError(403)`. */
  error?: unknown;
  path?: string;
}

/** What `throw data(null, { status })` looks like to an error boundary. */
export function routeError(status: number, data: unknown = null) {
  return { status, statusText: "", internal: false, data };
}

/** Renders `Page` (with its `ErrorBoundary`, if any) as the portal's child route at `path`. */
export function renderPage(
  Page: ComponentType,
  { locale = "zh-CN", portal = { member: null }, loaderData = null, error, path = "/" }: RenderOptions = {},
  ErrorBoundary?: ComponentType,
): string {
  const Stub = createRoutesStub([
    {
      id: "portal",
      path: "/",
      loader: () => null,
      Component: Outlet,
      children: [
        {
          id: "page",
          path: path === "/" ? undefined : path.replace(/^\/|\?.*$/g, ""),
          index: path === "/" ? true : undefined,
          loader: () => null,
          Component: Page,
          ErrorBoundary,
        },
      ],
    } as Parameters<typeof createRoutesStub>[0][number],
  ]);
  return withI18n(
    locale,
    <Stub
      initialEntries={[path]}
      hydrationData={{
        loaderData: { portal: { year: 2026, ...portal }, page: loaderData },
        errors: error ? { page: error } : undefined,
      }}
    />,
  );
}

/** Renders a component that needs only i18n and a router (links). */
export function renderComponent(node: ReactNode, options: Omit<RenderOptions, "loaderData" | "error"> = {}): string {
  return renderPage(() => <>{node}</>, options);
}

function withI18n(locale: Locale, node: ReactNode): string {
  return renderToStaticMarkup(
    <I18nProvider locale={locale} messages={DICTIONARIES[locale]}>
      {node}
    </I18nProvider>,
  );
}

/** The `href`s of all links in rendered HTML. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
}
