import type { ReactNode } from "react";
import { cn } from "#app/ui/cn.ts";
import { FailureNotice } from "#app/ui/form/form-notice.tsx";

/**
 * A campaign tab's body: the refusal of its last action (403/404/409; field errors stay beside their
 * fields) above its cards. `narrow` keeps single-card tabs at a readable width.
 */
export function CampaignTab({
  result,
  narrow = false,
  children,
}: {
  result: { status: string } | null | undefined;
  narrow?: boolean;
  children: ReactNode;
}) {
  return (
    <div className={cn("space-y-4", narrow && "max-w-3xl")}>
      <FailureNotice result={result} refusalsOnly />
      {children}
    </div>
  );
}
