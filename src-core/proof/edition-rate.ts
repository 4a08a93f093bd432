import type { BanmianDocument } from '../model/document';
import type { DismissedFinding } from '../model/proof';
import { errorRate, pageAreaCharacters, type ErrorRate } from './error-rate';
import { checkPage } from './page-check';
import { pageDismissals, pooledDismissals } from './rules/house-lists';

/** One page of an edition as its rate is counted: its page and the findings its 校对 dismissed. */
export interface RatedPage {
  number: number;
  doc: Pick<BanmianDocument, 'articles' | 'page' | 'blocks'>;
  dismissed?: ReadonlyMap<string, readonly DismissedFinding[]>;
}

/**
 * The 差错率 of each page over its own area (as the 校对 panel shows it) and of the edition: every
 * page's findings as one issue (the repeat and number-usage caps per issue) over the sum of the areas.
 */
export function editionRates(pages: readonly RatedPage[]): { pages: { number: number; rate: ErrorRate }[]; edition: ErrorRate } {
  const all = [];
  let area = 0;
  const out: { number: number; rate: ErrorRate }[] = [];
  // a chained story's parts lie on several pages: a dismissal saved on one page holds on the others
  const dismissed = pooledDismissals(pages.map((p) => p.dismissed));
  for (const p of pages) {
    const check = checkPage(p.doc, pageDismissals(dismissed, p.dismissed));
    all.push(...check.findings);
    area += pageAreaCharacters(p.doc.page);
    out.push({ number: p.number, rate: check.rate });
  }
  return { pages: out, edition: errorRate(all, area, 'page-area') };
}
