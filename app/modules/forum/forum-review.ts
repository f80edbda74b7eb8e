import type { ForumAuthor } from "./forum-authors.ts";

// Names shared by the report/queue services and their pages (pure, so route components may import it).

export const REPORT_REASONS = ["spam", "abuse", "advert", "offTopic", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export const REPORT_ACTIONS = ["dismiss", "hide", "delete"] as const;
export type ReportAction = (typeof REPORT_ACTIONS)[number];

/** One post in the moderation queue, as the queue pages render it. */
export interface QueuePost {
  id: number;
  threadId: number;
  isOpening: boolean;
  excerpt: string;
  title: string;
  classroom: { id: number; name: string };
  author: ForumAuthor;
  held: boolean;
  hidden: boolean;
  createdAt: Date;
}
