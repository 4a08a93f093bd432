import { useMemo } from 'react';
import type { Article } from '../../src-core/model/document';
import { PAGE_HEADER_ID, type DismissedFinding, type SavedCorrection } from '../../src-core/model/proof';
import type { PlacedFinding } from '../../src-core/proof/checks';
import { correctionFindings } from '../../src-core/proof/import-corrections';
import type { PageStore } from '../../src-core/store/page-store';
import { articleCheckState, headerDismissals } from '../../src-core/store/readers';
import { useEditorSettled } from '../editor/use-editor';
import { useProof, useProofSession } from './use-proof';

/**
 * The page's check state as the 校对 panel shows it (issue 19): the importer's placed changes
 * (report.corrections) kept with the articles they are in, so the panel lists them as 已自动改正
 * findings after the page is reopened (the page file saves them), and the findings the 校对
 * dismissed (忽略), which stay dismissed wherever the page is opened. A correction whose text was
 * edited since is no longer found and drops out.
 */

const isCorrection = (c: unknown): c is SavedCorrection => {
  const x = c as Partial<SavedCorrection> | null;
  return !!x && typeof x.kind === 'string' && typeof x.from === 'string' && typeof x.to === 'string' && typeof x.field === 'string' && typeof x.text === 'string' && typeof x.offset === 'number';
};

/**
 * Keeps the corrections of an import's report (the host hands the report over untyped) with the
 * imported articles; call it after the articles are on the page.
 */
export function keepImportCorrections(store: PageStore, report: unknown): void {
  const list = (report as { corrections?: unknown } | null)?.corrections;
  if (!Array.isArray(list)) return;
  const byArticle = new Map<string, SavedCorrection[]>();
  for (const c of list.filter(isCorrection)) if (c.articleId !== undefined) (byArticle.get(c.articleId) ?? byArticle.set(c.articleId, []).get(c.articleId)!).push(c);
  const onPage = new Set(store.articleIds());
  for (const [articleId, corrections] of byArticle) if (onPage.has(articleId)) store.apply({ kind: 'recordCorrections', articleId, corrections });
}

type CheckState = { dismissed: Map<string, DismissedFinding[]>; corrections: SavedCorrection[] };

/** Each article's saved check state in the session's store as it is now. */
function readCheckState(articles: Article[], store: PageStore): CheckState {
  const dismissed = new Map<string, DismissedFinding[]>();
  const corrections: SavedCorrection[] = [];
  for (const a of articles) {
    const doc = store.articleDoc(a.id);
    if (!doc) continue;
    const state = articleCheckState(doc);
    if (state.dismissed.length) dismissed.set(a.id, state.dismissed);
    corrections.push(...state.corrections);
  }
  const header = headerDismissals(store.layoutDoc);
  if (header.length) dismissed.set(PAGE_HEADER_ID, header);
  return { dismissed, corrections };
}

/** Each article's saved check state, read again when the page changes (the proof state's version). */
function useCheckState(articles: Article[]): CheckState {
  const session = useProofSession();
  const version = useProof((s) => s.version);
  // version: the store's documents changed (a dismissal, a correction recorded, a reopened page)
  return useMemo(() => readCheckState(articles, session.store), [articles, session, version]);
}

/** The saved corrections still found in these articles, as 已自动改正 findings. */
export function useCorrectionFindings(articles: Article[]): PlacedFinding[] {
  const { corrections } = useCheckState(articles);
  return useMemo(() => correctionFindings(corrections, { articles, bannerIds: [], columnIds: [] }), [corrections, articles]);
}

/**
 * The page's dismissed findings, by article, the page header's under PAGE_HEADER_ID, read again
 * once the editor pauses after a change (a dismissal is a change of the page): the checks that use
 * them run on the page as it was at the pause. Following the proof state's version, which moves at
 * every change of the page, redrew the status line's 差错率 at every keystroke.
 */
export function useDismissed(articles: Article[]): Map<string, DismissedFinding[]> {
  const session = useProofSession();
  const revision = useEditorSettled((s) => s.revision);
  const store = session.store;
  return useMemo(() => readCheckState(articles, store).dismissed, [articles, store, revision]);
}
