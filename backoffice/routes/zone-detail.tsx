import {
  data,
  useActionData,
  useLoaderData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaArgs,
} from "react-router";
import { z } from "zod";
import { db } from "#app/lib/db.server.ts";
import type { FlashKey } from "#app/lib/flash.ts";
import { formIntent, parseForm, requireIdParam } from "#app/lib/forms.server.ts";
import { IdParam, trimmedText } from "#app/lib/schemas.ts";
import { fail, invalid, respond, type ServiceResult } from "#app/lib/service-result.ts";
import type { StaffActor } from "#app/modules/auth/staff-actor.ts";
import { requireStaffActor } from "#app/modules/auth/staff-guard.server.ts";
import { zoneResult, type ZoneMessages } from "#app/modules/zones/zone-result.ts";
import { getZoneWorkspace, mayWorkOnZone } from "#app/modules/zones/zone-workspace.server.ts";
import {
  addZoneManager,
  confirmMembership,
  declineMembership,
  deleteAnnouncement,
  inviteToZone,
  postAnnouncement,
  removeMembership,
  removeZoneManager,
  setCustomerAdmin,
} from "#app/modules/zones/zones.server.ts";
import { FailureNotice } from "#app/ui/form/index.ts";
import { pageTitle } from "#app/ui/meta.ts";
import { loadRecordPage } from "#backoffice/components/record-page.server.ts";
import { ShellErrorBoundary } from "#backoffice/components/shell-error-boundary.tsx";
import { ZoneAnnouncements } from "#backoffice/components/zones/zone-announcements.tsx";
import { ZoneHeader } from "#backoffice/components/zones/zone-header.tsx";
import { PendingEntries, ZoneCsrs, ZoneMembers } from "#backoffice/components/zones/zone-people.tsx";

// One zone in the back office: its CSRs, its members (pending entries first, highlighted: the CSR's
// confirmation is the second key of the double confirmation), customer admins, and announcements.
// The services take the zone id from the URL and refuse ids of another zone themselves.

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadRecordPage(request, { module: "service", action: "browse" }, params.zoneId, getZoneWorkspace);
}

const MESSAGES: ZoneMessages = {
  forbidden: "zones.bo.zone.error.forbidden",
  "invalid-state": "zones.bo.zone.error.state",
  "already-member": "zones.bo.zone.error.already",
  "already-pending": "zones.bo.zone.error.already",
  "wrong-company": "zones.bo.zone.error.company",
  "not-found": "zones.bo.zone.error.state",
  fallback: "zones.bo.zone.error.input",
};

const Membership = z.object({ membershipId: IdParam });
const Member = z.object({ memberId: IdParam });
const Staff = z.object({ staffId: IdParam });
const Announcement = z.object({ title: trimmedText(200), body: trimmedText(5000) });
const AnnouncementId = z.object({ announcementId: IdParam });

type Context = { zoneId: number; staff: StaffActor; form: FormData };
type Intent = (c: Context) => Promise<ServiceResult<FlashKey>>;

/** Runs a zone service with the parsed form; its success is the confirmation to flash. */
async function change<S extends z.ZodType>(
  form: FormData,
  schema: S,
  work: (input: z.output<S>) => Promise<FlashKey>,
): Promise<ServiceResult<FlashKey>> {
  const input = await parseForm(form, schema);
  return input.status === "ok" ? zoneResult(work(input.value), MESSAGES) : input;
}

const flashed = (key: FlashKey) => () => key;

/** Each intent: the form it reads, the service it calls and the confirmation it flashes. */
const INTENTS: Record<string, Intent> = {
  confirm: ({ zoneId, staff, form }) =>
    change(form, Membership, (input) =>
      confirmMembership(db, { zoneId, ...input, actor: { type: "staff", staff } }).then(({ status }) =>
        status === "active" ? "flash.zones.active" : "flash.zones.staffConfirmed",
      ),
    ),
  decline: ({ zoneId, staff, form }) =>
    change(form, Membership, (input) =>
      declineMembership(db, { zoneId, ...input, actor: { type: "staff", staff } }).then(
        flashed("flash.zones.declined"),
      ),
    ),
  remove: ({ zoneId, staff, form }) =>
    change(form, Membership, (input) =>
      removeMembership(db, { zoneId, ...input, actor: { type: "staff", staff } }).then(flashed("flash.zones.removed")),
    ),
  invite: ({ zoneId, staff, form }) =>
    change(form, Member, (input) =>
      inviteToZone(db, { zoneId, ...input, actor: { type: "staff", staff } }).then(flashed("flash.zones.invited")),
    ),
  appoint: ({ zoneId, staff, form }) =>
    change(form, Member, (input) =>
      setCustomerAdmin(db, { zoneId, ...input, appoint: true, actor: staff }).then(flashed("flash.saved")),
    ),
  revoke: ({ zoneId, staff, form }) =>
    change(form, Member, (input) =>
      setCustomerAdmin(db, { zoneId, ...input, appoint: false, actor: staff }).then(flashed("flash.saved")),
    ),
  addManager: ({ zoneId, staff, form }) =>
    change(form, Staff, (input) => addZoneManager(db, { zoneId, ...input, actor: staff }).then(flashed("flash.saved"))),
  removeManager: ({ zoneId, staff, form }) =>
    change(form, Staff, (input) =>
      removeZoneManager(db, { zoneId, ...input, actor: staff }).then(flashed("flash.saved")),
    ),
  announce: ({ zoneId, staff, form }) =>
    change(form, Announcement, (input) =>
      postAnnouncement(db, { zoneId, ...input, actor: staff }).then(flashed("flash.zones.announced")),
    ),
  deleteAnnouncement: ({ zoneId, staff, form }) =>
    change(form, AnnouncementId, (input) =>
      deleteAnnouncement(db, { zoneId, ...input, actor: staff }).then(flashed("flash.deleted")),
    ),
};

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireStaffActor(request, { module: "service", action: "modify" });
  const zoneId = requireIdParam(params.zoneId);
  if (!(await mayWorkOnZone(db, actor, zoneId, "modify"))) throw data(null, { status: 404 });
  const form = await request.formData();
  const run = INTENTS[formIntent(form)];
  if (!run) return fail(invalid({}, ["zones.bo.zone.error.input"]));
  return respond(await run({ zoneId, staff: actor, form }), { successTo: `/crm/zones/${zoneId}`, flash: (key) => key });
}

export const meta = ({ matches, data: d }: MetaArgs) => {
  const name = d && typeof d === "object" && "zone" in d ? (d as { zone: { name: string } }).zone.name : "";
  return pageTitle(matches, "zones.bo.zone.pageTitle", { name });
};

export default function ZoneDetail() {
  const { zone, capabilities, pickers, counts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { canModify } = capabilities;
  return (
    <div className="space-y-6">
      <ZoneHeader zone={zone} counts={counts} />
      <FailureNotice result={failure} />
      <PendingEntries pending={zone.pending} canModify={canModify} />
      <div className="grid gap-6 lg:grid-cols-[3fr_2fr]">
        <ZoneMembers active={zone.active} invitable={pickers.invitable} canModify={canModify} />
        <ZoneCsrs managers={zone.managers} candidates={pickers.csrCandidates} canModify={canModify} />
      </div>
      <ZoneAnnouncements announcements={zone.announcements} canModify={canModify} />
    </div>
  );
}

export function ErrorBoundary() {
  return <ShellErrorBoundary back="/crm/zones" backLabel="zones.bo.zone.back" texts="zones.bo" />;
}
