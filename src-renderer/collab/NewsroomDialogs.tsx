import { useState } from 'react';
import { pageLabel, type PageEntry } from '../../src-core/collab/directory';
import { listPages } from './session/directory-client';
import type { Localized } from '../../src-core/collab/protocol';
import { Backdrop } from '../ui/dialog';
import { useEditor } from '../editor/use-editor';
import { ErrorLine, TextInputField } from './CollabDialogs';
import { rememberedServer } from './remembered-server';
import { useCollab, useCollabDesk } from './use-collab';

/**
 * The newsroom server from the app: 文件 → 发布到服务器 (the open page goes to the server, named by
 * its 报名/日期/版次) and the 报社服务器 part of 文件 → 加入共享版面 (the pages the token may open,
 * listed by name). The address and token are remembered for this window only (remembered-server.ts).
 */


function ServerFields(props: { server: string; token: string; setServer: (v: string) => void; setToken: (v: string) => void; onEnter: () => void }) {
  return (
    <>
      <TextInputField testId="newsroom-server" zh="服务器地址" en="Server address" value={props.server} onChange={props.setServer} placeholder="wss://banmian.example.cn:1234" onEnter={props.onEnter} />
      <TextInputField testId="newsroom-token" zh="令牌" en="Token" value={props.token} onChange={props.setToken} placeholder="bm1.…" onEnter={props.onEnter} />
    </>
  );
}

function useServerFields() {
  const [server, setServerState] = useState(rememberedServer.server);
  const [token, setTokenState] = useState(rememberedServer.token);
  const setServer = (v: string) => setServerState((rememberedServer.server = v));
  const setToken = (v: string) => setTokenState((rememberedServer.token = v));
  return { server, token, setServer, setToken };
}

export function PublishDialog() {
  const desk = useCollabDesk()!;
  const busy = useCollab((s) => s.busy);
  const header = useEditor((s) => s.doc.page.header);
  const fields = useServerFields();
  const named = header.paperName.trim() !== '' && header.date.trim() !== '';
  const ready = fields.server.trim() !== '' && fields.token.trim() !== '';
  const submit = () => {
    if (ready && !busy) void desk.publish(fields.server, fields.token);
  };
  return (
    <Backdrop testId="dialog-publish" onCancel={() => desk.openDialog(null)}>
      <h2>
        发布到服务器 <small>Publish to server</small>
      </h2>
      <p className="hint">
        把此版面放到报社的协作服务器上，校对和值班编辑凭各自的令牌按名称打开它。
        <br />
        <small>Puts this page on the newsroom's collaboration server; the proofreader and the duty editor open it by name with their own tokens.</small>
      </p>
      <dl className="share-facts">
        <dt>版面名称 Name</dt>
        <dd className="page-name" data-testid="publish-name">{pageLabel({ paper: header.paperName, date: header.date, pageNumber: header.pageNumber })}</dd>
      </dl>
      {!named && (
        <p className="hint" data-testid="publish-unnamed">
          页眉缺少报名或日期：版面将以新编号发布，同一版面再次发布不会被认出。
          <br />
          <small>The header has no paper name or date: the page gets a fresh id, and publishing it again will not find it.</small>
        </p>
      )}
      <ServerFields {...fields} onEnter={submit} />
      <ErrorLine />
      <div className="buttons">
        <button onClick={() => desk.openDialog(null)}>取消 Cancel</button>
        <button className="primary" data-testid="publish-ok" disabled={!ready || busy} title={ready ? undefined : '请填写服务器地址和令牌 Enter the server address and the token'} onClick={submit}>
          {busy ? '正在发布… Publishing…' : '发布 Publish'}
        </button>
      </div>
    </Backdrop>
  );
}

/** The join dialog's 报社服务器 part: address and token, then the pages by name. */
export function NewsroomJoin() {
  const desk = useCollabDesk()!;
  const busy = useCollab((s) => s.busy);
  const fields = useServerFields();
  const [pages, setPages] = useState<PageEntry[] | null>(null);
  const [problem, setProblem] = useState<Localized | null>(null);
  const [listing, setListing] = useState(false);
  const list = async () => {
    if (listing) return;
    setListing(true);
    setProblem(null);
    const r = await listPages(fields.server, fields.token, (url, init) => fetch(url, init));
    setListing(false);
    setPages(r.ok ? r.value.pages : null);
    if (!r.ok) setProblem(r);
    else if (r.value.pages.length === 0) setProblem({ zh: `服务器上没有 ${r.value.person.name} 可以打开的版面`, en: `The server has no page ${r.value.person.name} may open` });
  };
  const open = (entry: PageEntry) => {
    if (!busy) void desk.join({ server: fields.server.trim().replace(/\/+$/, ''), token: fields.token.trim(), pageId: entry.id }, pageLabel(entry));
  };
  return (
    <>
      <ServerFields {...fields} onEnter={() => void list()} />
      <div className="buttons newsroom-list-button">
        <button data-testid="newsroom-list" disabled={listing || !fields.server.trim() || !fields.token.trim()} onClick={() => void list()}>
          {listing ? '正在查询… Asking…' : '列出版面 List pages'}
        </button>
      </div>
      {problem && (
        <p className="collab-error" role="alert" data-testid="collab-error">
          {problem.zh}
          <small>{problem.en}</small>
        </p>
      )}
      {pages && pages.length > 0 && (
        <ul className="newsroom-pages" data-testid="newsroom-pages">
          {pages.map((p) => (
            <li key={p.id}>
              <button data-testid="newsroom-page" disabled={busy} onClick={() => open(p)}>
                {pageLabel(p)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
