import { useId } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { cn } from "./cn.ts";

/** The mark: two chevrons, the second passing the first, a baton handed on. */
export function LogoMark({ className }: { className?: string }) {
  const id = useId();
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-8", className)}>
      <defs>
        <linearGradient id={`${id}-bg`} x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#3b82f6" />
          <stop offset="1" stopColor="#1d4ed8" />
        </linearGradient>
      </defs>
      <rect width="32" height="32" rx="8" fill={`url(#${id}-bg)`} />
      <path
        d="M9 10.5 14.5 16 9 21.5"
        fill="none"
        stroke="#fff"
        strokeOpacity=".55"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <path
        d="M16 10.5 21.5 16 16 21.5"
        fill="none"
        stroke="#fff"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
      <circle cx="24.5" cy="16" r="1.6" fill="#fff" />
    </svg>
  );
}

export function Logo({
  tone = "light",
  className,
  subtitle,
}: {
  tone?: "light" | "dark";
  className?: string;
  subtitle?: string;
}) {
  const { t } = useI18n();
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <LogoMark />
      <span className="flex flex-col leading-none">
        <span
          className={cn("text-[17px] font-semibold tracking-tight", tone === "light" ? "text-slate-900" : "text-white")}
        >
          {t("app.name")}
        </span>
        {subtitle ? (
          <span className={cn("mt-1 text-[11px] font-medium", tone === "light" ? "text-slate-500" : "text-slate-400")}>
            {subtitle}
          </span>
        ) : null}
      </span>
    </span>
  );
}
