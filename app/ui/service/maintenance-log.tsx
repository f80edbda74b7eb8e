import { Wrench } from "lucide-react";
import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { Card, CardHeader } from "../card.tsx";
import { Timeline } from "../records/timeline.tsx";
import { methodKey, type MaintenanceMethodValue } from "./labels.tsx";

/**
 * MaintenanceLog — an asset's maintenance entries, newest first, as a timeline ("2026-11-20 · 维修 ·
 * 赵丽" over the summary). `children` is an optional form under the log (the back office's "记录维护").
 */
export function MaintenanceLog({
  entries,
  children,
}: {
  entries: ReadonlyArray<{
    id: number;
    performedOn: string;
    method: MaintenanceMethodValue;
    summary: string;
    staff?: string | null;
  }>;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card>
      <CardHeader icon={<Wrench aria-hidden className="size-4" />} title={t("zones.asset.log")} />
      <Timeline
        label={t("zones.asset.log")}
        empty="zones.asset.logEmpty"
        items={entries.map((m) => ({
          id: m.id,
          title: t(methodKey(m.method)),
          body: m.summary,
          meta: (
            <>
              <time dateTime={m.performedOn}>{m.performedOn}</time>
              {m.staff ? ` · ${m.staff}` : ""}
            </>
          ),
        }))}
      />
      {children}
    </Card>
  );
}
