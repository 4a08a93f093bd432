/**
 * 选稿补满: when the next story in the ranking does not fit and holding it leaves the page blank, a 组版
 * picks the stories that fill the room left after the lead, the higher-ranked first among those that do.
 * `stories`: those after the lead in rank order with their estimated cells (body lines, titles and
 * pictures at their natural size, as the copy estimate counts them); `room`: the cells they may take.
 * Returns the ids picked, in rank order: of the sets of the first PICK_MAX stories whose copy comes within
 * FIT_BAND of the room, the one keeping the highest ranks (a story outranks every set of stories below
 * it); none within it, the set coming nearest, if within twice the band. Undefined when none is.
 */
export function fittingPick(stories: { id: string; cells: number }[], room: number): string[] | undefined {
  const some = stories.slice(0, PICK_MAX);
  if (room <= 0 || !some.length) return undefined;
  let best: { mask: number; off: number; within: boolean } | undefined;
  for (let mask = 1; mask < 1 << some.length; mask++) {
    let cells = 0;
    for (let i = 0; i < some.length; i++) if (mask & (1 << i)) cells += some[i].cells;
    const off = Math.abs(cells / room - 1);
    const within = off <= FIT_BAND;
    if (!best || (within && (!best.within || outranks(mask, best.mask, some.length))) || (!within && !best.within && off < best.off)) best = { mask, off, within };
  }
  // (a set further from the room than twice the band fills nothing a run could keep: no run for it)
  return best && best.off <= 2 * FIT_BAND ? some.filter((_, i) => best.mask & (1 << i)).map((s) => s.id) : undefined;
}

/** The stories a pick may choose among (2^PICK_MAX sets tried; 200 stories on one page are as many sets as 14). */
const PICK_MAX = 14;
/** How far the picked copy may run over or under the room: about what the levers take up (tracking, 拉行/缩行, title white space). */
const FIT_BAND = 0.06;

/** Whether set `a` keeps higher ranks than set `b`: at the first rank where they differ, `a` has the story. */
function outranks(a: number, b: number, n: number): boolean {
  for (let i = 0; i < n; i++) {
    const bit = 1 << i;
    if ((a & bit) !== (b & bit)) return (a & bit) !== 0;
  }
  return false;
}
