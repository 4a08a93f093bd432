import type { RuleBlock } from '../model/document';
import type { BlockFrame } from './page-layout';
import { ruleReach } from './rule-art';

/** Half the height of a rule block's frame at least, pt: enough to pick a hairline. */
export const RULE_PICK = 3;

/** A rule block's frame: it reaches a little around the line, so that a hairline can be picked with the pointer. */
export function ruleFrame(block: RuleBlock): BlockFrame {
  const reach = Math.max(ruleReach(block.style, block.width), RULE_PICK);
  const x = Math.min(block.x1, block.x2) - reach;
  const y = Math.min(block.y1, block.y2) - reach;
  return { blockId: block.id, kind: 'rule', x, y, width: Math.abs(block.x2 - block.x1) + 2 * reach, height: Math.abs(block.y2 - block.y1) + 2 * reach, emptyLines: 0 };
}
