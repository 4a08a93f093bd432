import { useState } from 'react';
import type { Role } from '../../src-core/model/proof';
import { useEditor } from '../editor/use-editor';
import { ROLES, type Identity } from './identity';
import { useProof, useProofSession } from './use-proof';
import './proof.css';
import { Backdrop } from '../ui/dialog';

/**
 * The proof side's pieces of the window chrome: who is at the desk (title bar), the dialog that
 * chooses it, the proof PDF dialog, and the story editor's comment bar.
 */

export function IdentityChip() {
  const session = useProofSession();
  const identity = useProof((s) => s.identity);
  const chosen = useProof((s) => s.chosen);
  const locked = useProof((s) => s.locked);
  return (
    <button className={`identity-chip role-${ROLES.findIndex((r) => r.role === identity.role)}`} data-testid="identity" data-role={identity.role} title="Role and name (click to change)" onClick={() => session.openDialog('identity')}>
      {locked && <span className="chip-lock" title="Signed for print">🔒</span>}
      <b>{identity.role}</b>
      <span>{identity.name || (chosen ? '' : '未署名')}</span>
    </button>
  );
}

/** The 校对 panel's button in the title bar, with the number of open marks on the page. */
export function ProofButton() {
  const session = useProofSession();
  const open = useProof((s) => s.panelOpen);
  const marks = useProof((s) => s.openMarks);
  return (
    <button className={`proof-button${open ? ' on' : ''}`} data-testid="proof-button" aria-pressed={open} title={`Proof panel: ${marks} open mark${marks === 1 ? '' : 's'} (changes and comments)`} onClick={() => session.setPanelOpen(!open)}>
      校对
      {marks > 0 && (
        <span className="proof-badge" data-testid="proof-badge">
          {marks}
        </span>
      )}
    </button>
  );
}

/** The role in the window title once it was chosen, e.g. " · 校对 王岚". */
export function useRoleTitle(): string {
  const identity = useProof((s) => s.identity);
  const chosen = useProof((s) => s.chosen);
  return chosen ? ` · ${identity.role}${identity.name ? ` ${identity.name}` : ''}` : '';
}

export function ProofDialogs() {
  const dialog = useProof((s) => s.dialog);
  if (dialog === 'identity') return <IdentityDialog />;
  if (dialog === 'proofPdf') return <ProofPdfDialog />;
  return null;
}


function IdentityDialog() {
  const session = useProofSession();
  const current = useProof((s) => s.identity);
  const [role, setRole] = useState<Role>(current.role);
  const [name, setName] = useState(current.name);
  const submit = () => session.setIdentity({ role, name: name.trim().slice(0, 40) } satisfies Identity);
  return (
    <Backdrop testId="dialog-identity" onCancel={() => session.openDialog(null)}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <h2>
          身份 <small>Who is working on this page</small>
        </h2>
        <div className="role-choices" role="radiogroup">
          {ROLES.map((r) => (
            <label key={r.role} className={`role-choice${role === r.role ? ' chosen' : ''}`} data-testid={`role-${r.en.split(' ')[0].toLowerCase()}`}>
              <input type="radio" name="role" checked={role === r.role} onChange={() => setRole(r.role)} />
              <b>{r.zh}</b> <small>{r.en}</small>
              <div className="hint">{r.hint}</div>
            </label>
          ))}
        </div>
        <label className="field">
          <span className="field-label">
            姓名 <small>Name</small>
          </span>
          <input data-testid="identity-name" value={name} autoFocus onChange={(e) => setName(e.target.value)} maxLength={40} />
        </label>
        <div className="buttons">
          <button type="button" onClick={() => session.openDialog(null)}>
            取消 <small>Cancel</small>
          </button>
          <button type="submit" className="primary" data-testid="identity-ok">
            确定 <small>OK</small>
          </button>
        </div>
      </form>
    </Backdrop>
  );
}

function ProofPdfDialog() {
  const session = useProofSession();
  const title = useEditor((s) => s.file.title);
  const round = useProof((s) => s.round);
  const [name, setName] = useState(`${title.replace(/\.banmian$/, '') || 'page'}-${round?.name ?? '校样'}.pdf`);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ zh: string; en: string; ok: boolean } | null>(null);
  const native = session.info.nativeDialogs;
  const run = async () => {
    setBusy(true);
    setResult(null);
    const file = name.trim().toLowerCase().endsWith('.pdf') ? name.trim() : `${name.trim()}.pdf`;
    const r = await session.exportProofPdf(native ? null : file);
    setBusy(false);
    if (r === null) return;
    setResult(r.ok ? { ok: true, zh: `已导出校样 ${r.path}`, en: `Proof PDF written: ${r.path}` } : { ok: false, zh: r.zh, en: r.en });
  };
  return (
    <Backdrop testId="dialog-proof-pdf" onCancel={() => session.openDialog(null)}>
      <h2>
        导出校样 PDF <small>Proof PDF (校样)</small>
      </h2>
      <p className="hint">版面及页边的修改、批注，另附未处理标记清单；与印刷 PDF 分开。· The page with its marks in the margin and a list of open marks; separate from the print PDF.</p>
      {!native && (
        <label className="field">
          <span className="field-label">
            文件名 <small>File</small>
          </span>
          <input data-testid="proof-pdf-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      {result && (
        <p className={result.ok ? 'result-ok' : 'result-error'} data-testid="proof-pdf-result" role={result.ok ? 'status' : 'alert'}>
          {result.zh} <small>{result.en}</small>
        </p>
      )}
      <div className="buttons">
        <button type="button" onClick={() => session.openDialog(null)}>
          {result?.ok ? '关闭' : '取消'} <small>{result?.ok ? 'Close' : 'Cancel'}</small>
        </button>
        <button type="button" className="primary" data-testid="proof-pdf-export" disabled={busy || (!native && !name.trim())} onClick={() => void run()}>
          {busy ? '正在导出…' : '导出'} <small>Export</small>
        </button>
      </div>
    </Backdrop>
  );
}

/** Above the story body: the mode (tracked or direct) and the comment button for the selected text. */
export function StoryProofBar({ articleId }: { articleId: string }) {
  const session = useProofSession();
  const role = useProof((s) => s.identity.role);
  const locked = useProof((s) => s.locked);
  const [commenting, setCommenting] = useState(false);
  const [text, setText] = useState('');
  if (locked) {
    return (
      <div className="story-proof-bar locked" data-testid="story-proof-bar">
        🔒 已签字付印，只读 <small>Signed for print: read-only</small>
      </div>
    );
  }
  return (
    <div className="story-proof-bar" data-testid="story-proof-bar">
      {role === '校对' ? (
        <span className="tracking" title="Every change becomes a tracked suggestion">
          修改留痕 <small>Tracking changes</small>
        </span>
      ) : (
        <span className="direct" title="Changes go straight into the text">
          直接修改 <small>Direct editing</small>
        </span>
      )}
      {commenting ? (
        <form
          className="comment-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (session.addComment(articleId, text)) {
              setText('');
              setCommenting(false);
            }
          }}
        >
          <input data-testid="comment-input" autoFocus placeholder="批注内容 Comment" value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') setCommenting(false);
          }} />
          <button type="submit" data-testid="comment-ok" disabled={!text.trim()}>
            确定
          </button>
        </form>
      ) : (
        <button
          className="comment-button"
          data-testid="comment-add"
          title="Comment on the selected text"
          // Keep the editor's selection: the button must not take the focus on press.
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => {
            const t = session.storyOf(articleId);
            if (!t || t.state.selection.empty) {
              session.editor.notify({ zh: '请先选中要批注的文字', en: 'Select the text to comment on first' }, 'error');
              return;
            }
            setCommenting(true);
          }}
        >
          批注 <small>Comment</small>
        </button>
      )}
    </div>
  );
}
