import { ClipboardList, Send } from "lucide-react";
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

// 在线需求: visitors and members describe what they need; the lead goes to the WEB-REQ category's owner.

export const meta = ({ matches }: MetaArgs) => pageTitle(matches, "intake.requirements.title");

export const loader = (args: LoaderFunctionArgs) => loadIntakePage(args, "requirement");

export const action = (args: ActionFunctionArgs) => submitIntakePage(args, "requirement");

export default function RequirementsPage() {
  const { t } = useI18n();
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();

  if (result?.status === "success") {
    return <SuccessPanel number={result.number} ownerName={result.ownerName} againTo="/requirements" />;
  }
  const values = result && "values" in result ? result.values : page.prefill;
  const errors = result?.status === "invalid" ? result.errors : {};

  return (
    <>
      <IntakeHero
        icon={Send}
        eyebrow={t("intake.requirements.eyebrow")}
        title={t("intake.requirements.title")}
        lead={t("intake.requirements.lead")}
      />
      {!page.available || result?.status === "unavailable" ? (
        <UnavailablePanel />
      ) : (
        <IntakeBody intro={<SubmitterCard member={page.member} redirectTo="/requirements" />} aside={<NextStepsCard />}>
          <Card className="relative overflow-hidden">
            <Form method="post" noValidate>
              <HiddenFields submissionId={page.submissionId} />
              <ResultAlert result={result} />
              <FormSection icon={ClipboardList} title={t("intake.requirements.section")}>
                <TextAreaField
                  name="requirement"
                  label={t("intake.requirements.requirement")}
                  placeholder={t("intake.requirements.requirementPlaceholder")}
                  values={values}
                  errors={errors}
                  rows={6}
                  maxLength={REQUIREMENT_MAX}
                  required
                />
              </FormSection>
              <ContactSection values={values} errors={errors} />
              <CompanySection values={values} errors={errors} />
              <SubmitBar label={t("intake.requirements.submit")} />
            </Form>
          </Card>
        </IntakeBody>
      )}
    </>
  );
}
