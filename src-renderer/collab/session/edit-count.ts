/**
 * Counts a desk's edits, not its keystrokes or Yjs updates: an edit is what one undo step holds, a
 * burst of local changes with no pause longer than the undo capture window (typing a word, a block
 * move, an accepted change). The count is of edits not yet in step with the server: it starts again
 * from zero each time every change has been acknowledged.
 */
import { UNDO_CAPTURE_MS } from '../../../src-core/store/page-store';

export class EditCount {
  private edits = 0;
  private lastChange = -Infinity;

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly windowMs: number = UNDO_CAPTURE_MS,
  ) {}

  /** A local change was made. */
  changed(): void {
    const at = this.now();
    if (at - this.lastChange > this.windowMs) this.edits++;
    this.lastChange = at;
  }

  /** The server has every change: nothing waits. */
  settled(): void {
    this.edits = 0;
    this.lastChange = -Infinity;
  }

  get pending(): number {
    return this.edits;
  }
}
