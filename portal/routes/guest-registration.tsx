import { MessageSquareText, UserPlus } from "lucide-react";
import {
  Form,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { REQUIREMENT_MAX } from "#app/modules/leads/lead-submission.ts";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";
import {
  CompanySection,
  ContactSection,
  FormSection,
  HiddenFields,
  IntakeBody,
  IntakeHero,
  NextStepsCard,
  ResultAlert,
  SubmitBar,
  SubmitterCard,
  SuccessPanel,
  TextAreaField,
  UnavailablePanel,
} from "#portal/components/intake-form.tsx";
import { loadIntakePage, submitIntakePage } from "#portal/components/intake-route.server.ts";

// 来宾登记: visitors and members leave their contact and company details (and an optional message);
// the lead goes to the WEB-GUEST category's owner.

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "intake.guest.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "guest");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "guest");

export default function GuestRegistrationPage() {
  const { t } = useI18n();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.status === "success") {
    return <SuccessPanel number={result.number} ownerName={result.ownerName} againTo="/guest-registration" />;
  }
  const values = result && "values" in result ? result.values : page.prefill;
  const errors = result?.status === "invalid" ? result.errors : {};

  return (
    <>
      <IntakeHero
        icon={UserPlus}
        eyebrow={t("intake.guest.eyebrow")}
        title={t("intake.guest.title")}
        lead={t("intake.guest.lead")}
      />
      {!page.available || result?.status === "unavailable" ? (
        <UnavailablePanel />
      ) : (
        <IntakeBody
          intro={<SubmitterCard member={page.member} redirectTo="/guest-registration" />}
          aside={<NextStepsCard />}
        >
          <Card className="relative overflow-hidden">
            <Form method="post" noValidate>
              <HiddenFields submissionId={page.submissionId} />
              <ResultAlert result={result} />
              <ContactSection values={values} errors={errors} />
              <CompanySection values={values} errors={errors} />
              <FormSection icon={MessageSquareText} title={t("intake.guest.message")} optional>
                <TextAreaField
                  name="requirement"
                  label={t("intake.guest.message")}
                  placeholder={t("intake.guest.messagePlaceholder")}
                  values={values}
                  errors={errors}
                  rows={4}
                  maxLength={REQUIREMENT_MAX}
                  labelHidden
                />
              </FormSection>
              <SubmitBar label={t("intake.guest.submit")} />
            </Form>
          </Card>
        </IntakeBody>
      )}
    </>
  );
}
