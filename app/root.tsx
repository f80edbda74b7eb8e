import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { getLocale } from "./lib/i18n/locale.server.ts";
import { currentRequestContext } from "./lib/request-context.server.ts";
import { I18nProvider, useI18n } from "./lib/i18n/i18n-context.tsx";
import { DEFAULT_LOCALE } from "./lib/i18n/locales.ts";
import { buttonClass } from "./ui/button.tsx";
import { cn } from "./ui/cn.ts";
import { LogoMark } from "./ui/logo.tsx";
import "./ui/styles.css";

// The logo mark as an inline SVG favicon: no extra request, no binary asset to keep in sync.
const FAVICON =
  "data:image/svg+xml," +
  encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="#2563eb"/><path d="M9 10.5 14.5 16 9 21.5" fill="none" stroke="#fff" stroke-opacity=".55" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/><path d="M16 10.5 21.5 16 16 21.5" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/><circle cx="24.5" cy="16" r="1.6" fill="#fff"/></svg>`,
  );

export const links: Route.LinksFunction = () => [{ rel: "icon", type: "image/svg+xml", href: FAVICON }];

export async function loader({ request }: Route.LoaderArgs) {
  // The request id lets support find this request's log lines from an error page (issue #12 item 6).
  return { locale: await getLocale(request), requestId: currentRequestContext()?.requestId ?? null };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="theme-color" content="#2563eb" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <I18nProvider locale={locale}>{children}</I18nProvider>
        <ScrollRestoration />
        <Scripts />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const { t } = useI18n();
  const requestId = useRouteLoaderData<typeof loader>("root")?.requestId;
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : [t("error.generic.title"), t("error.generic.body")];
  return (
    <main className="relative flex min-h-screen items-center justify-center overflow-hidden px-6 py-16">
      <div
        aria-hidden
        className="pointer-events-none absolute inset-0 bg-[radial-gradient(40rem_24rem_at_50%_0%,rgb(219_234_254/0.8),transparent_70%)]"
      />
      <div className="relative w-full max-w-md rounded-2xl border border-slate-200/80 bg-white p-10 text-center shadow-xl shadow-slate-900/5">
        <LogoMark className="mx-auto size-10" />
        <p className="mt-6 bg-gradient-to-b from-slate-400 to-slate-200 bg-clip-text text-7xl font-bold tracking-tight text-transparent">
          {status}
        </p>
        <h1 className="mt-4 text-2xl font-semibold text-slate-900">{title}</h1>
        <p className="mt-2 text-[15px] leading-7 text-slate-600">{body}</p>
        {status >= 500 && requestId ? (
          <p className="mt-3 font-mono text-xs text-slate-400" data-testid="request-id">
            {t("error.requestId", { id: requestId })}
          </p>
        ) : null}
        <a href="/" className={cn(buttonClass(), "mt-8")}>
          {t("error.back")}
        </a>
      </div>
    </main>
  );
}
