import type { BanmianDocument } from '../model/document';
import type { DismissedFinding } from '../model/proof';
import { checkDocument, headerTexts, type PageCheck } from './checks';
import { errorRate, PASS_PER_10K, type ErrorRate } from './error-rate';
import { dropDismissed } from './rules/house-lists';

/**
 * A page's checks as the 校对 sees them: every rule, less the findings the 校对 dismissed (kept with
 * each article in the page file, the header's with the page under PAGE_HEADER_ID), the 差错率 counted without them. The 校对 panel and the 校样 PDF
 * show this one figure.
 */
export function checkPage(doc: Pick<BanmianDocument, 'articles' | 'page'> & Partial<Pick<BanmianDocument, 'blocks'>>, dismissed: ReadonlyMap<string, readonly DismissedFinding[]>): PageCheck {
  const check = checkDocument(doc);
  if (dismissed.size === 0) return check;
  const findings = dropDismissed(doc.articles, check.findings, dismissed, headerTexts(doc.page.header));
  const rate = errorRate(findings, check.rate.characters, check.rate.basis);
  return { ...check, findings, errors: rate.errors, errorRatePer10k: rate.per10k, rate };
}

/** The figure in one line, zh then en, as the 校样 prints it. */
export function rateLine(rate: ErrorRate): { zh: string; en: string } {
  const per10k = rate.per10k.toFixed(2);
  const basis = rate.basis === 'page-area' ? { zh: '版面字数', en: 'the page area' } : { zh: '文字字数', en: 'the text' };
  return {
    zh: `差错率万分之 ${per10k}（差错 ${rate.errors} 个 ÷ ${basis.zh} ${rate.characters} 字），${rate.pass ? '合格' : '不合格'}（合格线万分之 ${PASS_PER_10K}）`,
    en: `Error rate ${per10k} per 10,000 (${rate.errors} errors ÷ ${rate.characters} characters of ${basis.en}), ${rate.pass ? 'pass' : 'fail'} (the line is ${PASS_PER_10K})`,
  };
}
