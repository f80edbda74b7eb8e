import { BookOpenText, Plug, ShieldAlert } from "lucide-react";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { Translate } from "#app/lib/i18n/translate.ts";
import { Badge } from "#app/ui/badge.tsx";
import { SectionCard } from "#app/ui/section-card.tsx";
import { CopyButton } from "#backoffice/components/rules-ui.tsx";

// How a website calls the intake API for one registration category: the endpoint, a curl example
// with a placeholder key, the allowed origins, and the panel that shows a new key exactly once.

export function IssuedKeyPanel({
  issued,
  endpoint,
}: {
  issued: { key: string; name: string; rotated: boolean };
  endpoint: string;
}) {
  const { t } = useI18n();
  return (
    <section
      aria-labelledby="issued-key-title"
      data-testid="issued-key"
      className="rounded-xl border border-amber-300 bg-gradient-to-b from-amber-50 to-white p-5 shadow-sm ring-4 ring-amber-100"
    >
      <div className="flex items-start gap-3">
        <span className="flex size-9 shrink-0 items-center justify-center rounded-lg bg-amber-100 text-amber-700">
          <ShieldAlert aria-hidden className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <h2 id="issued-key-title" className="text-base font-semibold text-slate-900">
            {t(issued.rotated ? "rules.keys.issued.rotatedTitle" : "rules.keys.issued.title", { name: issued.name })}
          </h2>
          <p className="mt-1 text-sm leading-6 text-amber-900">{t("rules.keys.issued.warning")}</p>
        </div>
      </div>
      <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          data-testid="issued-key-value"
          className="block min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-sm break-all text-slate-900 select-all"
        >
          {issued.key}
        </code>
        <CopyButton text={issued.key} label={t("rules.copy.key")} />
      </div>
      <p className="mt-3 text-xs leading-5 text-slate-500">{t("rules.keys.issued.usage", { endpoint })}</p>
    </section>
  );
}

function curlExample(endpoint: string, t: Translate): string {
  const body = {
    contact: { name: t("rules.api.sample.name"), email: "zhang.san@example.com", mobile: "13800138000" },
    company: { name: t("rules.api.sample.company"), city: t("rules.api.sample.city") },
    requirement: t("rules.api.sample.requirement"),
  };
  return [
    `curl -X POST '${endpoint}' \\`,
    `  -H 'Authorization: Bearer <${t("rules.api.keyPlaceholder")}>' \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H 'Idempotency-Key: 2d6f0c8e-form-0001' \\`,
    // Body indented under the command; single quotes escaped the POSIX-shell way.
    `  -d '${JSON.stringify(body, null, 2).replace(/'/g, "'\\''").split("\n").join("\n  ")}'`,
  ].join("\n");
}

export function CategoryApiCard({ endpoint, origins, t }: { endpoint: string; origins: string[]; t: Translate }) {
  const curl = curlExample(endpoint, t);
  return (
    <SectionCard icon={Plug} title={t("rules.api.title")} description={t("rules.api.description")} flush>
      <div className="space-y-4 p-5 text-sm">
        <div>
          <p className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">{t("rules.api.endpoint")}</p>
          <p className="flex flex-wrap items-center gap-2 rounded-lg bg-slate-50 px-3 py-2 font-mono text-[13px] text-slate-800 ring-1 ring-slate-200">
            <Badge tone="green">POST</Badge>
            <span className="break-all select-all">{endpoint}</span>
          </p>
        </div>
        <div>
          <div className="mb-1.5 flex items-center justify-between gap-2">
            <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("rules.api.example")}</p>
            <CopyButton text={curl} label={t("rules.copy.curl")} />
          </div>
          <pre
            data-testid="curl-example"
            className="overflow-x-auto rounded-lg bg-slate-950 p-4 font-mono text-xs leading-5 whitespace-pre text-slate-100 select-all"
          >
            {curl}
          </pre>
        </div>
        <div>
          <p className="mb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase">{t("rules.api.origins")}</p>
          {origins.length > 0 ? (
            <ul className="space-y-1 font-mono text-[13px] text-slate-700">
              {origins.map((o) => (
                <li key={o} className="break-all">
                  {o}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-500">{t("rules.api.noOrigins")}</p>
          )}
        </div>
        <a
          href="/api/v1/openapi.json"
          target="_blank"
          rel="noreferrer"
          className="inline-flex items-center gap-1.5 font-medium text-blue-700 hover:underline"
        >
          <BookOpenText aria-hidden className="size-4" />
          {t("rules.api.docs")}
        </a>
      </div>
    </SectionCard>
  );
}
