import type { MessageKey } from "../zh-CN/index.ts";
import { auth } from "./auth.ts";
import { backoffice } from "./backoffice.ts";
import { common } from "./common.ts";
import { mail } from "./mail.ts";
import { portal } from "./portal.ts";
import { members } from "./members.ts";
import { policies } from "./policies.ts";
import { account } from "./account.ts";
import { memberAdmin } from "./memberAdmin.ts";
import { messages } from "./messages.ts";
import { intake } from "./intake.ts";
import { leads } from "./leads.ts";
import { rules } from "./rules.ts";
import { leadInbox } from "./leadInbox.ts";
import { leadWork } from "./leadWork.ts";
import { distribution } from "./distribution.ts";
import { sales } from "./sales.ts";
import { opportunities } from "./opportunities.ts";
import { matching } from "./matching.ts";
import { search } from "./search.ts";
import { searchQuality } from "./searchQuality.ts";
import { zones } from "./zones.ts";
import { service } from "./service.ts";
import { knowledge } from "./knowledge.ts";
import { forum } from "./forum.ts";
import { forumNotify } from "./forumNotify.ts";
import { courseware } from "./courseware.ts";
import { forumMod } from "./forumMod.ts";
import { forumSearch } from "./forumSearch.ts";
import { list } from "./list.ts";
import { forms } from "./forms.ts";
import { flash } from "./flash.ts";
import { records } from "./records.ts";
import { companies } from "./companies.ts";
import { contacts } from "./contacts.ts";
import { recordAdmin } from "./recordAdmin.ts";
import { adminStaff } from "./adminStaff.ts";
import { adminRoles } from "./adminRoles.ts";
import { adminSystem } from "./adminSystem.ts";
import { catalog } from "./catalog.ts";
import { adminEnums } from "./adminEnums.ts";
import { stageEditor } from "./stageEditor.ts";
import { opportunityTotals } from "./opportunityTotals.ts";
import { portalCatalog } from "./portalCatalog.ts";
import { quotes } from "./quotes.ts";
import { contracts } from "./contracts.ts";
import { proposalPublishing } from "./proposalPublishing.ts";
import { orders } from "./orders.ts";
import { catalogImages } from "./catalogImages.ts";

export const en: Record<MessageKey, string> = {
  ...common,
  ...portal,
  ...backoffice,
  ...auth,
  ...mail,
  ...members,
  ...policies,
  ...account,
  ...memberAdmin,
  ...messages,
  ...intake,
  ...leads,
  ...rules,
  ...leadInbox,
  ...leadWork,
  ...distribution,
  ...sales,
  ...opportunities,
  ...matching,
  ...search,
  ...searchQuality,
  ...zones,
  ...service,
  ...knowledge,
  ...forum,
  ...forumNotify,
  ...courseware,
  ...forumMod,
  ...forumSearch,
  ...list,
  ...forms,
  ...flash,
  ...records,
  ...companies,
  ...contacts,
  ...recordAdmin,
  ...adminStaff,
  ...adminRoles,
  ...adminSystem,
  ...catalog,
  ...adminEnums,
  ...stageEditor,
  ...opportunityTotals,
  ...portalCatalog,
  ...quotes,
  ...contracts,
  ...proposalPublishing,
  ...orders,
  ...catalogImages,
};
