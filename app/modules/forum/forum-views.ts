import type { ForumAuthor } from "./forum-authors.ts";

// The shapes the forum pages render (shared by the services that build them and the UI kit).

export interface ThreadListItem {
  id: number;
  classroomId: number;
  title: string;
  tags: string | null;
  pinned: boolean;
  essence: boolean;
  locked: boolean;
  hidden: boolean;
  /** Waiting for a moderator (待审核, decision 041); hidden is true as well. */
  held?: boolean;
  solved: boolean;
  replyCount: number;
  viewCount: number;
  likeCount: number;
  lastActivityAt: Date;
  createdAt: Date;
  author: ForumAuthor;
}

export interface ForumPostView {
  id: number;
  isOpening: boolean;
  bodyHtml: string;
  excerpt: string;
  likeCount: number;
  hidden: boolean;
  /** Waiting for a moderator (待审核, decision 041); hidden is true as well. */
  held?: boolean;
  edited: boolean;
  createdAt: Date;
  author: ForumAuthor;
  mine: boolean;
  accepted: boolean;
  liked: boolean;
  quote: { id: number; author: ForumAuthor; excerpt: string } | null;
  canEdit: boolean;
}
