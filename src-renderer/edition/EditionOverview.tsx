import { memo, useEffect, useMemo, useState, useSyncExternalStore, type FormEvent } from 'react';
import { pageLabel } from '../../src-core/collab/directory';
import { ROLE_COLOURS } from '../../src-core/collab/roles';
import { PAGE_STATUSES, type OverviewRow } from '../../src-core/edition/overview';
import { SourceNote, useOverviewRows, useOverviewSource } from './OverviewSource';
import type { ErrorRate } from '../../src-core/proof/error-rate';
import { dismissalsOf, readProofState } from '../../src-core/store/persist';
import { serverPagesOf, type ServerPage } from './server-pages';
import { rememberedServer } from '../collab/remembered-server';
import { useCollab, useCollabDesk } from '../collab/use-collab';
import { assetHref } from '../../src-core/model/asset-href';
import { cssFamily, svgAdvance } from '../canvas/fonts';
import type { HostApi } from '../../src-core/host-api';
import type { Editor } from '../editor/editor';
import { useEditor } from '../editor/use-editor';
import { exportFolder, type ExportProgress } from './edition-export';
import type { EditionSession, EditionView } from './edition-session';
import { ServerPresence, type ServerPresenceState } from './server-presence';
import { EditionFindings } from './EditionFindings';
import { MovePartForm } from './MovePartForm';
import { ratesOf, type EditionRates } from './rates';
import { ServerPool, useServerEdition } from './ServerPool';
import type { EditionClient } from './edition-client';
import { CARD_MIN_PX, thumbnailSvg } from './thumbnail';
import './edition.css';

/**
 * The open edition: its overview (整期总览) over the workspace, or, while one of its pages is in the
 * workspace, a bar naming the page with the way back. Nothing when no edition is open.
 */
export function EditionChrome({ session, editor, host }: { session: EditionSession; editor: Editor; host: HostApi }) {
  const view = useSyncExternalStore(session.subscribe, session.current);
  // one watcher for the window: the server stays chosen while a page is open, asked only while the overview shows
  const presence = useMemo(() => new ServerPresence(), []);
  // the edition on the watched server: its pool in the overview, and where 保存 of a page starts from
  const watched = useSyncExternalStore(presence.subscribe, presence.current);
  const pool = useServerEdition(view, session, watched);
  // the file changes when another page replaces the edition's (新建, 恢复, a joined page): the bar goes
  useEditor((s) => s.file);
  if (!view) return null;
  if (view.page !== null) {
    if (!session.showsPageOf(editor)) return null;
    const p = view.edition.pages[view.page];
    return (
      <div className="edition-bar" data-testid="edition-bar">
        {/* a page joined on the server is left as any joined page is (离开): the overview is opened again from the file */}
        {session.editsPageOf(editor) && (
          <button type="button" data-testid="edition-back" onClick={() => session.backToOverview(editor)}>
            ← 整期总览 <small>Edition overview</small>
          </button>
        )}
        <span>
          {view.title} · 第{p.number}版 {p.name}
        </span>
        {view.moving && <MovePartForm key={view.moving.block} session={session} editor={editor} host={host} suggested={view.moving.suggested} />}
      </div>
    );
  }
  return <Overview view={view} session={session} editor={editor} host={host} presence={presence} pool={pool} />;
}

/**
 * The watched server's side of the overview: asked while the overview shows; per page its entry there
 * (undefined when no server is watched); 加入 opens a page on the server with the watched token.
 */
function useServerPages(view: EditionView, session: EditionSession, presence: ServerPresence, editor: Editor) {
  const watched = useSyncExternalStore(presence.subscribe, presence.current);
  useEffect(() => {
    if (presence.current().server) presence.resume();
    return () => presence.pause();
  }, [presence]);
  const onServer = useMemo(() => (watched.server && watched.entries ? serverPagesOf(view.edition, watched.entries) : undefined), [view.edition, watched]);
  const desk = useCollabDesk();
  const joinPage = async (index: number, pageId: string) => {
    const server = watched.server;
    if (!desk || !server) return;
    const p = view.edition.pages[index];
    const title = `${pageLabel({ paper: view.edition.edition.paper, date: view.edition.edition.date, pageNumber: String(p.number) })} ${p.name}`;
    if (await desk.join({ server: server.url, token: server.token, pageId }, title)) session.openedOnServer(index, editor);
  };
  return { watched, onServer, joinPage };
}

/** 导出整期 PDF, with 校样: the proof PDFs (no marks, no bleed, as the CLI's --proof) instead of the print PDFs. */
function ExportEdition({ view, session, host, blocked }: { view: EditionView; session: EditionSession; host: HostApi; blocked: number[] }) {
  const [proof, setProof] = useState(false);
  const folder = exportFolder(view.path, proof);
  const what = proof ? { zh: '每版一个校样 PDF（无标记、无出血）和整期合订校样', en: 'One proof PDF per page (no marks, no bleed) and the combined proof' } : { zh: '每版一个印刷 PDF 和整期合订 PDF', en: 'One print PDF per page and the combined PDF' };
  return (
    <>
      <label className="edition-proof" title="校样 PDF：无印刷标记、无出血，同命令行 --proof / Proof PDFs: no marks, no bleed, as the CLI's --proof">
        <input type="checkbox" data-testid="edition-export-proof" checked={proof} onChange={(e) => setProof(e.target.checked)} />
        校样 <small>Proof</small>
      </label>
      <button
        type="button"
        data-testid="edition-export"
        disabled={view.exporting?.state === 'running'}
        onClick={() => void session.exportAll(host, blocked, { proof })}
        title={`${what.zh}，写入 ${folder} / ${what.en}, into ${folder}`}
      >
        导出整期 PDF <small>Export edition PDF</small>
      </button>
    </>
  );
}

function Overview({ view, session, editor, host, presence, pool }: { view: EditionView; session: EditionSession; editor: Editor; host: HostApi; presence: ServerPresence; pool: EditionClient | null }) {
  const { watched, onServer, joinPage } = useServerPages(view, session, presence, editor);
  const source = useOverviewSource(view.edition, pool, watched);
  const rows = useOverviewRows(source, editor.fonts, session);
  const shared = rows.filter((r) => r.duplicate);
  const info = view.edition.edition;
  const rates = useRates(rows, source.edition);
  useDrawn(session);
  return (
    <div className="edition-overview" role="dialog" aria-label="整期总览 Edition overview" data-testid="edition-overview">
      <header className="edition-head">
        <h1>
          整期总览 <small>Edition overview</small>
        </h1>
        <span>
          {info.paper} {info.date} · {rows.length} 版 pages · {view.title}{rates && <> · <RateFigure rate={rates.edition} testId="edition-error-rate" /></>}
        </span>
        <ExportEdition view={view} session={session} host={host} blocked={rows.filter((r) => r.errors).map((r) => r.number)} />
        <button type="button" data-testid="edition-close" onClick={() => session.close()}>
          关闭 <small>Close</small>
        </button>
      </header>
      {shared.length > 0 && (
        <p className="edition-alert" role="alert" data-testid="edition-duplicates">
          版次重复：{[...new Set(shared.map((r) => r.number))].map((n) => `第${n}版`).join('、')}，转版行和文件名会指错版面，请改版次。
          <small> Duplicate page numbers: jump lines and file names would be ambiguous; renumber the pages.</small>
        </p>
      )}
      <ServerBar presence={presence} state={watched} />
      {pool && <ServerPool view={view} session={session} host={host} client={pool} />}
      {view.exporting && <ExportBar progress={view.exporting} onCancel={() => session.cancelExport()} />}
      {view.confirm && (
        <div className="edition-confirm" role="alertdialog" aria-label="确认 Confirm" data-testid="edition-confirm">
          <span>
            {view.confirm.zh} <small>{view.confirm.en}</small>
          </span>
          <button type="button" data-testid="edition-confirm-ok" onClick={() => void session.answer(true)}>
            确定 <small>OK</small>
          </button>
          <button type="button" data-testid="edition-confirm-cancel" onClick={() => void session.answer(false)}>
            取消 <small>Cancel</small>
          </button>
        </div>
      )}
      {view.notice && (
        <p className={`edition-notice edition-notice-${view.notice.kind}`} role={view.notice.kind === 'error' ? 'alert' : 'status'} data-testid="edition-notice" data-kind={view.notice.kind}>
          {view.notice.zh} <small>{view.notice.en}</small>
        </p>
      )}
      <SourceNote live={source.live} />
      <EditionFindings rows={rows} onOpen={(index) => session.openPage(index, editor)} />
      <ol className="edition-pages" style={{ gridTemplateColumns: `repeat(auto-fill, minmax(${CARD_MIN_PX}px, 1fr))` }}>
        {rows.map((row, i) => (
          <PageCard
            key={row.index}
            row={row}
            rate={rates?.pages[i].rate}
            editor={editor}
            onOpen={() => session.openPage(row.index, editor)}
            onRenumber={(to) => void session.renumber(row.index, to, host)}
            onDelete={() => session.deletePage(row.index, host)}
            shared={onServer?.[row.index]}
            onJoin={(pageId) => void joinPage(row.index, pageId)}
          />
        ))}
      </ol>
    </div>
  );
}

/** The cards' first frame painted: the idle font loader, held since 打开, may go on. */
function useDrawn(session: EditionSession) {
  useEffect(() => {
    const frame = requestAnimationFrame(() => setTimeout(() => session.overviewDrawn(), 0));
    return () => cancelAnimationFrame(frame);
  }, [session]);
}

/**
 * The 差错率 (every page's text checked), worked out off the page's thread (rates.ts) once the cards
 * are shown: the overview is usable and drawn first. Undefined until then, and again whenever the rows change.
 */
function useRates(rows: readonly OverviewRow[], edition: EditionView['edition']) {
  const [done, setDone] = useState<{ rows: readonly OverviewRow[]; edition: EditionView['edition']; value: EditionRates }>();
  useEffect(() => {
    let cancelled = false;
    // only what the check reads: the pictures' bytes stay here
    const pages = rows.map((row) => ({ number: row.number, doc: { articles: row.document.articles, page: row.document.page, blocks: row.document.blocks }, dismissed: dismissedOf(edition.pages[row.index].proof) }));
    void ratesOf(pages).then((value) => cancelled || setDone({ rows, edition, value }));
    return () => {
      cancelled = true;
    };
  }, [rows, edition]);
  return done && done.rows === rows && done.edition === edition ? done.value : undefined;
}

/** Each article's dismissed findings, and the page header's, from a page's saved proof state (read defensively). */
function dismissedOf(proof: unknown) {
  return dismissalsOf(readProofState(proof).state);
}

/** A 差错率 as the 校对 panel words it, for the overview's head and each page. */
function RateFigure({ rate, testId }: { rate: ErrorRate; testId: string }) {
  return (
    <span data-testid={testId} data-pass={rate.pass} className={rate.pass ? undefined : 'edition-bad'} title={`差错 ${rate.errors} 个 ÷ 版面字数 ${rate.characters} 字 / ${rate.errors} errors in ${rate.characters} characters`}>
      差错率 {rate.per10k.toFixed(2)}/万 {rate.pass ? '合格' : '不合格'}
    </span>
  );
}

interface CardProps {
  row: OverviewRow;
  /** Undefined until worked out (after the cards are shown). */
  rate: ErrorRate | undefined;
  editor: Editor;
  onOpen: () => void;
  onRenumber: (to: number) => void;
  onDelete: () => void;
  /** The page on the watched server and who is on it; null: not on it; undefined: no server watched. */
  shared?: ServerPage | null;
  onJoin: (pageId: string) => void;
}

/** The page's news hole (新闻版面): its share of the grid and the column-lines the ads leave. */
function NewsHole({ hole }: { hole: OverviewRow['newsHole'] }) {
  const share = Math.round((hole.free / hole.total) * 100);
  return (
    <span data-testid="edition-page-news-hole" data-free={hole.free} data-total={hole.total} title={`news hole: ${hole.free} of ${hole.total} column-lines (${share}%) left by the ads`}>
      新闻版面 {share}% · {hole.free} 栏行
    </span>
  );
}

const PageCard = memo(function PageCard({ row, rate, editor, onOpen, onRenumber, onDelete, shared, onJoin }: CardProps) {
  const svg = useMemo(() => {
    const images = new Map(row.document.images.map((i) => [i.id, assetHref(i)]));
    return thumbnailSvg(row.layout, { fontFamily: cssFamily, imageHref: (id) => images.get(id), advance: svgAdvance(editor.fonts) });
  }, [row, editor]);
  const preflight = row.errors ? 'error' : row.warnings ? 'warning' : 'ok';
  return (
    <li className="edition-page" data-testid="edition-page" data-number={row.number} data-duplicate={row.duplicate || undefined}>
      <button type="button" className="edition-open" onClick={onOpen} title={`打开第${row.number}版 Open page ${row.number}`}>
        {/* The markup is ours: pageToSvg escapes all text. */}
        <span className="edition-thumb" dangerouslySetInnerHTML={{ __html: svg }} />
      </button>
      <div className="edition-caption">
        <strong data-testid="edition-page-number" className={row.duplicate ? 'edition-duplicate' : undefined}>
          第{row.number}版{row.duplicate ? ' ⚠ 版次重复' : ''}
        </strong>
        <span data-testid="edition-page-name">{row.name}</span>
        <span className="edition-status" data-testid="edition-page-status" data-status={row.status} title={PAGE_STATUSES[row.status]}>
          {row.status}
        </span>
      </div>
      <div className="edition-figures">
        <span data-testid="edition-page-overset" data-count={row.overset} className={row.overset ? 'edition-bad' : undefined}>
          溢排 {row.overset}
        </span>
        <span data-testid="edition-page-preflight" data-state={preflight} className={`edition-${preflight}`} title={`preflight: ${row.errors} errors, ${row.warnings} warnings`}>
          预检 {row.errors} 错 / {row.warnings} 警
        </span>
        <NewsHole hole={row.newsHole} />
        {rate && <RateFigure rate={rate} testId="edition-page-error-rate" />}
      </div>
      {shared !== undefined && <People shared={shared} number={row.number} onJoin={onJoin} />}
      <div className="edition-actions">
        <Renumber key={row.number} number={row.number} onRenumber={onRenumber} />
        <button type="button" data-testid="edition-page-delete" onClick={onDelete} title={`删除第${row.number}版（先确认）/ Delete page ${row.number} (asks first)`}>
          删版
        </button>
      </div>
    </li>
  );
});

/** Who is on the page now (在此版), as the server names them, and 加入 to open the server's page. */
function People({ shared, number, onJoin }: { shared: ServerPage | null; number: number; onJoin: (pageId: string) => void }) {
  const busy = useCollab((s) => s.busy) ?? false;
  if (!shared) {
    return (
      <div className="edition-people" data-testid="edition-page-people" data-state="absent">
        未在服务器上 <small>Not on the server</small>
      </div>
    );
  }
  return (
    <div className="edition-people" data-testid="edition-page-people" data-state="shared" data-count={shared.people.length}>
      {shared.people.length === 0 ? (
        <span className="edition-nobody">
          无人 <small>Nobody</small>
        </span>
      ) : (
        shared.people.map((p) => (
          <span key={`${p.role} ${p.name}`} className="edition-person" data-testid="edition-person" style={{ borderColor: ROLE_COLOURS[p.role], color: ROLE_COLOURS[p.role] }}>
            {p.role} {p.name}
          </span>
        ))
      )}
      <button type="button" data-testid="edition-page-join" disabled={busy} onClick={() => onJoin(shared.id)} title={`在服务器上打开第${number}版 Open page ${number} on the server`}>
        加入 <small>Join</small>
      </button>
    </div>
  );
}

/** 协作服务器: the newsroom server whose desks the cards show (address and token, as 加入共享版面 takes them). */
function ServerBar({ presence, state }: { presence: ServerPresence; state: ServerPresenceState }) {
  const [server, setServer] = useState(state.server?.url ?? rememberedServer.server);
  const [token, setToken] = useState(state.server?.token ?? rememberedServer.token);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    rememberedServer.server = server;
    rememberedServer.token = token;
    presence.watch(server, token);
  };
  return (
    <form className="edition-server" data-testid="edition-server" onSubmit={submit}>
      <span>
        协作服务器 <small>Server</small>
      </span>
      <input data-testid="edition-server-url" aria-label="服务器地址 Server address" placeholder="wss://banmian.example.cn:1234" value={server} onChange={(e) => setServer(e.target.value)} />
      <input data-testid="edition-server-token" aria-label="令牌 Token" placeholder="bm1.…" type="password" value={token} onChange={(e) => setToken(e.target.value)} />
      <button type="submit" data-testid="edition-server-watch" disabled={!server.trim() || !token.trim()}>
        查看谁在各版 <small>Who is on each page</small>
      </button>
      {state.server && (
        <button type="button" data-testid="edition-server-stop" onClick={() => presence.stop()}>
          断开 <small>Stop</small>
        </button>
      )}
      {state.person && !state.error && (
        <span data-testid="edition-server-person">
          {state.person.role} {state.person.name}
        </span>
      )}
      {state.error && (
        <span className="edition-notice-error" role="alert" data-testid="edition-server-error">
          {state.error.zh} <small>{state.error.en}</small>
        </span>
      )}
    </form>
  );
}

/** 版次 of a card: a new number typed and 改 (or Enter) renumbers this page, however many share its number. */
function Renumber({ number, onRenumber }: { number: number; onRenumber: (to: number) => void }) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const to = Number(new FormData(e.currentTarget).get('to'));
    // the field shows the page's number again: the new one once the edition has it, the old one if refused
    e.currentTarget.reset();
    if (to !== number) onRenumber(to);
  };
  return (
    <form className="edition-renumber" onSubmit={submit}>
      <label title="版次 Page number">
        版次 <input name="to" type="number" min={1} step={1} defaultValue={number} data-testid="edition-page-renumber" aria-label="版次 Page number" />
      </label>
      <button type="submit" data-testid="edition-page-renumber-ok" title="重新编号 Renumber">
        改
      </button>
    </form>
  );
}

/** 导出整期 PDF's progress: the files written of all, the one being written, and 取消 while it runs. */
function ExportBar({ progress, onCancel }: { progress: ExportProgress; onCancel: () => void }) {
  const running = progress.state === 'running';
  return (
    <div className="edition-export" data-testid="edition-export-progress" data-done={progress.done} data-total={progress.total} data-state={progress.state}>
      <progress value={progress.done} max={progress.total} />
      <span>
        {progress.done}/{progress.total} · {progress.zh} <small>{progress.en}</small>
      </span>
      {running && (
        <button type="button" data-testid="edition-export-cancel" onClick={onCancel}>
          取消 <small>Cancel</small>
        </button>
      )}
    </div>
  );
}
