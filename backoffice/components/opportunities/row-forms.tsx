import { Trash2 } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { SubmitButton } from "#app/ui/form/index.ts";
import { RemoveButton } from "#app/ui/form/intent-button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import type { LucideIcon } from "lucide-react";

// Small forms the opportunity tabs share: remove one row (member, competitor, sub-project) and the
// "add …" card around a tab's add form.

export function RemoveRowButton({ intent, rowId, label }: { intent: string; rowId: number; label: string }) {
  return <RemoveButton intent={intent} field={{ name: "rowId", value: rowId }} name={label} icon={Trash2} />;
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
