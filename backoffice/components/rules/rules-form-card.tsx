import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { SubmitButton } from "#app/ui/form/submit-button.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";

/**
 * A narrow 营销规则 card holding one form (a new rule, a new token group, a rule's conditions): the
 * fields, then a full-width submit button posting `intent`.
 */
export function RulesFormCard({
  id,
  icon,
  title,
  description,
  intent,
  submit,
  children,
}: {
  id?: string;
  icon?: LucideIcon;
  title: string;
  description?: string;
  intent: string;
  /** The button's icon and label. */
  submit: { icon: LucideIcon; label: string };
  children: ReactNode;
}) {
  const SubmitIcon = submit.icon;
  return (
    <SectionCard id={id} icon={icon} title={title} description={description} flush>
      <Form method="post" noValidate className="space-y-4 p-5">
        {children}
        <SubmitButton intent={intent} className="w-full">
          <SubmitIcon aria-hidden className="size-4" />
          {submit.label}
        </SubmitButton>
      </Form>
    </SectionCard>
  );
}
