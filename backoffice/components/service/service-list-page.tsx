import type { LucideIcon } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import type { FilterShape } from "#app/ui/list/list-query.ts";
import { QueryListPage, type QueryListPageProps } from "#app/ui/list/query-list-page.tsx";
import { useLabelledOptions } from "./record-fields.tsx";

// The customer-service record lists (客户资产, 服务合约, 用户专区): the same eyebrow, the failure notice
// of their "new …" form under the header, and texts under `zones.bo.<texts>.*` with one key layout.

interface StatusFilter {
  label: MessageKey;
  value: string | undefined;
  statuses: readonly string[];
  /** Method syntax, so a label function of a narrower status type (e.g. `assetStatusKey`) fits. */
  labelKey(status: string): MessageKey;
}

export type ServiceListTexts = "assets" | "contracts" | "zones";

export function ServiceListPage<F extends FilterShape, S extends string, Row, Id extends string | number>({
  texts,
  icon,
  answer,
  status,
  ...list
}: Omit<QueryListPageProps<F, S, Row, Id>, "heading" | "belowHeading" | "search" | "selects" | "empty"> & {
  texts: ServiceListTexts;
  icon: LucideIcon;
  /** The action data of the "new …" form below the list. */
  answer: { status: string } | null | undefined;
  /** The status filter, "any status" first, for records that have one. */
  status?: StatusFilter;
}) {
  const { t } = useI18n();
  const labelled = useLabelledOptions();
  return (
    <QueryListPage
      {...list}
      heading={{
        eyebrow: t("zones.bo.eyebrow"),
        title: t(`zones.bo.${texts}.title`),
        description: t(`zones.bo.${texts}.description`),
        icon,
      }}
      belowHeading={<FailureNotice result={answer} />}
      search={{ placeholder: t(`zones.bo.${texts}.search`) }}
      selects={
        status
          ? [
              {
                name: "status",
                label: t(status.label),
                value: status.value,
                anyLabel: t("zones.bo.assets.anyStatus"),
                options: labelled(status.statuses, (s) => status.labelKey(s)),
              },
            ]
          : undefined
      }
      empty={{ title: t(`zones.bo.${texts}.noneYet`), description: t(`zones.bo.${texts}.emptyHint`) }}
    />
  );
}
