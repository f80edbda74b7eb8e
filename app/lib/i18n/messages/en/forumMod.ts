// Forum moderation remainder (#17 item 4, decision 041): reports, the moderation queue, new-member
// limits, rate limits and the sensitive-word list.
export const forumMod = {
  // Errors (a refusal stores nothing)
  "forumMod.error.blockedWord": "Your text contains a word that is not allowed. Please change it and submit again.",
  "forumMod.error.links":
    "New members cannot post links (web addresses) yet. Please remove the link and submit again; links unlock as you take part.",
  "forumMod.error.rateLimited": "You are posting too often. Please try again in {minutes} min.",
  "forumMod.error.reason": "Please choose a reason for the report.",
  "forumMod.error.ownPost": "You cannot report your own post.",
  "forumMod.error.alreadyReported": "You have already reported this post; we will look at it soon.",
  "forumMod.error.word": "Enter a word of 1–50 characters (not only spaces or punctuation).",
  "forumMod.error.action": "Choose what happens on a match.",
  "forumMod.error.wordExists": "This word is already listed (full-/half-width and case count as the same word).",
  "forumMod.error.number": "Enter a whole number within the range.",

  // Held for review
  "forumMod.held": "Awaiting review",
  "forumMod.heldNotice": "Awaiting review: other members will see it once a moderator approves it.",

  // Reporting
  "forumMod.report": "Report",
  "forumMod.report.reasonLabel": "Reason",
  "forumMod.report.reason.spam": "Spam",
  "forumMod.report.reason.abuse": "Abuse or personal attack",
  "forumMod.report.reason.advert": "Advertising",
  "forumMod.report.reason.offTopic": "Off topic",
  "forumMod.report.reason.other": "Other",
  "forumMod.report.note": "Details (optional)",
  "forumMod.report.submit": "Send report",

  // Queue
  "forumMod.queue.title": "Moderation queue",
  "forumMod.queue.description":
    "Reported posts grouped per post; posts by new members and posts with a review word wait here for approval.",
  "forumMod.queue.reported": "Reported posts",
  "forumMod.queue.held": "Posts awaiting review",
  "forumMod.queue.noReports": "No open reports",
  "forumMod.queue.noHeld": "No posts awaiting review",
  "forumMod.queue.reports": "{count} reports",
  "forumMod.queue.reply": "Reply",
  "forumMod.queue.question": "Question",
  "forumMod.queue.dismiss": "Dismiss reports",
  "forumMod.queue.hide": "Hide post",
  "forumMod.queue.delete": "Delete post",
  "forumMod.queue.approve": "Approve",
  "forumMod.queue.approveTrust": "Approve and trust member",
  "forumMod.queue.reject": "Reject",
  "forumMod.queue.hiddenPosts": "Hidden posts",

  // Settings
  "forumMod.settings.title": "Forum settings",
  "forumMod.settings.description":
    "New-member limits, posting rates and sensitive words. Changes apply at once and are audited.",
  "forumMod.settings.limits": "Posting limits",
  "forumMod.settings.heldPosts": "New members' first posts held for review",
  "forumMod.settings.heldPostsHint":
    "While a member has fewer approved posts than this, new posts wait in the queue; 0 turns holding off.",
  "forumMod.settings.linkMinPosts": "Trust threshold for links (approved posts)",
  "forumMod.settings.linkMinPostsHint":
    "Below the threshold, text with a link is refused with an explanation; 0 allows links for everyone.",
  "forumMod.settings.threadsPerHour": "Questions per hour",
  "forumMod.settings.repliesPerMinute": "Replies per minute",
  "forumMod.settings.repliesPerHour": "Replies per hour",
  "forumMod.settings.zeroOff": "0 means no limit.",
  "forumMod.settings.words": "Sensitive words",
  "forumMod.settings.wordsHint":
    "Matching ignores full-/half-width, case and spaces or punctuation between characters. Block: refuse; replace: mask with ＊; hold: send to the queue.",
  "forumMod.settings.word": "Word",
  "forumMod.settings.action": "Action",
  "forumMod.settings.noWords": "No sensitive words yet",
  "forumMod.word.block": "Block",
  "forumMod.word.replace": "Replace with ＊",
  "forumMod.word.hold": "Hold for review",
} as const;
