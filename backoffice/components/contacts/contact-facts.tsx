import { Link } from "react-router";
import { formatCalendarDate, formatDateTime } from "#app/lib/format/dates.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { ContactDetail } from "#app/modules/crm/contacts/contact-workspace.server.ts";
import { lookupChoiceLabel, type LookupChoice } from "#app/modules/crm/lookup-choices.ts";
import { FactList } from "#app/ui/records/fact-list.tsx";
import { contactPath } from "./contact-columns.tsx";

// The overview tab's facts: every field of the contact, read-only (称呼 labelled by its system table).

export function ContactFacts({
  contact,
  salutations = [],
}: {
  contact: ContactDetail;
  salutations?: readonly LookupChoice[];
}) {
  const { t, locale } = useI18n();
  const optOuts = [
    contact.optOutEmail ? t("contacts.optOut.email") : null,
    contact.optOutSms ? t("contacts.optOut.sms") : null,
    contact.optOutCall ? t("contacts.optOut.call") : null,
  ].filter(Boolean);
  const company = contact.company
    ? contact.company.name
    : t(contact.noCompany ? "contacts.company.none" : "contacts.company.unknown");
  const channel = contact.preferredChannel as `${"phone" | "mobile" | "email" | "sms" | "wechat" | "mail"}` | null;
  return (
    <FactList
      layout="grid"
      className="lg:grid-cols-3"
      facts={[
        { label: t("contacts.field.familyName"), value: contact.familyName },
        { label: t("contacts.field.givenName"), value: contact.givenName },
        { label: t("contacts.field.salutation"), value: lookupChoiceLabel(salutations, contact.salutation, locale) },
        { label: t("contacts.field.title"), value: contact.title },
        { label: t("contacts.field.department"), value: contact.department },
        { label: t("contacts.field.company"), value: company },
        {
          label: t("contacts.field.reportsTo"),
          value:
            contact.reportsTo && !contact.reportsTo.deletedAt ? (
              <Link to={contactPath(contact.reportsTo.id)} className="text-blue-700 hover:underline">
                {contact.reportsTo.fullName}
              </Link>
            ) : null,
        },
        { label: t("contacts.field.mobile"), value: contact.mobile },
        { label: t("contacts.field.phone"), value: contact.phone },
        { label: t("contacts.field.homePhone"), value: contact.homePhone },
        { label: t("contacts.field.fax"), value: contact.fax },
        { label: t("contacts.field.email"), value: contact.email },
        { label: t("contacts.field.email2"), value: contact.email2 },
        {
          label: t("contacts.field.region"),
          value: [contact.province, contact.city, contact.district].filter(Boolean).join(" "),
        },
        { label: t("contacts.field.address"), value: contact.address },
        { label: t("contacts.field.postcode"), value: contact.postcode },
        {
          label: t("contacts.field.birthday"),
          value: contact.birthday ? formatCalendarDate(contact.birthday, locale) : null,
        },
        { label: t("contacts.field.preferredChannel"), value: channel ? t(`contacts.channel.${channel}`) : null },
        { label: t("contacts.field.optOuts"), value: optOuts.join("、") },
        { label: t("contacts.field.owner"), value: contact.owner?.name },
        { label: t("contacts.field.created"), value: formatDateTime(contact.createdAt, locale) },
        { label: t("contacts.field.updated"), value: formatDateTime(contact.updatedAt, locale) },
      ]}
    />
  );
}
