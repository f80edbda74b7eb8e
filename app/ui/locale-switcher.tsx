import { Languages } from "lucide-react";
import { Form, useLocation } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Locale } from "#app/lib/i18n/locales.ts";
import { cn } from "./cn.ts";

/**
 * Switches between zh-CN and English with a plain POST to /locale, so it works before hydration too.
 * The button's visible text names the target language in that language ("English" / "中文").
 */
export function LocaleSwitcher({ tone = "light", className }: { tone?: "light" | "dark"; className?: string }) {
  const { locale, t } = useI18n();
  const location = useLocation();
  const target: Locale = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <Form method="post" action="/locale" className={className}>
      <input type="hidden" name="locale" value={target} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button
        type="submit"
        title={t("locale.label")}
        className={cn(
          "inline-flex h-9 shrink-0 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium whitespace-nowrap transition-colors",
          "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600",
          tone === "light"
            ? "text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            : "text-slate-300 hover:bg-white/10 hover:text-white",
        )}
      >
        <Languages aria-hidden className="size-4" />
        <span lang={target}>{t("locale.switch")}</span>
      </button>
    </Form>
  );
}
