import { ArrowLeft } from "lucide-react";
import { data, useLoaderData, type LoaderFunctionArgs, type MetaArgs } from "react-router";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { POLICY_VERSION } from "#app/modules/members/member-registration.server.ts";
import { ButtonLink } from "#app/ui/button.tsx";
import { Card } from "#app/ui/card.tsx";
import { pageTitle } from "#app/ui/meta.ts";

// 隐私政策 and 用户协议 (/policies/privacy, /policies/terms): the texts a new member agrees to by
// ticking the registration's consent box; the version shown is the one stored with the consent.

const POLICIES = ["privacy", "terms"] as const;
type Policy = (typeof POLICIES)[number];
const SECTIONS = [1, 2, 3, 4, 5, 6] as const;

export function loader({ params }: LoaderFunctionArgs) {
  const policy = POLICIES.find((p) => p === params.policy);
  if (!policy) throw data(null, { status: 404 });
  return { policy, version: POLICY_VERSION };
}

export const meta = ({ matches, loaderData }: MetaArgs<typeof loader>) =>
  pageTitle(matches, loaderData ? (`members.policy.${loaderData.policy}.heading` as MessageKey) : "app.name");

const key = (policy: Policy, part: string) => `members.policy.${policy}.${part}` as MessageKey;

export default function PolicyPage() {
  const { policy, version } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <div className="mx-auto max-w-3xl space-y-6 px-4 py-10 sm:px-6">
      <ButtonLink to="/register" variant="ghost" size="sm">
        <ArrowLeft aria-hidden className="size-4" />
        {t("members.policy.back")}
      </ButtonLink>
      <Card className="space-y-6 p-6 sm:p-8">
        <header className="space-y-2">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t(key(policy, "heading"))}</h1>
          <p className="text-xs text-slate-500">{t("members.policy.version", { version })}</p>
          <p className="text-sm leading-6 text-slate-700">{t(key(policy, "intro"))}</p>
        </header>
        {SECTIONS.map((n) => (
          <section key={n} className="space-y-1.5">
            <h2 className="text-base font-semibold text-slate-900">
              {n}. {t(key(policy, `s${n}Title`))}
            </h2>
            <p className="text-sm leading-6 text-slate-700">{t(key(policy, `s${n}Body`))}</p>
          </section>
        ))}
      </Card>
    </div>
  );
}
