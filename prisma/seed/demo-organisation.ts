import type { Action, Module, Scope } from "#app/modules/auth/permissions.ts";

// The demo organisation: who works here and what each role may do. README lists these logins.

export const DEMO_PASSWORD = "Relay-demo-2026";

export const DEMO_TEAMS = ["总经办", "市场部", "销售一部（华北）", "销售二部（华南）", "客户服务部"] as const;

type GrantSpec = Partial<Record<Module, { actions: readonly Action[]; scope: Scope }>>;

const ALL_ACTIONS: readonly Action[] = ["browse", "add", "modify", "delete", "transfer", "export"];
const WORK: readonly Action[] = ["browse", "add", "modify"];

export const DEMO_ROLES: ReadonlyArray<{
  code: string;
  name: string;
  description: string;
  isAdmin: boolean;
  grants: GrantSpec;
}> = [
  {
    code: "admin",
    name: "系统管理员",
    description: "管理员工、角色、规则与系统设置；拥有全部权限。",
    isAdmin: true,
    grants: {},
  },
  {
    code: "marketing-manager",
    name: "市场主管",
    description: "运营营销战役，分发网站线索，管理网站会员。",
    isAdmin: false,
    grants: {
      leads: { actions: ALL_ACTIONS, scope: "all" },
      campaigns: { actions: ALL_ACTIONS, scope: "all" },
      members: { actions: WORK, scope: "all" },
      companies: { actions: ["browse"], scope: "all" },
      contacts: { actions: ["browse"], scope: "all" },
      knowledge: { actions: ["browse"], scope: "all" },
      reports: { actions: ["browse", "export"], scope: "all" },
    },
  },
  {
    code: "sales-manager",
    name: "销售经理",
    description: "带领销售团队，查看并调配本团队的线索、客户与机会。",
    isAdmin: false,
    grants: {
      leads: { actions: [...WORK, "transfer"], scope: "team" },
      companies: { actions: [...WORK, "transfer", "export"], scope: "team" },
      contacts: { actions: [...WORK, "transfer", "export"], scope: "team" },
      opportunities: { actions: [...WORK, "transfer", "export"], scope: "team" },
      catalog: { actions: ["browse"], scope: "all" },
      campaigns: { actions: ["browse"], scope: "all" },
      reports: { actions: ["browse"], scope: "team" },
    },
  },
  {
    code: "sales",
    name: "销售代表",
    description: "跟进分配给自己的线索，维护自己的客户与机会。",
    isAdmin: false,
    grants: {
      leads: { actions: WORK, scope: "own" },
      companies: { actions: WORK, scope: "own" },
      contacts: { actions: WORK, scope: "own" },
      opportunities: { actions: WORK, scope: "own" },
      catalog: { actions: ["browse"], scope: "all" },
    },
  },
  {
    code: "csr",
    name: "客服专员",
    description: "在用户专区回答服务请求，维护知识库与培训论坛。",
    isAdmin: false,
    grants: {
      service: { actions: [...WORK, "transfer"], scope: "team" },
      knowledge: { actions: [...WORK, "delete"], scope: "all" },
      forum: { actions: [...WORK, "delete"], scope: "all" },
      companies: { actions: ["browse"], scope: "all" },
      contacts: { actions: ["browse"], scope: "all" },
      members: { actions: ["browse"], scope: "all" },
    },
  },
];

export const DEMO_STAFF: ReadonlyArray<{
  email: string;
  name: string;
  team: (typeof DEMO_TEAMS)[number];
  roles: string[];
  title: string;
  status?: "active" | "away" | "inactive";
}> = [
  { email: "admin@relay-demo.cn", name: "周明", team: "总经办", roles: ["admin"], title: "系统管理员" },
  {
    email: "marketing@relay-demo.cn",
    name: "林晓雯",
    team: "市场部",
    roles: ["marketing-manager"],
    title: "市场部经理",
  },
  {
    email: "wang.lei@relay-demo.cn",
    name: "王磊",
    team: "销售一部（华北）",
    roles: ["sales-manager"],
    title: "华北区销售经理",
  },
  { email: "sales@relay-demo.cn", name: "李娜", team: "销售一部（华北）", roles: ["sales"], title: "销售代表" },
  { email: "zhang.wei@relay-demo.cn", name: "张伟", team: "销售一部（华北）", roles: ["sales"], title: "销售代表" },
  {
    email: "chen.jing@relay-demo.cn",
    name: "陈静",
    team: "销售二部（华南）",
    roles: ["sales-manager"],
    title: "华南区销售经理",
  },
  { email: "liu.yang@relay-demo.cn", name: "刘洋", team: "销售二部（华南）", roles: ["sales"], title: "销售代表" },
  {
    email: "huang.min@relay-demo.cn",
    name: "黄敏",
    team: "销售二部（华南）",
    roles: ["sales"],
    title: "销售代表",
    status: "away",
  },
  { email: "service@relay-demo.cn", name: "赵丽", team: "客户服务部", roles: ["csr"], title: "客服主管" },
  { email: "sun.tao@relay-demo.cn", name: "孙涛", team: "客户服务部", roles: ["csr"], title: "客服专员" },
  {
    email: "former@relay-demo.cn",
    name: "吴强",
    team: "销售二部（华南）",
    roles: ["sales"],
    title: "销售代表（已离职）",
    status: "inactive",
  },
];
