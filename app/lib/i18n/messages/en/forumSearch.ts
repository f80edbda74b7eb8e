// Training classroom search, post attachments, classroom covers and the contact timeline's forum
// activity (issue #17 items 3, 5, 7; decision 043).
import type { forumSearch as zh } from "../zh-CN/forumSearch.ts";

export const forumSearch: Record<keyof typeof zh, string> = {
  "forumSearch.title": "Search the training classroom",
  "forumSearch.label": "Search questions and courseware",
  "forumSearch.placeholder": "Type keywords (pinyin works too)",
  "forumSearch.lead": "Find questions, replies and courseware in the classrooms you can open.",
  "forumSearch.threads": "Questions",
  "forumSearch.posts": "Replies",
  "forumSearch.lessons": "Courseware",
  "forumSearch.inClassroom": "Classroom: {name}",
  "forumSearch.none": "Nothing found. Try other keywords, or ask your question.",
  "forumSearch.hint": "Type keywords to search.",
  "forumSearch.accepted": "Accepted",

  "forumSearch.attachments": "Attachments",
  "forumSearch.attachmentsHint": "Images show in the post; other files are listed. Up to 5 files, 10 MB each.",
  "forumSearch.error.attachments":
    "The attachments could not be uploaded: images, PDF, Office documents, text and archives only, up to 5 files of 10 MB each.",
  "forumSearch.cover": "Cover image",
  "forumSearch.coverHint": "PNG, JPG, GIF or WebP, up to 10 MB.",
  "forumSearch.coverSaved": "Cover updated.",
  "forumSearch.coverRemove": "Remove cover",
  "forumSearch.error.cover": "The cover must be an image (PNG, JPG, GIF or WebP).",

  "forumSearch.timeline.title": "Training classroom activity",
  "forumSearch.timeline.thread": "{nickname} asked in “{classroom}”: {title}",
  "forumSearch.timeline.reply": "{nickname} replied to “{title}”",
  "forumSearch.timeline.accepted": "{nickname}'s answer was accepted: “{title}”",
  "forumSearch.timeline.hidden": "Hidden",
};
