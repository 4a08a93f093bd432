/**
 * The edition overview (整期总览): per page what the desk sees at a glance — 版次, 版名, where the page
 * is in its proof cycle, its news hole (what the ads leave), how many stories run over, the preflight's errors and warnings, and whether
 * another page has the same number (the jump lines and the file names would then be ambiguous).
 * Pure: the edition and the fonts in, rows out; each row also carries the page document and its
 * layout, so the app draws the thumbnail from the same layout the counts came from.
 */
import type { FontRegistry } from '../fonts/registry';
import { layout } from '../layout/layout';
import type { PageLayout } from '../layout/page-layout';
import type { BanmianDocument } from '../model/document';
import { ROUND_NAMES } from '../model/proof';
import { preflight } from '../preflight/preflight';
import { newsHole } from './ads';
import type { EditionDocument } from './edition';
import { pageDocuments } from './page-doc';
import { isFillerFrame } from '../makeup';

/** A page's place in the cycle, in order; the English beside each for the UI. */
export const PAGE_STATUSES = {
  组版中: 'In make-up',
  一校: '1st proof',
  二校: '2nd proof',
  三校: '3rd proof',
  待签: 'Awaiting sign-off',
  已签: 'Signed for print',
} as const;

export type PageStatus = keyof typeof PAGE_STATUSES;

export interface OverviewRow {
  /** The page's index in `edition.pages` (the order of the file). */
  index: number;
  number: number;
  name: string;
  section: string;
  status: PageStatus;
  /** Stories whose text runs past their blocks. */
  overset: number;
  errors: number;
  warnings: number;
  /** The news hole: the column-lines its ads leave (`free`) of the grid's (`total`), as the CLI prints it. */
  newsHole: { free: number; total: number };
  /** Another page has this number too. */
  duplicate: boolean;
  document: BanmianDocument;
  layout: PageLayout;
  /** What the row was made from: a later overview keeps the row's layout and counts while they stay the same. */
  sources: readonly unknown[];
}

const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The status from the page's proof state (the page file's `proof` field, read defensively): signed
 * → 已签; no round yet → 组版中; the last round still open → that round (一校, 二校, 三校; a fourth
 * round and later count as 三校, the last the list names); every round finished → 待签.
 */
export function pageStatus(proof: unknown): PageStatus {
  if (!obj(proof)) return '组版中';
  if (obj(proof.signoff) && typeof proof.signoff.signedBy === 'string') return '已签';
  const rounds = Array.isArray(proof.rounds) ? proof.rounds.filter(obj) : [];
  if (rounds.length === 0) return '组版中';
  if (typeof rounds[rounds.length - 1].finishedAt === 'string') return '待签';
  return ROUND_NAMES[Math.min(rounds.length, ROUND_NAMES.length) - 1];
}

const sameSources = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Every page's row, in page-number order (pages sharing a number in file order). Given the rows of
 * the last overview (same fonts), a page whose sources did not change keeps its row's document,
 * layout and preflight counts: after a one-character edit only the story's pages are laid out again.
 */
export function editionOverview(edition: EditionDocument, env: { fonts: FontRegistry }, previous: readonly OverviewRow[] = []): OverviewRow[] {
  const counts = new Map<number, number>();
  for (const p of edition.pages) counts.set(p.number, (counts.get(p.number) ?? 0) + 1);
  const kept = new Map(previous.map((r) => [r.sources[0], r]));
  return pageDocuments(edition).map(({ index, document, sources: pageSources }) => {
    const p = edition.pages[index];
    // the page's entry first (what `kept` finds a row by), the fonts last
    const sources = [...pageSources, env.fonts];
    const same = kept.get(p);
    const made = same && sameSources(same.sources, sources) ? same : measured(document, sources, env.fonts);
    return {
      index,
      number: p.number,
      name: p.name,
      section: p.section,
      status: pageStatus(p.proof),
      overset: made.overset,
      errors: made.errors,
      warnings: made.warnings,
      // (the plan's booked ads: a 公益广告 frame make-up filled a blank with stands in the news hole, as the CLI counts it)
      newsHole: newsHole(p.page, p.blocks.filter((b) => b.kind === 'ad' && !isFillerFrame(b))),
      duplicate: (counts.get(p.number) ?? 0) > 1,
      document: made.document,
      layout: made.layout,
      sources: made.sources,
    };
  });
}

/** A page laid out and preflighted: the part of a row that costs time. */
function measured(document: BanmianDocument, sources: readonly unknown[], fonts: FontRegistry): Pick<OverviewRow, 'document' | 'layout' | 'overset' | 'errors' | 'warnings' | 'sources'> {
  const laidOut = layout(document, { fonts });
  const report = preflight(document, laidOut, { fonts });
  return { document, layout: laidOut, overset: laidOut.overset.length, errors: report.errors.length, warnings: report.warnings.length, sources };
}
