import { describe, expect, it } from 'vitest';
import { revealOffset } from '../../src-renderer/story/keep-in-view';

/** The scroll that keeps the edited article in view beside the docked story editor (one axis, client px, margin 16). */
describe('revealOffset', () => {
  // A viewport from x 250 to 650 (400 px), scrolled to 1000.
  const port = { start: 250, size: 400 };

  it('leaves the scroll alone when the article is already in view', () => {
    expect(revealOffset(port, { start: 300, size: 100 }, 1000)).toBe(1000);
    expect(revealOffset(port, { start: 266, size: 368 }, 1000)).toBe(1000);
  });

  it('scrolls on until an article beyond the far edge ends 16 px inside it', () => {
    // The article ends at 1900; the port's usable end is 634: scroll 1266 more.
    expect(revealOffset(port, { start: 1800, size: 100 }, 1000)).toBe(2266);
  });

  it('scrolls back until an article before the near edge starts 16 px inside it', () => {
    // It starts at 100; the usable start is 266: scroll 166 back.
    expect(revealOffset(port, { start: 100, size: 50 }, 1000)).toBe(834);
  });

  it('shows the head of an article larger than the viewport, wherever it was', () => {
    expect(revealOffset(port, { start: 800, size: 900 }, 1000)).toBe(1534);
    expect(revealOffset(port, { start: 0, size: 900 }, 1000)).toBe(734);
    expect(revealOffset(port, { start: 266, size: 900 }, 1000)).toBe(1000);
  });
});
