// Client-safe shape of a member's forum activity on a contact timeline (decision 043).

export type ForumActivityKind = "thread" | "reply" | "accepted";

export interface ForumActivityItem {
  key: string;
  kind: ForumActivityKind;
  at: Date;
  nickname: string;
  title: string;
  classroom: string;
  href: string;
  hidden: boolean;
}
