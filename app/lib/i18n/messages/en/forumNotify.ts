import type { forumNotify as zh } from "../zh-CN/forumNotify.ts";

export const forumNotify: Record<keyof typeof zh, string> = {
  "forumNotify.mail.notification": "Forum notification",
  "forumNotify.mail.digest": "Forum daily digest",
  "forumNotify.nav": "Forum notifications",
  "forumNotify.watchClassroom": "Follow classroom",
  "forumNotify.unwatchClassroom": "Unfollow classroom",
  "forumNotify.message.subject": "Training classroom notices",
  "forumNotify.message.reply": '{author} replied in "{title}", a question you follow',
  "forumNotify.message.thread": '{author} asked "{title}" in a classroom you follow',
  "forumNotify.message.mention": '{author} mentioned you in "{title}"',
  "forumNotify.account.title": "Forum notifications",
  "forumNotify.account.intro":
    "When a question you follow gets an answer, a classroom you follow gets a new question, or someone @mentions you, we tell you in the forum bell and by site message; you decide how we e-mail you.",
  "forumNotify.account.mail": "E-mail",
  "forumNotify.kind.reply": "New answers to questions you follow",
  "forumNotify.kind.thread": "New questions in classrooms you follow",
  "forumNotify.kind.mention": "Someone mentions you (@)",
  "forumNotify.mode.off": "No e-mail",
  "forumNotify.mode.immediate": "Immediately",
  "forumNotify.mode.digest": "Daily digest (one e-mail a day)",
  "forumNotify.account.save": "Save notification settings",
  "forumNotify.account.watchedThreads": "Questions you follow",
  "forumNotify.account.watchedClassrooms": "Classrooms you follow",
  "forumNotify.account.noThreads":
    "You follow no questions yet. Questions you ask or answer are followed automatically.",
  "forumNotify.account.noClassrooms": "You follow no classrooms yet. Use “Follow classroom” on a classroom page.",
  "forumNotify.unwatch": "Unfollow",
  "forumNotify.unsubscribe.title": "Unsubscribe from forum e-mail",
  "forumNotify.unsubscribe.confirm":
    "Once you confirm, you will get no more e-mail from the training classroom (daily digests included). The forum bell and site messages stay as they are.",
  "forumNotify.unsubscribe.button": "Unsubscribe",
  "forumNotify.unsubscribe.done": "You are unsubscribed from forum e-mail",
  "forumNotify.unsubscribe.doneBody":
    "Forum e-mail already queued but not yet sent will not be sent either. You can turn it back on in your account at any time.",
  "forumNotify.unsubscribe.manage": "Notification settings",
  "forumNotify.unsubscribe.invalid":
    "This unsubscribe link is not valid. Use the complete link from the e-mail, or sign in and change your notification settings in your account.",
};
