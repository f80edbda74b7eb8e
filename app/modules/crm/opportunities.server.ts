// The opportunity services live in ./opportunities/, one concern per file (issue #18 item 4). This
// module keeps the two names other modules' tests import.
export { listOpportunities } from "./opportunities/opportunity-list.server.ts";
export { getOpportunityRecord as getOpportunityDetail } from "./opportunities/opportunity-detail.server.ts";
