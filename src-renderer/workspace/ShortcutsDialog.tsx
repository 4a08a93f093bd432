import { shortcutSections } from '../../src-core/commands';
import { Backdrop } from '../ui/dialog';
import { setShortcutsOpen, useShortcutsOpen } from '../ui/shortcuts-open';

/** 帮助 → 快捷键: every shortcut, generated from the command table (src-core/commands.ts). */
export function ShortcutsDialog() {
  const isOpen = useShortcutsOpen();
  if (!isOpen) return null;
  const close = () => setShortcutsOpen(false);
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
