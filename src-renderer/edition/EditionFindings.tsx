import { memo, useMemo } from 'react';
import type { OverviewRow } from '../../src-core/edition/overview';
import { editionPageTexts, editionTwoWays, type WrittenTwoWays } from '../../src-core/proof/edition-consistency';
import './edition-findings.css';

/**
 * The 整期总览's findings across pages (issue 19): a figure or a name written one way on some pages
 * and another way on others (edition-consistency.ts, the rules `check` runs over an edition). Each
 * form with the pages it is on; a page opens on click. Warnings to confirm: they weigh nothing in the
 * 差错率 the cards show.
 */

const RULE_LABELS: Record<WrittenTwoWays['rule'], { zh: string; en: string }> = {
  'number-two-ways': { zh: '数字两种写法', en: 'A figure written two ways' },
  'name-two-ways': { zh: '人名、地名两种写法', en: 'A person or place named two ways' },
};

export const EditionFindings = memo(function EditionFindings({ rows, onOpen }: { rows: readonly OverviewRow[]; onOpen: (index: number) => void }) {
  const found = useMemo(() => editionTwoWays(rows.map((r) => editionPageTexts(`第${r.number}版 ${r.name}`, r.document))), [rows]);
  if (found.length === 0) return null;
  return (
    <section className="edition-findings" data-testid="edition-findings" aria-label="跨版问题 Findings across pages">
      <h2>
        跨版问题 <small>Across pages</small> <span className="edition-findings-count" data-testid="edition-findings-count">{found.length}</span>
      </h2>
      <ul>
        {found.map((f) => (
          <li key={`${f.rule} ${f.forms.map((x) => x.written).join(' ')}`} data-testid="edition-finding" data-rule={f.rule} title={`${RULE_LABELS[f.rule].en}: please confirm (a warning, not counted in the error rate)`}>
            <span className="edition-finding-rule">{RULE_LABELS[f.rule].zh}</span>
            {f.forms.map((form) => (
              <span key={form.written} className="edition-finding-form" data-testid="edition-finding-form" data-written={form.written}>
                “{form.written}”
                {form.pages.map((k) => (
                  <button key={k} type="button" data-testid="edition-finding-page" data-number={rows[k].number} onClick={() => onOpen(rows[k].index)} title={`打开第${rows[k].number}版 Open page ${rows[k].number}`}>
                    第{rows[k].number}版
                  </button>
                ))}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
});
