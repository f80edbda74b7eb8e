import type { ReactNode } from "react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Module } from "#app/modules/auth/permissions.ts";
import { PageHeader } from "#app/ui/page-header.tsx";
import { MODULE_ICONS, moduleGroupLabel } from "./nav.ts";

/**
 * The header of a module's main page: the module's sidebar icon and group as icon and eyebrow, so the
 * page and its sidebar entry always match, over the page's own title, description and actions.
 */
export function ModulePageHeader({
  module,
  title,
  description,
  actions,
}: {
  module: Module;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useI18n();
  const Icon = MODULE_ICONS[module];
  return (
    <PageHeader
      eyebrow={t(moduleGroupLabel(module))}
      icon={<Icon className="size-6" aria-hidden />}
      title={title}
      description={description}
      actions={actions}
    />
  );
}
