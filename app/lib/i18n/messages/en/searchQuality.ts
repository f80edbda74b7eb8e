import type { searchQuality as zh } from "../zh-CN/searchQuality.ts";

export const searchQuality: Record<keyof typeof zh, string> = {
  "searchQuality.synonyms.title": "Knowledge base synonyms",
  "searchQuality.synonyms.description":
    "Words in one group stand for each other in knowledge base search: a customer searching “won't turn on” also finds solutions that say “does not power on”. Changes apply at once.",
  "searchQuality.synonyms.list": "Synonym groups",
  "searchQuality.synonyms.empty": "No synonym groups yet.",
  "searchQuality.synonyms.new": "New synonym group",
  "searchQuality.synonyms.terms": "Synonyms",
  "searchQuality.synonyms.termsHint":
    "Separate them with commas or new lines: at least two words, each up to 30 characters, e.g. won't boot, fails to start, no power",
  "searchQuality.synonyms.add": "Add",
  "searchQuality.synonyms.delete": "Delete",
  "searchQuality.synonyms.deleteLabel": "Delete synonym group: {terms}",
  "searchQuality.synonyms.back": "Back to the knowledge base",
  "searchQuality.synonyms.error.terms": "Enter at least two different words.",
  "searchQuality.synonyms.error.tooLong": "At most 10 words, each up to 30 characters.",
  "searchQuality.synonyms.error.duplicate": "These words are already in one synonym group.",
  "searchQuality.hot.label": "Popular searches",
  "searchQuality.signIn.title": "Sign in to read this solution",
  "searchQuality.signIn.body":
    "This solution is for members. Please sign in; you will come straight back to this page.",
  "searchQuality.signIn.register": "No account yet? Register for free",
};
