import type { leads as zh } from "../zh-CN/leads.ts";

export const leads: Record<keyof typeof zh, string> = {
  "leads.error.contactOrCompany":
    "Enter at least a contact (name, e-mail or phone) or a company name: a lead needs a contact or a company.",
  "leads.error.required": "This field is required.",
  "leads.error.invalid": "This value is not valid.",
  "leads.error.tooLong": "This is too long.",
  "leads.error.invalidEmail": "Enter a valid e-mail address.",
  "leads.error.invalidPhone": "Enter a valid phone number (at least 5 digits).",
  "leads.error.requirementTooLong": "The requirement can be at most 5000 characters.",
  "leads.error.quantity": "The quantity must be a whole number from 1 to 100000.",
  "leads.error.tooManyItems": "At most 50 products per submission.",
  "leads.error.unknownSku": "There is no product with this SKU, or it is no longer offered.",
  "leads.error.categoryUnavailable": "This registration category does not exist or is inactive.",
  "leads.error.ownerNotFound": "Choose a valid owner.",

  "leads.status.new": "New",
  "leads.status.assigned": "Distributed",
  "leads.status.contacted": "Contacted",
  "leads.status.qualified": "Qualified",
  "leads.status.converted": "Converted",
  "leads.status.closed": "Closed",

  "leads.routedBy.token-group": "Token rotation",
  "leads.routedBy.campaign-owner": "Campaign owner",
  "leads.routedBy.default-owner": "Designated person",
  "leads.routedBy.manual": "Chosen by hand",

  "leads.source.portal": "Website",
  "leads.source.api": "Intake API",
  "leads.source.staff": "Staff entry",
  "leads.source.forum": "Training classroom",

  "leads.routing.step.token-turn": "Token group \u201c{group}\u201d: turn of position {position}, {name}",
  "leads.routing.step.group-empty": "Token group \u201c{group}\u201d has no members; next rule",
  "leads.routing.step.group-no-eligible":
    "Nobody in token group \u201c{group}\u201d is available (away or deactivated); next rule",
  "leads.routing.step.no-token-group": "No token group bound",
  "leads.routing.step.campaign-owner": "Owner of campaign \u201c{campaign}\u201d: {name}",
  "leads.routing.step.campaign-owner-unavailable":
    "The owner of campaign \u201c{campaign}\u201d, {name}, is away or deactivated; designated person",
  "leads.routing.step.designated": "Designated person of the category: {name}",
  "leads.routing.step.manual": "Owner chosen by staff: {name}",
  "leads.routing.skipped": "Skipped: {name} ({reason})",
  "leads.routing.skip.member-inactive": "deactivated in the token group",
  "leads.routing.skip.staff-away": "away",
  "leads.routing.skip.staff-inactive": "account deactivated",

  "leads.match.contact": "Contact",
  "leads.match.company": "Company",

  "leads.notification.newLead": "New lead: {who}",
  "leads.notification.body": "Source: {source}. {requirement}",
};
