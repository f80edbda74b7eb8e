// 线索来源 (lead source): a code of the admin's lead_source system table, stored on Lead.sourceCode.
// `Lead.source` stays the intake channel (portal / api / staff / forum): it decides who the history
// names as the creator and must not change. The source is what marketing reports on: intake sets it
// from the channel (this mapping), staff entering a lead by hand may pick another one, and whoever
// may edit the lead's requirement may change it later (lead-source.server.ts).

export type IntakeChannel = "portal" | "api" | "staff" | "forum";

/** The source a new lead gets when nobody picked one: the channel's own code in the starting table. */
export const LEAD_SOURCE_BY_CHANNEL: Readonly<Record<IntakeChannel, string>> = {
  portal: "portal",
  api: "api",
  staff: "staff",
  forum: "forum",
};

export function leadSourceForChannel(channel: IntakeChannel): string {
  return LEAD_SOURCE_BY_CHANNEL[channel];
}
