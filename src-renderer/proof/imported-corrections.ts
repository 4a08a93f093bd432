import { useMemo, useSyncExternalStore } from 'react';
import type { Article } from '../../src-core/model/document';
import type { PlacedFinding } from '../../src-core/proof/checks';
import { correctionFindings, type Correction } from '../../src-core/proof/import-corrections';

/**
 * The importer's placed changes (report.corrections) of the imports made at this desk, so the 校对
 * panel shows them as 已自动改正 findings (issue 19), as `check` does. They belong to the imported
 * articles by id (unique per import), so a page without those articles shows none; a correction whose
 * text was edited since is no longer found and drops out. Not saved with the page.
 */

/** The most corrections kept, newest first to stay: as many as one file's report places at most. */
const MAX_KEPT = 10_000;

let kept: readonly Correction[] = [];
const listeners = new Set<() => void>();

const isCorrection = (c: unknown): c is Correction => {
  const x = c as Partial<Correction> | null;
  return !!x && typeof x.kind === 'string' && typeof x.from === 'string' && typeof x.to === 'string' && typeof x.field === 'string' && typeof x.text === 'string' && typeof x.offset === 'number';
};

/** Keeps the corrections of an import's report (the host hands the report over untyped). */
export function rememberImportCorrections(report: unknown): void {
  const list = (report as { corrections?: unknown } | null)?.corrections;
  if (!Array.isArray(list)) return;
  const fresh = list.filter(isCorrection);
  if (fresh.length === 0) return;
  kept = [...kept, ...fresh].slice(-MAX_KEPT);
  for (const l of listeners) l();
}

/** Forgets every kept correction (tests; a new desk session). */
export function forgetImportCorrections(): void {
  kept = [];
  for (const l of listeners) l();
}

const subscribe = (l: () => void): (() => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** The kept corrections still found in these articles, as 已自动改正 findings. */
export function useCorrectionFindings(articles: Article[]): PlacedFinding[] {
  const corrections = useSyncExternalStore(subscribe, () => kept);
  return useMemo(() => correctionFindings(corrections, { articles, bannerIds: [], columnIds: [] }), [corrections, articles]);
}
