import { useI18n } from "#app/lib/i18n/i18n-context.tsx";
import { ACTIONS, MODULES, SCOPES, type Action, type Module, type Scope } from "#app/modules/auth/permissions.ts";
import { cn } from "#app/ui/cn.ts";
import { MatrixHead } from "#app/ui/records/matrix-head.tsx";
import { moduleName } from "#backoffice/components/nav.ts";

// The role matrix: modules × actions, one compact select per cell (none / own / team / all). Plain
// form fields `m.<module>.<action>`, so it saves without JavaScript; roles.server.ts parses them.

export type MatrixCells = Partial<Record<`${Module}.${Action}`, Scope>>;

const TONE: Record<Scope | "none", string> = {
  none: "text-slate-400",
  own: "bg-sky-50 text-sky-800",
  team: "bg-blue-50 text-blue-800",
  all: "bg-emerald-50 text-emerald-800",
};

export function PermissionMatrix({ matrix, disabled = false }: { matrix: MatrixCells; disabled?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[760px] text-sm">
        <MatrixHead
          className="border-b border-slate-100"
          rowHeader={t("adminRoles.matrix.module")}
          columns={ACTIONS.map((action) => ({ key: action, label: t(`adminRoles.action.${action}`) }))}
          cellPad="px-1 py-2"
        />
        <tbody className="divide-y divide-slate-100">
          {MODULES.map((module) => (
            <tr key={module}>
              <th scope="row" className="px-4 py-1.5 text-left font-medium whitespace-nowrap text-slate-800">
                {t(moduleName(module))}
              </th>
              {ACTIONS.map((action) => {
                const value = matrix[`${module}.${action}`] ?? "none";
                return (
                  <td key={action} className="px-1 py-1.5 text-center">
                    <select
                      name={`m.${module}.${action}`}
                      defaultValue={value}
                      disabled={disabled}
                      aria-label={t("adminRoles.matrix.cell", {
                        module: t(moduleName(module)),
                        action: t(`adminRoles.action.${action}`),
                      })}
                      className={cn(
                        "h-8 w-[5.5rem] rounded-md border border-slate-200 px-1.5 text-xs focus-visible:outline-2 focus-visible:outline-blue-600",
                        TONE[value],
                      )}
                    >
                      {(["none", ...SCOPES] as const).map((scope) => (
                        <option key={scope} value={scope}>
                          {t(`adminRoles.scope.${scope}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
