import { useSyncExternalStore } from 'react';
import { shortcutSections } from '../../src-core/commands';
import { Backdrop } from '../ui/dialog';

/** 帮助 → 快捷键: every shortcut, generated from the command table (src-core/commands.ts). */
let open = false;
const listeners = new Set<() => void>();
const setOpen = (v: boolean) => {
  open = v;
  for (const l of listeners) l();
};
export const openShortcuts = (): void => setOpen(true);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

export function ShortcutsDialog() {
  const isOpen = useSyncExternalStore(subscribe, () => open);
  if (!isOpen) return null;
  const close = () => setOpen(false);
  return (
    <Backdrop testId="dialog-shortcuts" onCancel={close} className="shortcuts-dialog">
      <h2>
        快捷键 <small>Keyboard shortcuts</small>
      </h2>
      <div className="shortcut-sections">
        {shortcutSections().map((s) => (
          <section key={s.en} className="shortcut-section">
            <h3>
              {s.zh} <small>{s.en}</small>
            </h3>
            <table>
              <tbody>
                {s.rows.map((r) => (
                  <tr key={`${r.keys} ${r.en}`} data-testid="shortcut">
                    <td>
                      <kbd>{r.keys}</kbd>
                    </td>
                    <td>{r.zh}</td>
                    <td className="shortcut-en">{r.en}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="buttons">
        <button className="primary" data-testid="shortcuts-close" onClick={close} autoFocus>
          关闭 Close
        </button>
      </div>
    </Backdrop>
  );
}
