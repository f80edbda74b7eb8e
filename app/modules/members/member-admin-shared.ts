// Limits of the back-office member forms, shared by the services and the pages (no server code here).

/** Longest suspension or termination reason staff may write. */
export const REASON_MAX_LENGTH = 500;
