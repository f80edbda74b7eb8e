import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "#app/ui/badge.tsx";
import { Card, CardHeader } from "#app/ui/card.tsx";
import { cn } from "#app/ui/cn.ts";
import { SubmitButton, type SubmitButtonProps } from "#app/ui/form/index.ts";

// Small building blocks shared by the member account pages (/account/*, /zone): the level badge, the
// page title block and the titled card a settings section sits in. Form fields come from app/ui/form.

const LEVEL_TONES: Record<string, BadgeTone> = { prospect: "slate", customer: "green", partner: "violet" };

export function LevelBadge({ level, label, className }: { level: string; label: string; className?: string }) {
  return (
    <Badge tone={LEVEL_TONES[level] ?? "slate"} className={className}>
      {label}
    </Badge>
  );
}

/** The title block of an account page. */
export function AccountPageHeader({
  title,
  description,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{title}</h1>
        {description ? <p className="mt-1.5 max-w-2xl text-[15px] leading-6 text-slate-500">{description}</p> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </header>
  );
}

/** A settings section: a card with an icon, title and optional description or action. */
export function AccountSection({
  icon: Icon,
  iconClassName,
  title,
  description,
  action,
  className,
  headerClassName,
  children,
}: {
  icon: LucideIcon;
  iconClassName?: string;
  title: string;
  description?: string;
  action?: ReactNode;
  className?: string;
  headerClassName?: string;
  children: ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader
        icon={<Icon className={cn("size-4", iconClassName)} aria-hidden />}
        title={title}
        description={description}
        action={action}
        className={headerClassName}
      />
      {children}
    </Card>
  );
}

/** The submit button under a settings form: right-aligned, full width on phones. */
export function AccountSubmitRow(props: Omit<SubmitButtonProps, "className">) {
  return (
    <div className="flex justify-end">
      <SubmitButton className="w-full sm:w-auto" {...props} />
    </div>
  );
}
