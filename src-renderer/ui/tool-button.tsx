import type { Command } from '../command-binding';
import { useReadOnlyWhy } from './layout-lock';

/** A toolbar button for a bound command: its label, shortcut in the tooltip, enabled and pressed state. */
export function ToolButton({ c, testId }: { c?: Command; testId?: string }) {
  const why = useReadOnlyWhy();
  if (!c) return null;
  const enabled = c.enabled ? c.enabled() : true;
  const checked = c.checked?.();
  return (
    <button className={`tool${checked ? ' on' : ''}`} data-testid={testId ?? `tool-${c.id}`} data-command={c.id} disabled={!enabled} aria-pressed={checked} title={!enabled && c.changesLayout && why ? why : `${c.en}${c.keys ? ` (${c.keys})` : ''}`} onClick={() => c.run()}>
      {c.zh}
    </button>
  );
}
