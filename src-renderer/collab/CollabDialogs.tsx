import { useRef, useState } from 'react';
import { ROLE_COLOURS, ROLE_NAMES_EN } from '../../src-core/collab/roles';
import { parseInvitation } from '../../src-core/collab/invitation';
import type { SharedPageInfo } from '../../src-core/host-api';
import { Backdrop } from '../ui/dialog';
import { Row } from '../ui/fields';
import { useProof } from '../proof/use-proof';
import { useCollab, useCollabDesk } from './use-collab';
import { NewsroomJoin, PublishDialog } from './NewsroomDialogs';
import { MergeOfferDialog, UnsyncedDialog } from './UnsyncedDialogs';
import './collab.css';

/** 文件 → 共享此版面, 文件 → 发布到服务器, 文件 → 加入共享版面 and 文件 → 恢复未同步的修改; the offer to merge kept edits. */
export function CollabDialogs() {
  const dialog = useCollab((s) => s.dialog);
  if (dialog === 'share') return <ShareDialog />;
  if (dialog === 'join') return <JoinDialog />;
  if (dialog === 'publish') return <PublishDialog />;
  if (dialog === 'unsynced') return <UnsyncedDialog />;
  return <MergeOfferDialog />;
}

export function ErrorLine() {
  const error = useCollab((s) => s.error);
  if (!error) return null;
  return (
    <p className="collab-error" role="alert" data-testid="collab-error">
      {error.zh}
      <small>{error.en}</small>
    </p>
  );
}

function ShareDialog() {
  const desk = useCollabDesk()!;
  const share = useCollab((s) => s.share);
  const close = () => desk.openDialog(null);
  return (
    <Backdrop testId="dialog-share" onCancel={close}>
      <h2>
        共享此版面 <small>Share this page</small>
      </h2>
      {share ? <ShareInfo share={share} /> : <ShareForm />}
      {share && (
        <div className="buttons">
          <button data-testid="share-stop" onClick={() => void desk.leave()}>
            停止共享 Stop sharing
          </button>
          <button className="primary" data-testid="dialog-ok" onClick={close}>
            完成 Done
          </button>
        </div>
      )}
    </Backdrop>
  );
}

function ShareForm() {
  const desk = useCollabDesk()!;
  const busy = useCollab((s) => s.busy);
  const identity = useProof((s) => s.identity);
  const webHost = desk.proof.info.kind === 'web';
  const [deskName, setDeskName] = useState(identity.role === '组版' ? identity.name : '');
  const [proofreaderName, setProofreaderName] = useState('');
  const [dutyEditorName, setDutyEditorName] = useState('');
  const [lan, setLan] = useState(!webHost);
  const valid = deskName.trim() !== '' && proofreaderName.trim() !== '';
  // A disabled button says why: the names it waits for.
  const missing = `请填写${[deskName.trim() ? '' : '本人（组版）', proofreaderName.trim() ? '' : '校对'].filter(Boolean).join('和')}的姓名后再开始共享 · Enter the ${[deskName.trim() ? '' : 'your', proofreaderName.trim() ? '' : "proofreader's"].filter(Boolean).join(' and ')} name to share`;
  const submit = () => {
    if (valid && !busy) void desk.share({ deskName: deskName.trim(), proofreaderName: proofreaderName.trim(), ...(dutyEditorName.trim() ? { dutyEditorName: dutyEditorName.trim() } : {}), lan });
  };
  return (
    <>
      <p className="hint">
        本机启动共享服务器，校对凭邀请加入同一版面，双方的修改实时合并。
        <br />
        <small>This app starts a sharing server; the proofreader joins the same page with the invitation, and both desks' changes merge live.</small>
      </p>
      <TextInputField testId="share-desk-name" zh="本人（组版）" en="You (layout editor)" value={deskName} onChange={setDeskName} maxLength={40} onEnter={submit} />
      <TextInputField testId="share-proofreader-name" zh="校对" en="Proofreader" value={proofreaderName} onChange={setProofreaderName} maxLength={40} onEnter={submit} />
      <TextInputField testId="share-duty-name" zh="值班编辑（可选）" en="Duty editor (optional)" value={dutyEditorName} onChange={setDutyEditorName} placeholder="不邀请可留空" maxLength={40} onEnter={submit} />
      <label className="check-field">
        <input type="checkbox" data-testid="share-lan" checked={lan} disabled={webHost} onChange={(e) => setLan(e.target.checked)} />
        在局域网共享（加密 wss://，本机自签证书，邀请中带证书指纹）
        <small>{webHost ? 'The web host shares on this machine only' : 'On the local network (encrypted, self-signed certificate pinned in the invitation)'}</small>
      </label>
      <ErrorLine />
      {!valid && (
        <p className="hint why-disabled" data-testid="share-why-disabled">
          {missing}
        </p>
      )}
      <div className="buttons">
        <button onClick={() => desk.openDialog(null)}>取消 Cancel</button>
        <button className="primary" data-testid="share-start" disabled={!valid || busy} title={valid ? undefined : missing} onClick={submit}>
          {busy ? '正在共享… Sharing…' : '开始共享 Share'}
        </button>
      </div>
    </>
  );
}

function ShareInfo({ share }: { share: SharedPageInfo }) {
  return (
    <div className="share-info">
      <p className="hint">
        把邀请交给对方（经内部通讯或当面），对方用“文件 → 加入共享版面”粘贴即可。邀请即通行证，勿外传；停止共享后失效。
        <br />
        <small>Give each person their invitation; they paste it in File → Join a shared page. An invitation is a key: keep it within the newsroom. It stops working when sharing stops.</small>
      </p>
      <dl className="share-facts">
        <dt>地址 Address</dt>
        <dd data-testid="share-address">{share.addresses.join('  ')}</dd>
        <dt>版面编号 Page</dt>
        <dd data-testid="share-page-id">{share.pageId}</dd>
        {share.fingerprint && (
          <>
            <dt>证书指纹 Certificate</dt>
            <dd className="mono" data-testid="share-fingerprint">
              SHA-256 {share.fingerprint}
            </dd>
          </>
        )}
      </dl>
      {share.invitations.map((inv) => (
        <div key={inv.role} className="invitation" data-testid={`invitation-${ROLE_NAMES_EN[inv.role].replace(' ', '-')}`}>
          <div className="invitation-who">
            <span className="role-dot" style={{ background: ROLE_COLOURS[inv.role] }} />
            给 <b>{inv.name}</b>（{inv.role}）的邀请 <small>Invitation for {inv.name} ({ROLE_NAMES_EN[inv.role]})</small>
          </div>
          <CopyField text={inv.invitation} />
        </div>
      ))}
    </div>
  );
}

function CopyField({ text }: { text: string }) {
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const copy = async (area: HTMLTextAreaElement | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied('yes');
    } catch {
      // No clipboard permission (some hosts): select it for Ctrl+C instead.
      area?.select();
      setCopied('select');
    }
  };
  const area = useRef<HTMLTextAreaElement>(null);
  return (
    <div className="copy-field">
      <textarea readOnly value={text} rows={3} ref={area} data-testid="invitation-text" onFocus={(e) => e.target.select()} />
      <button data-testid="invitation-copy" onClick={() => void copy(area.current)}>
        {copied === 'yes' ? '已复制 Copied' : copied === 'select' ? '已选中，按 Ctrl+C Selected: press Ctrl+C' : '复制 Copy'}
      </button>
    </div>
  );
}

function JoinDialog() {
  const desk = useCollabDesk()!;
  const busy = useCollab((s) => s.busy);
  const [newsroom, setNewsroom] = useState(false);
  const [invitation, setInvitation] = useState('');
  const [problem, setProblem] = useState<{ zh: string; en: string } | null>(null);
  const submit = () => {
    if (busy) return;
    const parsed = parseInvitation(invitation);
    if (!parsed.ok) return setProblem(parsed);
    setProblem(null);
    const { ok: _ok, ...inv } = parsed;
    void desk.join(inv);
  };
  return (
    <Backdrop testId="dialog-join" onCancel={() => desk.openDialog(null)}>
      <h2>
        加入共享版面 <small>Join a shared page</small>
      </h2>
      <div className="join-tabs" role="tablist">
        <button role="tab" aria-selected={!newsroom} data-testid="join-tab-invitation" onClick={() => setNewsroom(false)}>
          邀请 <small>Invitation</small>
        </button>
        <button role="tab" aria-selected={newsroom} data-testid="join-tab-newsroom" onClick={() => setNewsroom(true)}>
          报社服务器 <small>Newsroom server</small>
        </button>
      </div>
      <p className="hint">
        身份（姓名、组版/校对/值班编辑）由令牌决定，服务器告知。当前版面会换成共享版面；未保存的修改请先保存。
        <br />
        <small>Your name and role come from the token, as the server says. The shared page replaces the current one: save unsaved work first.</small>
      </p>
      {newsroom ? (
        <NewsroomJoin />
      ) : (
        <label className="field field-block">
          <span className="field-label">
            邀请<small>Invitation</small>
          </span>
          <textarea data-testid="join-invitation" rows={4} autoFocus value={invitation} placeholder="banmian:join?server=…&page=…&token=…" onChange={(e) => setInvitation(e.target.value)} />
        </label>
      )}
      {problem && !newsroom && (
        <p className="collab-error" role="alert" data-testid="collab-error">
          {problem.zh}
          <small>{problem.en}</small>
        </p>
      )}
      <ErrorLine />
      <div className="buttons">
        <button onClick={() => desk.openDialog(null)}>取消 Cancel</button>
        {!newsroom && (
          <button className="primary" data-testid="join-ok" disabled={busy} onClick={submit}>
            {busy ? '正在连接… Connecting…' : '加入 Join'}
          </button>
        )}
      </div>
    </Backdrop>
  );
}

/** A labelled one-line text field of these dialogs (zh label, en beneath); Enter submits. */
export function TextInputField(props: { testId: string; zh: string; en: string; value: string; onChange: (v: string) => void; onEnter: () => void; placeholder?: string; maxLength?: number }) {
  return (
    <Row zh={props.zh} en={props.en}>
      <input data-testid={props.testId} value={props.value} maxLength={props.maxLength} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && props.onEnter()} />
    </Row>
  );
}
