import { BarChart3 } from "lucide-react";
import {
  data,
  useActionData,
  useLoaderData,
  useNavigation,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "react-router";
import { db } from "#app/lib/db.server.ts";
import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import type { MessageKey } from "#app/lib/i18n/translate.ts";
import { requireZoneAccess } from "#app/modules/zones/zone-access.server.ts";
import { castVote, listPollsForMember, type VoteResult } from "#app/modules/zones/zone-polls.server.ts";
import { titleMeta } from "#app/ui/meta.ts";
import { EmptyCard } from "#app/ui/empty-card.tsx";
import { AccountPageHeader } from "#portal/components/account-ui.tsx";
import { PollCard } from "#portal/components/zone/poll-card.tsx";
import { ZoneShell } from "#portal/components/zone-ui.tsx";

// 专区投票: the zone's polls; one vote per member, results once voted or closed.

export async function loader({ request }: LoaderFunctionArgs) {
  const { zone, member } = await requireZoneAccess(request);
  return { zoneName: zone.name, polls: await listPollsForMember(db, zone.id, member.id) };
}

const VOTE_ERRORS: Record<Exclude<VoteResult, { ok: true }>["reason"], MessageKey> = {
  "not-found": "knowledge.poll.error.notFound",
  "not-member": "knowledge.poll.error.notMember",
  closed: "knowledge.poll.error.closed",
  "already-voted": "knowledge.poll.error.alreadyVoted",
  "invalid-option": "common.chooseAnOption",
};

export async function action({ request }: ActionFunctionArgs) {
  const { zone, member } = await requireZoneAccess(request);
  const form = await request.formData();
  const pollId = Number(form.get("pollId"));
  const optionId = Number(form.get("optionId"));
  if (!Number.isInteger(pollId) || pollId <= 0)
    return data({ pollId: 0, error: VOTE_ERRORS["not-found"] }, { status: 404 });
  if (!Number.isInteger(optionId) || optionId <= 0) {
    return data({ pollId, error: "common.chooseAnOption" as MessageKey }, { status: 400 });
  }
  const result = await castVote(db, { memberId: member.id, zoneId: zone.id }, pollId, optionId);
  if (result.ok) return { pollId, error: null };
  const status = result.reason === "not-found" ? 404 : result.reason === "not-member" ? 403 : 409;
  return data({ pollId, error: VOTE_ERRORS[result.reason] }, { status });
}

export const meta = titleMeta("knowledge.poll.title");

export default function ZonePollsPage() {
  const { zoneName, polls } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useI18n();
  return (
    <ZoneShell zoneName={zoneName} narrow>
      <AccountPageHeader title={t("knowledge.poll.title")} description={t("knowledge.poll.lead")} />

      {polls.length === 0 ? (
        <EmptyCard
          icon={BarChart3}
          title={t("knowledge.poll.empty.title")}
          description={t("knowledge.poll.empty.body")}
        />
      ) : (
        polls.map((poll) => {
          const error = actionData?.pollId === poll.id ? actionData.error : null;
          const thanks = actionData?.pollId === poll.id && !actionData.error;
          const submitting =
            navigation.state === "submitting" && navigation.formData?.get("pollId") === String(poll.id);
          return <PollCard key={poll.id} poll={poll} error={error} thanks={thanks} submitting={submitting} />;
        })
      )}
    </ZoneShell>
  );
}
