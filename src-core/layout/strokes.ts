import type { LayoutItem, BoxItem, RuleItem } from './page-layout';
import { frameArt, ruleArt } from './rule-art';

/**
 * Rule and frame styles become geometry here, in layout: a styled rule or box is followed by an
 * `art` item holding its strokes and dots, so the renderers draw lines, rectangles and dots only.
 */

export function addRule(items: LayoutItem[], rule: RuleItem): void {
  items.push(rule);
  if (rule.style) items.push({ kind: 'art', of: 'rule', style: rule.style, color: rule.color, shapes: ruleArt(rule.x1, rule.y1, rule.x2, rule.y2, rule.width, rule.style) });
}

export function addBox(items: LayoutItem[], box: BoxItem): void {
  items.push(box);
  if (box.stroke && box.strokeStyle && box.strokeWidth > 0) {
    items.push({ kind: 'art', of: 'frame', style: box.strokeStyle, color: box.stroke, shapes: frameArt(box.x, box.y, box.width, box.height, box.strokeWidth, box.strokeStyle) });
  }
}
