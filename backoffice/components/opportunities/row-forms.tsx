import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { SubmitButton } from "#app/ui/form/index.ts";
import { SectionCard } from "#app/ui/section-card.tsx";
import type { LucideIcon } from "lucide-react";

// Small forms the opportunity tabs share: remove one row (member, competitor, sub-project) and the
// "add …" card around a tab's add form.

export function RemoveRowButton({ intent, rowId, label }: { intent: string; rowId: number; label: string }) {
  const { t } = useI18n();
  return (
    <Form method="post">
      <input type="hidden" name="rowId" value={rowId} />
      <SubmitButton
        intent={intent}
        size="sm"
        variant="ghost"
        icon={Trash2}
        aria-label={t("common.removeNamed", { name: label })}
      >
        {t("common.remove")}
      </SubmitButton>
    </Form>
  );
}

export function AddRowCard({
  title,
  icon,
  intent,
  children,
}: {
  title: string;
  icon: LucideIcon;
  intent: string;
  children: ReactNode;
}) {
  return (
    <SectionCard title={title} icon={icon}>
      <Form method="post" className="grid gap-4 sm:grid-cols-2" noValidate>
        {children}
        <div className="sm:col-span-2">
          <SubmitButton intent={intent} icon={icon}>
            {title}
          </SubmitButton>
        </div>
      </Form>
    </SectionCard>
  );
}
