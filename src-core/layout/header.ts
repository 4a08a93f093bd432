import type { PageHeader, TextStyle } from '../model/document';
import { composeOptions, type LayoutContext } from './context';
import { headerDate } from './date';
import { emitLine } from './lines';
import { BLACK, type TextField } from './page-layout';
import { addRule } from './strokes';

/** The running head (版头) as printed: 第N版, 版名, the date line (the proofreading checks read it too). */
export function runningHead(h: PageHeader): string {
  return [h.pageNumber && `第${h.pageNumber}版`, h.section, h.date && headerDate(h.date, h.dateLine === 'weekday-lunar')].filter(Boolean).join('　');
}

/** The page header (报眉): paper name, 第N版·版名·date with weekday (and 农历 when asked), the editors' credits, over a thick-thin rule. */
export function layoutHeader(ctx: LayoutContext): void {
  const { page } = ctx;
  const h = page.header;
  if (h.height <= 0) return;
  const left = page.margins.left;
  const width = page.format.width - page.margins.left - page.margins.right;
  const top = page.margins.top;
  const nameStyle: TextStyle = { ...page.styles.headline, size: Math.min(20, h.height * 0.45), align: 'left', tracking: 0 };
  const infoStyle: TextStyle = { ...page.styles.body, size: 10.5, bold: false, align: 'center', tracking: 0 };
  const creditStyle: TextStyle = { ...page.styles.body, size: 7.5, bold: false, align: 'right', tracking: 0 };
  const put = (text: string, style: TextStyle, emTop: number, field: TextField): void => {
    if (!text.trim()) return;
    const cp = ctx.cache.compose([{ text, style, tag: 0 }], composeOptions(page.typeset, width, style, 0, style.align));
    ctx.out.noteMissing(cp, '');
    if (cp.lines.length > 0) emitLine(ctx, cp, 0, left, emTop, '', [{ field, paragraph: 0, base: 0 }]);
  };
  const ruleY = top + h.height - 6;
  put(h.paperName, nameStyle, ruleY - 4 - nameStyle.size, 'header');
  const info = runningHead(h);
  put(info, { ...infoStyle, align: h.paperName ? 'center' : 'left' }, ruleY - 4 - infoStyle.size, 'header');
  const credits = [h.editor && `责任编辑：${h.editor}`, h.proofreader && `校对：${h.proofreader}`, h.layoutEditor && `组版：${h.layoutEditor}`].filter(Boolean).join('　');
  put(credits, creditStyle, ruleY - 4 - creditStyle.size, 'header');
  addRule(ctx.out.items, { kind: 'rule', x1: left, y1: ruleY, x2: left + width, y2: ruleY, width: 1.5, color: BLACK });
  addRule(ctx.out.items, { kind: 'rule', x1: left, y1: ruleY + 2, x2: left + width, y2: ruleY + 2, width: 0.3, color: BLACK });
}
