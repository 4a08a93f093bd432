import { defaultPage } from '../model/defaults';
import type { TextStyle } from '../model/document';
import { cacheFor, composeOptions, type LayoutEnv } from './context';
import { emitLine } from './lines';
import { PageOutput } from './output';
import { BLACK, type CmykColor, type LayoutItem } from './page-layout';

/**
 * Sets a free text box (margin notes, lists) with the same composer: lines of `style` from (x, y)
 * downwards at `style.lineHeight`, coloured `color`, under the default typesetting settings.
 * Returns the items and the height used.
 */
export function setTextBox(env: LayoutEnv, text: string, style: TextStyle, box: { x: number; y: number; width: number }, color: CmykColor = BLACK, owner = ''): { items: LayoutItem[]; height: number } {
  const typeset = defaultPage().typeset;
  const cache = cacheFor(env);
  const sink = { out: new PageOutput() };
  let y = box.y;
  for (const para of text.split('\n')) {
    const cp = cache.compose([{ text: para, style, tag: 0 }], composeOptions(typeset, box.width, style, 0, style.align));
    for (let li = 0; li < cp.lines.length; li++) {
      emitLine(sink, cp, li, box.x, y + (style.lineHeight - style.size) / 2, owner, [{ field: 'caption', paragraph: 0, base: 0 }]);
      y += style.lineHeight;
    }
  }
  const items = sink.out.items;
  for (const item of items) if (item.kind === 'glyphs') item.color = color;
  return { items, height: y - box.y };
}
