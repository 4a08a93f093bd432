import { commandSpec, MENUS, type CommandId, type EnabledWhen } from '../src-core/commands';

/**
 * A command of the table (src-core/commands.ts) bound to what it does here. Menus, toolbar,
 * keyboard and (in Electron) the native menu run these by id.
 */
export interface Command {
  id: CommandId;
  zh: string;
  en: string;
  /** Shown in menus, e.g. 'Ctrl+S'. */
  keys?: string;
  /** Disabled while the layout is read-only (the menus then say why). */
  changesLayout?: boolean;
  run(): void;
  enabled?(): boolean;
  checked?(): boolean;
}

export interface Binding {
  run(): void;
  checked?(): boolean;
}

/**
 * Commands for the bound ids, labelled from the table; each takes its enabled test from the
 * condition its row names, which the caller must supply.
 */
export function bindCommands(bindings: Partial<Record<CommandId, Binding>>, conditions: Partial<Record<EnabledWhen, () => boolean>>): Command[] {
  return Object.entries(bindings).map(([id, binding]) => {
    const spec = commandSpec(id);
    if (!spec || !binding) throw new Error(`no command ${id} in the command table`);
    const whens = [spec.enabledWhen, spec.changesLayout ? ('layoutEditable' as const) : undefined].filter((w) => w !== undefined);
    const tests = whens.map((when) => {
      const test = conditions[when];
      if (!test) throw new Error(`command ${id} runs when ${when}, which is not supplied`);
      return test;
    });
    const enabled = tests.length ? () => tests.every((t) => t()) : undefined;
    return { id: id as CommandId, zh: spec.zh, en: spec.en, keys: spec.keys, changesLayout: spec.changesLayout, ...binding, ...(enabled ? { enabled } : {}) };
  });
}

/** Runs a command unless it is disabled now (a native menu item cannot know). */
export function runIfEnabled(c: Command | undefined): boolean {
  if (!c || (c.enabled && !c.enabled())) return false;
  c.run();
  return true;
}

export type MenuEntry = Command | 'separator';

/** The page's own menus: the table's menus with the commands bound here, groups separated. */
export function pageMenus(commands: Map<string, Command>): { id: string; zh: string; en: string; items: MenuEntry[] }[] {
  return MENUS.map((m) => {
    const groups = m.groups.map((g) => g.map((c) => commands.get(c.id)).filter((c): c is Command => c !== undefined)).filter((g) => g.length > 0);
    return { id: m.id, zh: m.zh, en: m.en, items: groups.flatMap((g, i): MenuEntry[] => (i === 0 ? g : ['separator', ...g])) };
  });
}
