import { useEffect, useRef, useState } from 'react';
import { ACTUAL_SIZE } from '../editor/geometry';
import { useEditor } from '../editor/use-editor';
import { pageMenus, type Command } from '../command-binding';
import { ToolButton } from '../ui/tool-button';
import { useReadOnlyWhy } from '../ui/layout-lock';

/** The window's menus (文件/编辑/视图/版面) and the toolbar below them. In Electron the native menu runs the same commands. */
export function MenuBar({ commands, showMenus }: { commands: Map<string, Command>; showMenus: boolean }) {
  const [open, setOpen] = useState<number | null>(null);
  const bar = useRef<HTMLDivElement>(null);
  // An open menu re-reads enabled/checked state whenever the editor changes; closed, nothing shows it.
  useEditor((s) => (open === null ? null : s));
  const why = useReadOnlyWhy();
  useEffect(() => {
    if (open === null) return;
    const close = (e: PointerEvent) => {
      if (!bar.current?.contains(e.target as Node)) setOpen(null);
    };
    // Escape closes the menu and nothing else (captured before the workspace clears the selection).
    const escape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      setOpen(null);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', escape, { capture: true });
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', escape, { capture: true });
    };
  }, [open]);
  if (!showMenus) return null;
  const menus = pageMenus(commands);
  return (
    <nav className="menubar" ref={bar} data-testid="menubar">
      {menus.map((menu, i) => (
        <div key={menu.id} className={`menu${open === i ? ' open' : ''}`}>
          <button className="menu-title" data-testid={`menu-${menu.id}`} title={menu.en} onClick={() => setOpen(open === i ? null : i)} onPointerEnter={() => open !== null && setOpen(i)}>
            {menu.zh}
          </button>
          {open === i && (
            <ul className="menu-items" role="menu">
              {menu.items.map((c, j) => {
                if (c === 'separator') return <li key={`sep-${j}`} className="menu-sep" role="separator" />;
                const enabled = c.enabled ? c.enabled() : true;
                const checked = c.checked?.();
                return (
                  <li key={c.id} role="menuitem">
                    <button
                      data-command={c.id}
                      disabled={!enabled}
                      title={!enabled && c.changesLayout && why ? why : undefined}
                      onClick={() => {
                        setOpen(null);
                        c.run();
                      }}
                    >
                      <span className="check">{checked ? '✓' : ''}</span>
                      <span className="menu-label">{c.zh}</span>
                      <span className="menu-en">{c.en}</span>
                      <span className="menu-keys">{c.keys ?? ''}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      ))}
    </nav>
  );
}

export function Toolbar({ commands }: { commands: Map<string, Command> }) {
  const zoom = useEditor((s) => s.zoom);
  useEditor((s) => s.toggles);
  useEditor((s) => s.canUndo);
  useEditor((s) => s.canRedo);
  useEditor((s) => s.fit);
  useEditor((s) => s.readOnly);
  useEditor((s) => s.selection);
  useEditor((s) => s.tool);
  const g = (id: string) => commands.get(id);
  return (
    <div className="toolbar-row" data-testid="toolbar">
      <ToolButton c={g('edit.undo')} />
      <ToolButton c={g('edit.redo')} />
      <span className="tool-sep" />
      <ToolButton c={g('view.fitPage')} />
      <ToolButton c={g('view.fitWidth')} />
      <button className="tool" data-testid="tool-zoom-out" title="Zoom out" onClick={() => g('view.zoomOut')?.run()}>
        −
      </button>
      <span className="zoom-readout" data-testid="zoom" title="Zoom (100% = real size)">
        {Math.round((zoom / ACTUAL_SIZE) * 100)}%
      </span>
      <button className="tool" data-testid="tool-zoom-in" title="Zoom in" onClick={() => g('view.zoomIn')?.run()}>
        +
      </button>
      <ToolButton c={g('view.actual')} testId="tool-actual" />
      <span className="tool-sep" />
      <ToolButton c={g('view.charGrid')} />
      <ToolButton c={g('view.columns')} />
      <ToolButton c={g('view.baselines')} />
      <ToolButton c={g('view.outlines')} />
      <ToolButton c={g('view.trim')} />
      <ToolButton c={g('view.rulers')} />
      <span className="tool-sep" />
      <ToolButton c={g('file.newStory')} />
      <ToolButton c={g('layout.textFrame')} />
      <ToolButton c={g('layout.addRuleH')} />
      <ToolButton c={g('layout.addRuleV')} />
      <span className="spacer" />
      <span className="hint-keys" title="Space+drag pans; Alt+drag moves freely; arrows nudge">
        空格+拖动 平移 · Alt 自由移动 · 方向键微调
      </span>
    </div>
  );
}
