import { memo, useMemo, useState } from 'react';
import { ERROR_RATE_METHOD, FIELD_LABELS, isHeaderField, type PageCheck, type PlacedFinding } from '../../src-core/proof/checks';
import { PASS_PER_10K, type ErrorRate as ErrorRateFigure } from '../../src-core/proof/error-rate';
import { checkPage } from '../../src-core/proof/page-check';
import type { Article, Block, PageSettings } from '../../src-core/model/document';
import { useCorrectionFindings, useDismissed } from './imported-corrections';
import { roundName, type DismissedFinding, type SuggestionMeta, type Thread } from '../../src-core/model/proof';
import { markedSpans, openSuggestions, orphanThreads, roundsOf, signedBy as signerOf, signoffLog, suggestionsOf, threadsOf } from '../../src-core/store/readers';
import { useEditor, useEditorInstance } from '../editor/use-editor';
import { useSameValue } from '../ui/use-same-value';
import { useSettledLayout } from '../ui/use-settled-layout';
import { circled, commentAnchors } from './anchors';
import { changeLine, type ChangeLine } from './change-line';
import { signature } from './identity';
import { HEADER_DISMISS_REFUSED, type ProofSession } from './session';
import { useProof, useProofSession } from './use-proof';
import './proof.css';

/**
 * 校对: the open changes of every article with accept/reject (one, per article, all), the comment
 * threads with replies, orphan comments, the automatic checks, and the rounds with sign-off.
 * A dock beside the page; open by default in 校对 mode.
 */

const time = (iso: string | undefined): string => {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false, month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
};

const quote = (t: string, max = 18): string => (t.length > max ? `${t.slice(0, max - 1)}…` : t);

export function ProofDock() {
  const open = useProof((s) => s.panelOpen);
  return open ? <ProofPanel /> : null;
}

/** An open suggestion as shown: a replacement (typing over a selection, or a face set on a run) is one id with both kinds. */
type OpenChange = SuggestionMeta & { text: string; line: ChangeLine };

interface ArticleMarks {
  id: string;
  title: string;
  suggestions: OpenChange[];
  threads: Thread[];
  orphans: Thread[];
  decided: SuggestionMeta[];
}

function useArticleMarks(session: ProofSession): ArticleMarks[] {
  const version = useProof((s) => s.version);
  const articles = useEditor((s) => s.doc.articles);
  const fonts = useEditorInstance().fonts;
  return useMemo(() => {
    void version;
    const out: ArticleMarks[] = [];
    for (const a of articles) {
      const doc = session.store.articleDoc(a.id);
      if (!doc) continue;
      const threads = threadsOf(doc);
      const orphans = orphanThreads(doc);
      const spans = markedSpans(doc);
      const changes = openSuggestions(doc).map((s): OpenChange => ({ ...s, line: changeLine(spans.filter((x) => x.id === s.id && x.kind !== 'comment'), (family) => fonts.familyLabel(family)) }));
      const orphanIds = new Set(orphans.map((t) => t.id));
      out.push({
        id: a.id,
        title: a.headline || a.id,
        suggestions: changes,
        threads: threads.filter((t) => !orphanIds.has(t.id)),
        orphans,
        decided: suggestionsOf(doc).filter((s) => s.status !== 'open'),
      });
    }
    return out;
  }, [session, articles, version, fonts]);
}

function ProofPanel() {
  const session = useProofSession();
  const marks = useArticleMarks(session);
  return (
    <aside className="proof-panel" data-testid="proof-panel" aria-label="校对 Proof">
      <header>
        <h2 title="Proofreading">
          校对 <small>Proof</small>
        </h2>
        <ErrorRate />
        <button className="close" onClick={() => session.setPanelOpen(false)} title="Close" aria-label="关闭 Close">
          ×
        </button>
      </header>
      <div className="proof-scroll">
        <Rounds />
        <Changes marks={marks} />
        <Comments marks={marks} />
        <Orphans marks={marks} />
        <Checks />
        <AutoCorrected />
        <History marks={marks} />
      </div>
    </aside>
  );
}

/** Whether this user may accept or reject changes: not a proofreader, and not after sign-off. */
function useCanSettle(): boolean {
  const role = useProof((s) => s.identity.role);
  const locked = useProof((s) => s.locked);
  return role !== '校对' && !locked;
}

/** The open changes, by article, with accept/reject for all of them, per article and one by one. */
function Changes({ marks }: { marks: ArticleMarks[] }) {
  const session = useProofSession();
  const settle = useCanSettle();
  const open = marks.reduce((n, a) => n + a.suggestions.length, 0);
  return (
    <section className="proof-section" data-testid="proof-changes">
      <h3>
        修改 <small>Changes</small> <span className="count">{open}</span>
        {settle && open > 0 && (
          <span className="actions">
            <button data-testid="accept-all" onClick={() => session.decideAll(null, 'accept')}>
              全部接受
            </button>
            <button data-testid="reject-all" onClick={() => session.decideAll(null, 'reject')}>
              全部拒绝
            </button>
          </span>
        )}
      </h3>
      {open === 0 && <p className="hint">没有待处理的修改 · No open changes</p>}
      {marks
        .filter((a) => a.suggestions.length)
        .map((a) => <ArticleChanges key={a.id} article={a} settle={settle} />)}
    </section>
  );
}

function ArticleChanges({ article: a, settle }: { article: ArticleMarks; settle: boolean }) {
  const session = useProofSession();
  return (
    <div className="proof-article" data-article={a.id}>
      <h4>
        <span className="title">{a.title}</span>
        {settle && (
          <span className="actions">
            <button data-testid={`accept-article-${a.id}`} onClick={() => session.decideAll(a.id, 'accept')} title="Accept all in this article">
              接受本稿
            </button>
            <button data-testid={`reject-article-${a.id}`} onClick={() => session.decideAll(a.id, 'reject')} title="Reject all in this article">
              拒绝本稿
            </button>
          </span>
        )}
      </h4>
      <ul>
        {a.suggestions.map((s) => (
          <ChangeItem key={s.id} articleId={a.id} change={s} settle={settle} />
        ))}
      </ul>
    </div>
  );
}

/** The change in words: 增「…」, 删「…」, 改「old」为「new」, or 「…」改用楷体 for a face set on a run. */
function ChangeText({ line }: { line: ChangeLine }) {
  if (line.shown === 'replacement')
    return (
      <span className="mark-text">
        「<del>{quote(line.deleted, 12)}</del>」为「<ins>{quote(line.inserted, 12)}</ins>」
      </span>
    );
  if (line.shown === 'face')
    return (
      <span className="mark-text" title={`set in ${line.face.en}`}>
        「{quote(line.text, 18)}」改用{line.face.zh}
      </span>
    );
  return <span className="mark-text">「{quote(line.text, 24)}」</span>;
}

function ChangeItem({ articleId, change: s, settle }: { articleId: string; change: OpenChange; settle: boolean }) {
  const session = useProofSession();
  const { line } = s;
  // A face change is a replacement under tracked changes (the run deleted, the same text inserted in the new face).
  const kind = line.shown === 'face' ? 'replacement' : line.shown;
  return (
    <li className={`suggestion suggestion-${kind}`} data-testid="suggestion" data-kind={kind} data-change={line.shown} data-id={s.id}>
      {line.shown !== 'face' && <span className="mark-kind">{kind === 'deletion' ? '删' : kind === 'insertion' ? '增' : '改'}</span>}
      <ChangeText line={line} />
      <span className="who">
        {s.author} · {s.round || '—'} · {time(s.at)}
      </span>
      {settle && (
        <span className="actions">
          <button data-testid="accept" onClick={() => session.decide(articleId, s.id, 'accept')} title="Accept">
            接受
          </button>
          <button data-testid="reject" onClick={() => session.decide(articleId, s.id, 'reject')} title="Reject">
            拒绝
          </button>
        </span>
      )}
    </li>
  );
}

/** The comment threads whose text is still there, numbered as their anchors on the page. */
function Comments({ marks }: { marks: ArticleMarks[] }) {
  const layout = useEditor((s) => s.layout);
  const numbers = useMemo(() => new Map(commentAnchors(layout).map((a) => [a.id, a.n])), [layout]);
  const threads = marks.reduce((n, a) => n + a.threads.length, 0);
  return (
    <section className="proof-section" data-testid="proof-comments">
      <h3>
        批注 <small>Comments</small> <span className="count">{threads}</span>
      </h3>
      {threads === 0 && <p className="hint">在稿件编辑中选中文字后加批注 · Select text in the story editor to comment</p>}
      {marks.flatMap((a) => a.threads.map((t) => <ThreadView key={t.id} articleId={a.id} thread={t} n={numbers.get(t.id)} />))}
    </section>
  );
}

/** The threads whose text was deleted, each with the title of its article; none, no section. */
function Orphans({ marks }: { marks: ArticleMarks[] }) {
  const orphans = marks.flatMap((a) => a.orphans.map((t) => ({ article: a, thread: t })));
  if (orphans.length === 0) return null;
  return (
    <section className="proof-section orphans" data-testid="proof-orphans">
      <h3 title="Comments whose text was deleted">
        孤立批注 <small>Orphan comments</small> <span className="count">{orphans.length}</span>
      </h3>
      <p className="hint">批注所指的文字已被删除 · The text these comments pointed at is gone</p>
      {orphans.map(({ article, thread }) => (
        <ThreadView key={thread.id} articleId={article.id} thread={thread} articleTitle={article.title} />
      ))}
    </section>
  );
}

function ThreadView({ articleId, thread, n, articleTitle }: { articleId: string; thread: Thread; n?: number; articleTitle?: string }) {
  const session = useProofSession();
  const locked = useProof((s) => s.locked);
  const [reply, setReply] = useState('');
  return (
    <div className={`thread${thread.resolved ? ' resolved' : ''}`} data-testid="thread" data-thread={thread.id} data-resolved={thread.resolved}>
      <div className="thread-head">
        {n !== undefined && <span className="thread-n">{circled(n)}</span>}
        <span className="mark-text">「{quote(thread.quote, 20)}」</span>
        {articleTitle && <span className="who">{quote(articleTitle, 14)}</span>}
        <span className="who">{thread.round || "—"}</span>
        {thread.resolved && <span className="badge-ok">已解决</span>}
      </div>
      <ul className="comments">
        {thread.comments.map((c, i) => (
          <li key={i} data-testid="comment">
            <b>{c.author}</b>
            <small>
              {c.role} · {time(c.at)}
            </small>
            <div>{c.text}</div>
          </li>
        ))}
      </ul>
      {!locked && (
        <form
          className="reply"
          onSubmit={(e) => {
            e.preventDefault();
            session.reply(articleId, thread.id, reply);
            setReply('');
          }}
        >
          <input data-testid="reply-input" placeholder="回复… Reply" value={reply} onChange={(e) => setReply(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <button type="submit" data-testid="reply" disabled={!reply.trim()}>
            回复
          </button>
          <button type="button" data-testid="resolve" onClick={() => session.resolve(articleId, thread.id, !thread.resolved)}>
            {thread.resolved ? '重新打开' : '解决'}
          </button>
        </form>
      )}
    </div>
  );
}

/** The page as it stands when the editor pauses: the checks read every article, so not on every keystroke. */
function useSettledDoc(): { articles: Article[]; page: PageSettings; blocks: Block[] } {
  const settled = useSettledLayout();
  // The live page only until the first pause: read always, every keystroke redrew the 差错率 in the
  // status line and read the whole page's dismissed findings again (0.4 ms of each keystroke).
  const live = useEditor((s) => (settled ? undefined : s.doc));
  return settled?.doc ?? live!;
}

/**
 * The automatic checks of the settled page without the findings its 校对 dismissed, with its 差错率
 * counted over the page area by the same functions `check` and the 校样 use (checkPage → error-rate.ts).
 */
function useChecks(): PageCheck {
  const { articles, page, blocks } = useSettledDoc();
  // Read again at every revision of the page (each keystroke); the checks run again only when it changed.
  const dismissed = useSameValue(useDismissed(articles), sameDismissed);
  // with the blocks, an article no block sets (未上版) is listed but not counted, as in `check` and the overview
  return useMemo(() => checkPage({ articles, page, blocks }, dismissed), [articles, page, blocks, dismissed]);
}

const sameDismissed = (a: Map<string, DismissedFinding[]>, b: Map<string, DismissedFinding[]>): boolean =>
  a.size === b.size && [...a].every(([id, list]) => JSON.stringify(list) === JSON.stringify(b.get(id)));

function ErrorRate() {
  const check = useChecks();
  return <ErrorRateBadge rate={check.rate} />;
}

const rateTitle = (rate: ErrorRateFigure): string =>
  `差错率：${rate.errors} 个差错 ÷ ${rate.basis === 'page-area' ? '版面字数' : '文字字数'} ${rate.characters} 字，${rate.pass ? '合格' : '不合格'}（合格线万分之 ${PASS_PER_10K}）\n` +
  `Error rate: ${rate.errors} counted errors in ${rate.characters} characters (${rate.basis === 'page-area' ? 'the page area' : 'the text'}), ${rate.pass ? 'pass' : 'fail'} at ${PASS_PER_10K} per 10,000\n${ERROR_RATE_METHOD.zh}`;

export function ErrorRateBadge({ rate }: { rate: ErrorRateFigure }) {
  const level = rate.per10k <= 1 ? 'ok' : rate.pass ? 'warn' : 'bad';
  return (
    <span className={`error-rate error-rate-${level}`} data-testid="error-rate" data-pass={rate.pass} title={rateTitle(rate)}>
      差错率 万分之 {rate.per10k.toFixed(2)} · {rate.pass ? '合格' : '不合格'}
    </span>
  );
}

/**
 * 差错率 in the status line, beside the page. Memoised (it has no props): the status line is drawn
 * at every keystroke, this figure only when the settled page's checks change.
 */
export const ErrorRateStatus = memo(function ErrorRateStatus() {
  const check = useChecks();
  const session = useProofSession();
  const found = check.findings.length;
  return (
    <span className="status-error-rate" data-testid="status-error-rate" data-pass={check.rate.pass} title={`${rateTitle(check.rate)}\n点击打开列表 · click for the list`} onClick={() => session.setPanelOpen(true)}>
      差错率 {check.rate.per10k.toFixed(2)}/万 {check.rate.pass ? '合格' : '不合格'} · {found} 处
    </span>
  );
});

function Checks() {
  const session = useProofSession();
  const articles = useEditor((s) => s.doc.articles);
  const role = useProof((s) => s.identity.role);
  const locked = useProof((s) => s.locked);
  const check = useChecks();
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.headline || a.id])), [articles]);
  return (
    <section className="proof-section" data-testid="proof-checks">
      <h3 title="Automatic checks">
        自动检查 <small>Checks</small> <span className="count">{check.findings.length}</span>
      </h3>
      {check.findings.length === 0 && <p className="hint">未发现问题 · Nothing found</p>}
      <ul className="findings">
        {check.findings.map((f, i) => (
          <FindingItem key={`${f.articleId}-${f.field}-${f.paragraph}-${f.offset}-${f.rule}-${i}`} f={f} title={titles.get(f.articleId) ?? ''} canFix={f.fix !== undefined && !locked && !isHeaderField(f.field) && (f.field === 'body' || role !== '校对')} onFix={() => session.fix(f)} fixLabel={f.fix === '' ? '删除' : `改为“${f.fix}”`} onDismiss={locked ? undefined : () => session.dismiss(f)} dismissRefused={isHeaderField(f.field) && !session.mayDismissHeader()} />
        ))}
      </ul>
    </section>
  );
}

/** One finding: its excerpt and message as a button that jumps to the text, and its fix when there is one. */
function FindingItem({ f, title, canFix, onFix, fixLabel, onDismiss, dismissRefused }: { f: PlacedFinding; title: string; canFix: boolean; onFix: () => void; fixLabel: string; onDismiss?: () => void; dismissRefused?: boolean }) {
  const session = useProofSession();
  return (
    <li className={`finding finding-${f.severity}`} data-testid={f.severity === 'corrected' ? 'corrected-finding' : 'finding'} data-rule={f.rule} data-severity={f.severity}>
      <button className="finding-jump" data-testid="finding-jump" onClick={() => session.jumpTo(f)} title={`${f.en} — go to the text`}>
        <span className="excerpt">{f.excerpt}</span>
        <span className="msg">{f.zh}</span>
        <small>
          {f.unplaced ? '未上版（不计差错率） · ' : ''}
          {quote(title, 12)} · {FIELD_LABELS[f.field].zh}
          {f.field === 'body' ? ` 第 ${f.paragraph + 1} 段` : ''}
        </small>
      </button>
      {canFix && (
        <button className="finding-fix" data-testid="finding-fix" onClick={onFix} title={f.severity === 'corrected' ? `Undo: put back what the copy had` : `Fix: replace with "${f.fix}"`}>
          {fixLabel}
        </button>
      )}
      {onDismiss && (
        <button className="finding-dismiss" data-testid="finding-dismiss" onClick={onDismiss} disabled={dismissRefused} title={dismissRefused ? `${HEADER_DISMISS_REFUSED.zh} / ${HEADER_DISMISS_REFUSED.en}` : 'Dismiss: not an error here (kept with the page)'}>
          忽略
        </button>
      )}
    </li>
  );
}

/**
 * 已自动改正: what the importer changed in the author's text, apart from the checks and never
 * counted in the 差错率; each jumps to the place, and 还原 puts back what the copy had (in 校对 mode
 * as a suggestion, like any fix).
 */
function AutoCorrected() {
  const session = useProofSession();
  const { articles } = useSettledDoc();
  const role = useProof((s) => s.identity.role);
  const locked = useProof((s) => s.locked);
  const corrected = useCorrectionFindings(articles);
  const titles = useMemo(() => new Map(articles.map((a) => [a.id, a.headline || a.id])), [articles]);
  if (corrected.length === 0) return null;
  return (
    <section className="proof-section auto-corrected" data-testid="proof-corrected">
      <h3 title="Auto-corrected on import: not errors">
        已自动改正 <small>Auto-corrected</small> <span className="count">{corrected.length}</span>
      </h3>
      <p className="hint">导入时改动了原稿，不计差错 · Changed on import; not counted as errors</p>
      <ul className="findings">
        {corrected.map((f, i) => (
          <FindingItem key={`${f.articleId}-${f.field}-${f.paragraph}-${f.offset}-${i}`} f={f} title={titles.get(f.articleId) ?? ''} canFix={!locked && (f.field === 'body' || role !== '校对')} onFix={() => session.fix({ ...f, fix: f.corrected?.from ?? '' })} fixLabel="还原" />
        ))}
      </ul>
    </section>
  );
}

function Rounds() {
  const session = useProofSession();
  const round = useProof((s) => s.round);
  const locked = useProof((s) => s.locked);
  const identity = useProof((s) => s.identity);
  const version = useProof((s) => s.version);
  const [signer, setSigner] = useState('');
  const [reason, setReason] = useState('');
  const rounds = useMemo(() => (void version, roundsOf(session.store.layoutDoc)), [session, version]);
  const next = roundName(rounds.length);
  const signedBy = locked ? (signerOf(session.store.layoutDoc) ?? '') : '';
  return (
    <section className="proof-section rounds" data-testid="proof-rounds">
      <h3>
        校次与签字 <small>Rounds &amp; sign-off</small>
      </h3>
      <p className="round-state" data-testid="round-state">
        {locked ? (
          <span className="state-signed">已签字付印 · {signedBy}</span>
        ) : round ? (
          <span className="state-open">{round.name}进行中</span>
        ) : (
          <span className="state-idle">{rounds.length ? `${rounds[rounds.length - 1].name}已结束` : '尚未开始校对'}</span>
        )}
      </p>
      {!locked && (
        <div className="buttons">
          {!round && (
            <button data-testid="round-start" onClick={() => session.startRound()}>
              开始{next}
            </button>
          )}
          {round && (
            <button data-testid="round-finish" onClick={() => session.finishRound()}>
              结束{round.name}
            </button>
          )}
        </div>
      )}
      {!locked && !round && identity.role !== '校对' && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (session.signOff(signer || signature(identity))) setSigner('');
          }}
        >
          <input data-testid="signoff-name" placeholder={`签字人 ${signature(identity)}`} value={signer} onChange={(e) => setSigner(e.target.value)} onKeyDown={(e) => e.stopPropagation()} />
          <button type="submit" className="primary" data-testid="signoff">
            签字付印
          </button>
        </form>
      )}
      {locked && (
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (session.reopen(reason)) setReason('');
          }}
        >
          <input data-testid="reopen-reason" placeholder="重新打开的理由 Reason" value={reason} onChange={(e) => setReason(e.target.value)} onKeyDown={(e) => e.stopPropagation()} disabled={identity.role !== '值班编辑'} />
          <button type="submit" data-testid="reopen" disabled={identity.role !== '值班编辑'} title={identity.role !== '值班编辑' ? 'Only the duty editor (值班编辑) can reopen' : 'Reopen'}>
            重新打开
          </button>
        </form>
      )}
      <button className="link" data-testid="proof-pdf" onClick={() => session.openDialog('proofPdf')}>
        导出校样 PDF… <small>Proof PDF</small>
      </button>
    </section>
  );
}

function History({ marks }: { marks: ArticleMarks[] }) {
  const session = useProofSession();
  const version = useProof((s) => s.version);
  const { rounds, log } = useMemo(() => (void version, { rounds: roundsOf(session.store.layoutDoc), log: signoffLog(session.store.layoutDoc) }), [session, version]);
  const decided = marks.flatMap((a) => a.decided);
  if (!rounds.length && !log.length) return null;
  const entries: { at: string; text: string }[] = [];
  for (const r of rounds) {
    const made = marks.reduce((n, a) => n + a.suggestions.filter((s) => s.round === r.name).length, 0) + decided.filter((s) => s.round === r.name).length;
    const accepted = decided.filter((s) => s.round === r.name && s.status === 'accepted');
    const rejected = decided.filter((s) => s.round === r.name && s.status === 'rejected');
    const by = [...new Set([...accepted, ...rejected].map((s) => s.decidedBy))].filter(Boolean).join('、');
    entries.push({ at: r.startedAt, text: `${r.name}：${r.startedBy} 开始；修改 ${made} 处，接受 ${accepted.length}、拒绝 ${rejected.length}${by ? `（${by}）` : ''}` });
    if (r.finishedAt) entries.push({ at: r.finishedAt, text: `${r.name}：${r.finishedBy} 结束` });
  }
  for (const e of log) entries.push({ at: e.at, text: e.kind === 'signed' ? `${e.by}（${e.role}）签字付印` : `${e.by}（${e.role}）重新打开：${e.reason ?? ''}` });
  entries.sort((a, b) => a.at.localeCompare(b.at));
  return (
    <section className="proof-section" data-testid="proof-history">
      <h3>
        记录 <small>History</small>
      </h3>
      <ol className="history">
        {entries.map((e, i) => (
          <li key={i}>
            <small>{time(e.at)}</small> {e.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
