import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { PageHeader } from "#app/ui/page-header.tsx";
import { BackLink } from "../rules-ui.tsx";

// The layout of a 营销规则 record page (a category, a token group, a distribution rule): the link
// back to its list, the header, notices, then the main column and a narrower side column.

export function RulesDetailPage({
  back,
  icon: Icon,
  eyebrow,
  title,
  description,
  actions,
  notices,
  main,
  side,
}: {
  back: { to: string; label: string };
  icon: LucideIcon;
  eyebrow: ReactNode;
  title: string;
  description: ReactNode;
  actions?: ReactNode;
  /** Between the header and the columns (errors, a new key, who is next). */
  notices?: ReactNode;
  main: ReactNode;
  side: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <BackLink to={back.to}>{back.label}</BackLink>
      <PageHeader
        icon={<Icon aria-hidden className="size-6" />}
        eyebrow={eyebrow}
        title={title}
        description={description}
        actions={actions}
      />
      {notices}
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">{main}</div>
        <div className="min-w-0 space-y-6">{side}</div>
      </div>
    </div>
  );
}
