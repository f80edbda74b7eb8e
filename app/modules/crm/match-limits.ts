/** Longest accepted "find this person" query (characters). */
export const MATCH_QUERY_MAX = 200;
