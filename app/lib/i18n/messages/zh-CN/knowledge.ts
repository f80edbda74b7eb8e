// The solutions knowledge base, satisfaction and zone polls (#7).
export const knowledge = {
  "knowledge.title": "knowledge",
};
