import { describe, expect, it } from "vitest";
import { buildNav } from "./nav.ts";

// #14 item 18: a sales rep who takes part in a campaign had no 营销战役 entry (it needed the
// campaigns browse grant); the layout now tells the nav about the participation.

const hrefs = (groups: ReturnType<typeof buildNav>) => groups.flatMap((g) => g.items.map((i) => i.to));

describe("buildNav: campaigns", () => {
  it("shows 营销战役 to a participant without the campaigns grant, right after the leads", () => {
    const groups = buildNav(["leads", "contacts"], false, {
      messagesUnread: null,
      canManageRules: false,
      campaignParticipant: true,
    });
    const marketing = groups.find((g) => g.label === "backoffice.nav.group.marketing");
    expect(marketing?.items.map((i) => i.to)).toEqual(["/crm/leads", "/crm/campaigns"]);
  });

  it("hides it from a non-participant without the grant, and lists it once with the grant", () => {
    expect(hrefs(buildNav(["leads"], false, { messagesUnread: null, canManageRules: false }))).not.toContain(
      "/crm/campaigns",
    );
    const both = hrefs(
      buildNav(["leads", "campaigns"], false, {
        messagesUnread: null,
        canManageRules: false,
        campaignParticipant: true,
      }),
    );
    expect(both.filter((to) => to === "/crm/campaigns")).toHaveLength(1);
  });
});
