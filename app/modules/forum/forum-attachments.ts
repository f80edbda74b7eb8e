// Client-safe shape of a forum post's file (decision 043).

export interface PostAttachmentView {
  id: number;
  fileName: string;
  size: number;
  /** A raster image: shown inline in the post. */
  image: boolean;
}

/** Where the portal serves a post's file (the route checks the post's visibility). */
export function postFileHref(attachmentId: number): string {
  return `/forum/files/${attachmentId}`;
}

/** What the file picker offers (the attachment service's allow-list decides on the server). */
export const POST_FILE_ACCEPT = ".png,.jpg,.jpeg,.gif,.webp,.pdf,.txt,.csv,.zip,.docx,.xlsx,.pptx,.doc,.xls";
