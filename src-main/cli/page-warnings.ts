import { heldTally } from '../../src-core/makeup/held';
import { HOLE_LIMIT } from '../../src-core/makeup/score';
import type { HeldOver } from '../../src-core/makeup/types';

/** Below this share of the news hole set, a page is reported under-filled (it needs copy or an ad). */
const UNDER_FILLED = 0.85;

/**
 * The warnings a made-up page gets, worded the same by `compose` and `edition`: under-filled, and a
 * blank hole over the limit. `page` is its 版次 when it has one.
 */
export function pageWarnings(score: { fill: number; largestHole: number }, page?: string): string[] {
  const zh = page ? `第${page}版` : '版面';
  const en = page ? `page ${page}` : 'the page';
  const out: string[] = [];
  const fill = Math.round(score.fill * 100);
  if (score.fill < UNDER_FILLED) out.push(`警告：${zh}未排满（${fill}%）/ Warning: ${en} is under-filled (${fill}%)`);
  if (score.largestHole > HOLE_LIMIT) out.push(`警告：${zh}有 ${score.largestHole} 栏行的空白（上限 ${HOLE_LIMIT} 栏行）/ Warning: ${en} has a blank hole of ${score.largestHole} column-lines (limit ${HOLE_LIMIT})`);
  return out;
}

/** What a made-up page holds over, worded the same by `compose` and `edition`: stories in 篇, pictures in 张 apart. */
export function heldLine(held: readonly HeldOver[]): string {
  const { stories, pictures } = heldTally(held);
  return `${stories} 篇待用 held over${pictures ? `, ${pictures} 张图片待用 picture${pictures === 1 ? '' : 's'} held over` : ''}`;
}
