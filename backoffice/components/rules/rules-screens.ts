import type { LucideIcon } from "lucide-react";
import { FolderTree, UsersRound } from "lucide-react";
import { CATEGORY_KINDS, categoryList, tokenGroupList } from "#app/modules/leads/distribution/rules-list-query.ts";
import type { FilterShape } from "#app/ui/list/list-query.ts";
import { valueSelect, yesNoSelect, type ListScreen } from "../list-screen.tsx";
import { RULES_PATHS } from "../rules-ui.tsx";
import { categoryColumns, tokenGroupColumns } from "./rules-columns.tsx";

// The 营销规则 record lists (登记分类, 网站线索持有人): the rules eyebrow, and texts under
// `rules.<texts>.*` with one key layout. Their routes add the rules tabs under the header.

function rulesScreen<F extends FilterShape, S extends string, Row>(
  texts: "categories" | "groups",
  icon: LucideIcon,
  screen: Pick<ListScreen<F, S, Row, number>, "path" | "kit" | "selects" | "table">,
): ListScreen<F, S, Row, number> {
  return {
    ...screen,
    heading: { eyebrow: "rules.eyebrow", icon },
    title: `rules.${texts}.title`,
    description: `rules.${texts}.description`,
    search: { placeholder: `rules.${texts}.search` },
    empty: { title: `rules.${texts}.empty.title`, description: `rules.${texts}.empty.body` },
  };
}

export const categoriesScreen = rulesScreen("categories", FolderTree, {
  path: RULES_PATHS.categories,
  kit: categoryList,
  selects: [
    valueSelect("kind", "rules.col.kind", CATEGORY_KINDS, (kind) => `rules.kind.${kind}`),
    yesNoSelect("active", "rules.filter.active", "rules.active.on", "rules.active.off"),
  ],
  table: { columns: categoryColumns, rowKey: (c) => c.id },
});

export const tokenGroupsScreen = rulesScreen("groups", UsersRound, {
  path: RULES_PATHS.groups,
  kit: tokenGroupList,
  selects: [yesNoSelect("used", "rules.filter.used", "rules.filter.usedYes", "rules.filter.usedNo")],
  table: { columns: tokenGroupColumns, rowKey: (g) => g.id },
});
