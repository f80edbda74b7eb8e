import {
  ArrowDown,
  ArrowLeft,
  ArrowUp,
  Check,
  CircleAlert,
  Copy,
  Megaphone,
  UserRound,
  Users,
  type LucideIcon,
} from "lucide-react";
import { useEffect, useState, useSyncExternalStore, type ComponentProps, type ReactNode } from "react";
import { Form, NavLink } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey, Translate, TranslateVars } from "#app/lib/i18n/translate.ts";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { Button, buttonClass, type ButtonVariant } from "#app/ui/button.tsx";
import { cn } from "#app/ui/cn.ts";
import { FormNotice } from "#app/ui/form/form-notice.tsx";
import { inputClass } from "#app/ui/form/input-styles.ts";

// Pieces shared by the four 营销规则 pages (registration categories, token groups). Route modules
// export only route APIs, so these live here.

export const RULES_PATHS = {
  categories: "/crm/rules/categories",
  groups: "/crm/rules/token-groups",
  distribution: "/crm/rules/distribution",
} as const;

export interface UiError {
  key: MessageKey;
  vars?: TranslateVars;
}

export function errorText(t: Translate, error: UiError | undefined): string | undefined {
  return error ? t(error.key, error.vars) : undefined;
}

/** 登记分类 | 网站线索持有人, under the page header. */
export function RulesTabs() {
  const { t } = useI18n();
  const tabs: Array<{ to: string; label: MessageKey }> = [
    { to: RULES_PATHS.categories, label: "rules.tabs.categories" },
    { to: RULES_PATHS.groups, label: "rules.tabs.groups" },
    { to: RULES_PATHS.distribution, label: "distribution.tab" },
  ];
  return (
    <nav aria-label={t("rules.tabs.label")} className="flex gap-6 overflow-x-auto border-b border-slate-200">
      {tabs.map((tab) => (
        <NavLink
          key={tab.to}
          to={tab.to}
          className={({ isActive }) =>
            cn(
              "border-b-2 pb-3 text-sm font-medium whitespace-nowrap transition-colors",
              isActive
                ? "border-blue-600 text-blue-700"
                : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
            )
          }
        >
          {t(tab.label)}
        </NavLink>
      ))}
    </nav>
  );
}

export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <NavLink
      to={to}
      end
      className="inline-flex items-center gap-1.5 text-sm font-medium text-slate-500 hover:text-slate-900"
    >
      <ArrowLeft aria-hidden className="size-4" />
      {children}
    </NavLink>
  );
}

const STAFF_TONES: Record<"active" | "away" | "inactive", BadgeTone> = {
  active: "green",
  away: "amber",
  inactive: "slate",
};

/** 在岗 / 离开 / 停用. */
export function StaffStatusBadge({ status }: { status: "active" | "away" | "inactive" }) {
  const { t } = useI18n();
  return (
    <Badge tone={STAFF_TONES[status]}>
      <span aria-hidden className="size-1.5 rounded-full bg-current opacity-70" />
      {t(`rules.staffStatus.${status}`)}
    </Badge>
  );
}

export function ActiveBadge({ active }: { active: boolean }) {
  const { t } = useI18n();
  return <Badge tone={active ? "green" : "slate"}>{t(active ? "rules.active.on" : "rules.active.off")}</Badge>;
}

export const KIND_TONES: Record<"guest" | "requirement" | "order" | "service", BadgeTone> = {
  guest: "violet",
  requirement: "blue",
  order: "amber",
  service: "green",
};

export function KindBadge({ kind }: { kind: "guest" | "requirement" | "order" | "service" }) {
  const { t } = useI18n();
  return <Badge tone={KIND_TONES[kind]}>{t(`rules.kind.${kind}`)}</Badge>;
}

/** A success or error line at the top of a page (after a redirect, or a refused action). */
export function Notice({ tone, children }: { tone: "success" | "error" | "warning"; children: ReactNode }) {
  return <FormNotice tone={tone}>{children}</FormNotice>;
}

/** The form kit's one look of a text control; rules fields keep their own <Field> for errors with values. */
export { inputClass };

/** Label, control, hint and localised error, wired together for assistive technology. */
export function Field({
  id,
  label,
  hint,
  error,
  required,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">
        {label}
        {required ? (
          <span aria-hidden className="ml-0.5 text-red-600">
            *
          </span>
        ) : null}
      </label>
      {children}
      {error ? (
        <p id={`${id}-error`} className="flex items-start gap-1.5 text-sm text-red-700">
          <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
          {error}
        </p>
      ) : hint ? (
        <p id={`${id}-hint`} className="text-xs leading-5 text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** The required name of a rules record (a token group, a channel key), at most 100 characters. */
export function NameField({
  id,
  label,
  error,
  defaultValue,
  placeholder,
  className,
}: {
  id: string;
  label: ReactNode;
  error?: string;
  defaultValue: string;
  placeholder?: string;
  className?: string;
}) {
  return (
    <Field id={id} label={label} error={error} required className={className}>
      <input
        id={id}
        name="name"
        required
        maxLength={100}
        defaultValue={defaultValue}
        placeholder={placeholder}
        className={inputClass}
        {...fieldAria(id, error)}
      />
    </Field>
  );
}

/** aria attributes for a control inside <Field>. */
export function fieldAria(id: string, error: string | undefined, hint?: boolean) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? `${id}-error` : hint ? `${id}-hint` : undefined,
  } as const;
}

/**
 * A destructive action behind a second click. Built on <details> so it works without JavaScript:
 * the first click opens a small panel, the form inside it does the work.
 */
export function ConfirmAction({
  label,
  title,
  body,
  confirmLabel,
  fields,
  icon,
  variant = "secondary",
  tone = "danger",
  align = "right",
  testId,
}: {
  label: ReactNode;
  title: ReactNode;
  body?: ReactNode;
  confirmLabel: ReactNode;
  fields: Record<string, string | number>;
  icon?: ReactNode;
  variant?: ButtonVariant;
  tone?: "danger" | "primary";
  align?: "left" | "right";
  testId?: string;
}) {
  return (
    <details className="group relative" data-testid={testId}>
      <summary
        className={cn(
          buttonClass({ variant, size: "sm" }),
          "cursor-pointer list-none [&::-webkit-details-marker]:hidden",
          tone === "danger" && variant === "secondary" && "text-red-700 hover:text-red-800",
        )}
      >
        {icon}
        {label}
      </summary>
      <div
        className={cn(
          "absolute z-20 mt-2 w-72 max-w-[calc(100vw-2rem)] rounded-xl border border-slate-200 bg-white p-4 text-left shadow-lg shadow-slate-900/10",
          align === "right" ? "right-0" : "left-0",
        )}
      >
        <p className="text-sm font-semibold text-slate-900">{title}</p>
        {body ? <p className="mt-1 text-sm leading-6 text-slate-600">{body}</p> : null}
        <Form method="post" className="mt-3 flex justify-end">
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <Button
            type="submit"
            size="sm"
            className={
              tone === "danger" ? "bg-red-600 shadow-red-600/20 hover:bg-red-700 active:bg-red-800" : undefined
            }
          >
            {confirmLabel}
          </Button>
        </Form>
      </div>
    </details>
  );
}

/** A one-button form posting hidden fields (move up/down, switch on/off): the route's action does the rest. */
export function PostButton({
  fields,
  children,
  ...button
}: { fields: Record<string, string | number> } & Omit<ComponentProps<typeof Button>, "type">) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" {...button}>
        {children}
      </Button>
    </Form>
  );
}

/** ↑ / ↓ buttons that move one row of an ordered list (token group members, distribution rules). */
export function MoveButtons({
  fields,
  first,
  last,
  disabled,
  labels,
  className,
}: {
  fields: Record<string, string | number>;
  first: boolean;
  last: boolean;
  disabled?: boolean;
  labels: { up: string; down: string };
  className?: string;
}) {
  return (
    <div className={cn("flex gap-1", className)}>
      {(["up", "down"] as const).map((direction) => {
        const Icon = direction === "up" ? ArrowUp : ArrowDown;
        return (
          <PostButton
            key={direction}
            fields={{ ...fields, intent: direction }}
            variant="ghost"
            size="sm"
            className="px-2"
            disabled={disabled || (direction === "up" ? first : last)}
            aria-label={labels[direction]}
            title={labels[direction]}
          >
            <Icon aria-hidden className="size-4" />
          </PostButton>
        );
      })}
    </div>
  );
}

const noopSubscribe = () => () => {};

/** Copies text once hydrated; before that (or without JavaScript) the text itself is selectable. */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const { t } = useI18n();
  // false on the server and during hydration, true afterwards: no button that cannot work.
  const ready = useSyncExternalStore(
    noopSubscribe,
    () => true,
    () => false,
  );
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);
  if (!ready) return null;
  return (
    <Button
      variant="secondary"
      size="sm"
      className={className}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(
          () => setCopied(true),
          () => setCopied(false),
        );
      }}
    >
      {copied ? <Check aria-hidden className="size-4 text-emerald-600" /> : <Copy aria-hidden className="size-4" />}
      <span aria-live="polite">{copied ? t("rules.copy.done") : label}</span>
    </Button>
  );
}

/**
 * The routing order shown to staff: token group → campaign owner → designated person. With `state`,
 * the step that would take the next lead is highlighted and each step says what it resolves to now.
 */
export function RoutingOrder({
  steps,
  className,
}: {
  steps?: Array<{ detail: ReactNode; applies: boolean; skipped: boolean }>;
  className?: string;
}) {
  const { t } = useI18n();
  const base: Array<{ icon: LucideIcon; title: MessageKey; body: MessageKey }> = [
    { icon: Users, title: "rules.routing.step1.title", body: "rules.routing.step1.body" },
    { icon: Megaphone, title: "rules.routing.step2.title", body: "rules.routing.step2.body" },
    { icon: UserRound, title: "rules.routing.step3.title", body: "rules.routing.step3.body" },
  ];
  return (
    <ol className={cn("grid gap-3", steps ? "" : "md:grid-cols-3", className)}>
      {base.map((step, index) => {
        const state = steps?.[index];
        const Icon = step.icon;
        return (
          <li
            key={step.title}
            className={cn(
              "relative flex gap-3 rounded-xl border p-4",
              state?.applies
                ? "border-blue-200 bg-blue-50/70 ring-1 ring-blue-200"
                : state?.skipped
                  ? "border-slate-200 bg-slate-50/60"
                  : "border-slate-200 bg-white",
            )}
          >
            <span
              className={cn(
                "flex size-9 shrink-0 items-center justify-center rounded-lg",
                state?.applies ? "bg-blue-600 text-white" : "bg-slate-100 text-slate-600",
              )}
            >
              <Icon aria-hidden className="size-4" />
            </span>
            <div className="min-w-0">
              <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-slate-900">
                <span className="text-slate-400 tabular-nums">{index + 1}</span>
                {t(step.title)}
                {state?.applies ? <Badge tone="blue">{t("rules.routing.appliesNow")}</Badge> : null}
              </p>
              <p className={cn("mt-1 text-sm leading-6", state?.skipped ? "text-slate-400" : "text-slate-600")}>
                {state ? state.detail : t(step.body)}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
