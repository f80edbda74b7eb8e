import type { LucideIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { FormValues } from "#app/modules/leads/portal-form-fields.ts";
import { Card } from "#app/ui/card.tsx";
import { FailureNotice, fieldErrors } from "#app/ui/form/index.ts";
import { CompanySection, ContactSection, HiddenFields, SubmitBar, type IntakeErrors } from "./intake-form.tsx";
import {
  IntakeBody,
  IntakeHero,
  NextStepsCard,
  SubmitterCard,
  SuccessPanel,
  UnavailablePanel,
} from "./intake-panels.tsx";

// One page for the three intake forms (来宾登记, 在线需求, 产品订购): hero, who is submitting, the
// form (the page's own sections around the shared contact and company sections), and the success
// and "not available" states. Each route passes only what differs.

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

export function IntakePage({
  path,
  hero,
  submitLabel,
  page,
  result,
  before,
  after,
  replaceForm,
}: {
  /** This page's URL: "submit another" and the sign-in link come back here. */
  path: string;
  hero: { icon: LucideIcon; eyebrow: string; title: string; lead: string };
  submitLabel: string;
  page: IntakePageData;
  result: IntakeActionData | undefined;
  /** Sections above the contact section (e.g. the requirement, the product picker). */
  before?: (slots: IntakeSlots) => ReactNode;
  /** Sections below the company section (e.g. an optional message). */
  after?: (slots: IntakeSlots) => ReactNode;
  /** Shown instead of the form when the page cannot take orders (e.g. no products). */
  replaceForm?: ReactNode;
}) {
  if (result?.status === "success" && "number" in result) {
    return <SuccessPanel number={result.number} ownerName={result.ownerName} againTo={path} />;
  }
  const slots: IntakeSlots = {
    values: result && "values" in result && result.values ? result.values : page.prefill,
    errors: fieldErrors(result),
  };
  return (
    <>
      <IntakeHero {...hero} />
      {!page.available || result?.status === "unavailable" ? (
        <UnavailablePanel />
      ) : (
        <IntakeBody intro={<SubmitterCard member={page.member} redirectTo={path} />} aside={<NextStepsCard />}>
          <Card className="relative overflow-hidden">
            {replaceForm ?? (
              <Form method="post" noValidate>
                <HiddenFields submissionId={page.submissionId} />
                <FailureNotice result={result} className="mx-5 mt-5 sm:mx-7" />
                {before?.(slots)}
                <ContactSection {...slots} />
                <CompanySection {...slots} />
                {after?.(slots)}
                <SubmitBar label={submitLabel} />
              </Form>
            )}
          </Card>
        </IntakeBody>
      )}
    </>
  );
}

/** The hero texts of an intake page from its i18n area (`intake.<area>.eyebrow|title|lead`). */
export function useIntakeHero(icon: LucideIcon, area: "guest" | "requirements" | "order") {
  const { t } = useI18n();
  return {
    icon,
    eyebrow: t(`intake.${area}.eyebrow`),
    title: t(`intake.${area}.title`),
    lead: t(`intake.${area}.lead`),
  };
}
