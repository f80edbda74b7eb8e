import {
  ClipboardList,
  MessageSquareText,
  NotebookPen,
  Send,
  ShoppingCart,
  UserPlus,
  type LucideIcon,
} from "lucide-react";
import type { ComponentProps, ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { REQUIREMENT_MAX } from "#app/modules/leads/intake/lead-submission.ts";
import type { FormValues } from "#app/modules/leads/intake/portal-form-fields.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import {
  CompanySection,
  ContactSection,
  HiddenFields,
  SubmitBar,
  TextSection,
  type IntakeErrors,
} from "./intake-form.tsx";
import { IntakeBody, NextStepsCard, SubmitterCard, SuccessPanel, UnavailablePanel } from "./intake-panels.tsx";
import { PageHero } from "./page-hero.tsx";

// One page for the three intake forms (来宾登记, 在线需求, 产品订购): hero, who is submitting, the
// form (contact and company sections, the free-text section, the order's product picker), and the
// success and "not available" states. What differs per page is the VARIANTS table below.

export interface IntakePageData {
  available: boolean;
  submissionId: string;
  prefill: FormValues;
  member: { nickname: string } | null;
}

/** What the intake action answers (intake-route.server.ts), as the page reads it. */
export type IntakeActionData =
  | { status: "success"; number: string; ownerName: string }
  | { status: "unavailable" }
  | { status: string; values?: Record<string, string> };

export interface IntakeSlots {
  values: FormValues;
  errors: IntakeErrors;
}

type IntakeKind = "guest" | "requirement" | "order";

/** What differs between the three pages: URL, hero, i18n area, and where the free-text section sits. */
const VARIANTS: Record<
  IntakeKind,
  {
    path: string;
    icon: LucideIcon;
    area: "guest" | "requirements" | "order";
    text: Omit<ComponentProps<typeof TextSection>, "values" | "errors" | "title" | "label" | "placeholder"> & {
      first: boolean;
      title: MessageKey;
      label: MessageKey;
      placeholder: MessageKey;
    };
  }
> = {
  guest: {
    path: "/guest-registration",
    icon: UserPlus,
    area: "guest",
    text: {
      first: false,
      icon: MessageSquareText,
      title: "intake.guest.message",
      label: "intake.guest.message",
      placeholder: "intake.guest.messagePlaceholder",
      rows: 4,
      maxLength: REQUIREMENT_MAX,
    },
  },
  requirement: {
    path: "/requirements",
    icon: Send,
    area: "requirements",
    text: {
      first: true,
      icon: ClipboardList,
      title: "intake.requirements.section",
      label: "intake.requirements.requirement",
      placeholder: "intake.requirements.requirementPlaceholder",
      rows: 6,
      maxLength: REQUIREMENT_MAX,
      required: true,
    },
  },
  order: {
    path: "/order",
    icon: ShoppingCart,
    area: "order",
    text: {
      first: false,
      icon: NotebookPen,
      title: "intake.order.remarks",
      label: "intake.order.remarks",
      placeholder: "intake.order.remarksPlaceholder",
      rows: 3,
      maxLength: REQUIREMENT_MAX,
    },
  },
};

export function IntakePage({
  kind,
  page,
  result,
  picker,
  replaceForm,
  afterSubmit,
}: {
  kind: IntakeKind;
  page: IntakePageData;
  result: IntakeActionData | undefined;
  /** The product picker of 产品订购, above the contact section. */
  picker?: (slots: IntakeSlots) => ReactNode;
  /** Shown instead of the form when the page cannot take submissions (e.g. no products). */
  replaceForm?: ReactNode;
  /** Inside the form after the submit bar (产品订购's 保存预算): Enter still submits the form itself. */
  afterSubmit?: (slots: IntakeSlots) => ReactNode;
}) {
  const { t } = useI18n();
  const { path, icon, area, text } = VARIANTS[kind];
  if (result?.status === "success" && "number" in result) {
    return <SuccessPanel number={result.number} ownerName={result.ownerName} againTo={path} />;
  }
  const slots: IntakeSlots = {
    values: result && "values" in result && result.values ? result.values : page.prefill,
    errors: fieldErrors(result),
  };
  const { first, title, label, placeholder, ...textProps } = text;
  const textSection = (
    <TextSection {...slots} {...textProps} title={t(title)} label={t(label)} placeholder={t(placeholder)} />
  );
  return (
    <>
      <PageHero
        icon={icon}
        eyebrow={t(`intake.${area}.eyebrow`)}
        title={t(`intake.${area}.title`)}
        lead={t(`intake.${area}.lead`)}
      />
      {!page.available || result?.status === "unavailable" ? (
        <UnavailablePanel />
      ) : (
        <IntakeBody intro={<SubmitterCard member={page.member} redirectTo={path} />} aside={<NextStepsCard />}>
          <Card className="relative overflow-hidden">
            {replaceForm ?? (
              <Form method="post" noValidate>
                <HiddenFields submissionId={page.submissionId} />
                <FailureNotice result={result} className="mx-5 mt-5 sm:mx-7" />
                {picker?.(slots)}
                {first ? textSection : null}
                <ContactSection {...slots} />
                <CompanySection {...slots} />
                {first ? null : textSection}
                <SubmitBar label={t(`intake.${area}.submit`)} />
                {afterSubmit?.(slots)}
              </Form>
            )}
          </Card>
        </IntakeBody>
      )}
    </>
  );
}
