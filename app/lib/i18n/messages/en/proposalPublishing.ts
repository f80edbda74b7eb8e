// Proposal approval and publishing, quote expiry (#18, decision 050).
export const proposalPublishing = {
  "proposals.col.status": "Status",
  "proposals.status.drafting": "Drafting",
  "proposals.status.pending_approval": "Pending approval",
  "proposals.status.approved": "Approved",
  "proposals.status.published": "Published",
  "proposals.action.submit": "Submit for approval",
  "proposals.action.publish": "Publish to the customer zone",
  "proposals.action.reopen": "Reopen for editing",
  "proposals.reviewComment": "Approvers' comment: {comment}",
  "proposals.readOnlyNote":
    "The proposal is pending approval or approved, so its content is fixed; reopen it to edit (it then needs approval again).",
  "proposals.publishedOn": "Published to the customer zone on {date}",
  "proposals.noZoneNote": "This company has no customer zone yet, so the proposal cannot be published.",
  "proposals.error.readOnly": "The proposal has been submitted or approved and can no longer be changed.",
  "proposals.error.noParts": "A proposal needs at least one part before it can be submitted.",
  "proposals.error.notApproved": "Only an approved proposal can be published.",
  "proposals.error.notReopenable": "Only an approved or published proposal can be reopened.",
  "proposals.zone.nav": "Proposals",
  "proposals.zone.description": "Proposals and solution documents we prepared for you (read-only).",
  "proposals.zone.empty": "No proposals have been published to you yet.",
  "proposals.zone.back": "Back to proposals",
  "proposals.zone.from": "From {name} · published {date}",
  "proposals.zone.contactOwner":
    "If you have questions about this proposal, please contact your sales representative {name}.",
  "quoteExpiry.notify": "Quote {number} “{title}” has expired",
  "quoteExpiry.notifyBody":
    "It was valid until {date} and the customer did not answer. Revise and resend it to continue.",
};
