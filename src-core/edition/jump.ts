/**
 * Jump lines (转版): where a story leaves a page, a 下转 line naming the page it continues on; where it
 * resumes, a 上接 line naming the page it came from. The paper's convention is one setting of the
 * edition; this table is its one declaration.
 */
export const JUMP_STYLES = {
  /** （下转第3版） / （上接第1版）: the default. */
  ordinal: { to: (n: number) => `（下转第${n}版）`, from: (n: number) => `（上接第${n}版）` },
  /** （下转03版） / （上接01版）. */
  padded: { to: (n: number) => `（下转${pad(n)}版）`, from: (n: number) => `（上接${pad(n)}版）` },
} as const;

export type JumpStyle = keyof typeof JUMP_STYLES;

export const DEFAULT_JUMP_STYLE: JumpStyle = 'ordinal';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
