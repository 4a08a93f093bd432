import type { PageLayout } from '../../src-core/layout/page-layout';
import { pageToSvg, type SvgOptions } from '../../src-core/svg/page-svg';

/**
 * Paints PageLayout into the DOM through pageToSvg, but keeps every element whose markup did not
 * change. Rebuilding all ~400 positioned <text> elements costs Chromium 100 ms or more per frame;
 * after a keystroke or during a drag only a few lines change, and only those are replaced, so only
 * their area is laid out and repainted again.
 *
 * The markup of each item is exactly what pageToSvg writes for it (the page drawn with that one
 * item, minus the page's own wrapper), so the screen draws what the PDF draws.
 */
export class SvgPainter {
  private svg: SVGSVGElement | null = null;
  private layer: SVGGElement | null = null;
  private shell = '';
  private keys: string[] = [];
  private elements: Element[] = [];
  /** Elements replaced in the last paint, for the benchmark and tests. */
  lastChanged = 0;

  constructor(readonly host: HTMLElement) {}

  paint(layout: PageLayout, opts: SvgOptions): void {
    const empty = { ...layout, items: [] };
    const whole = pageToSvg(empty, opts);
    const prefix = whole.slice(0, -'</svg>'.length);
    if (whole !== this.shell || !this.svg || !this.svg.isConnected) this.reset(whole);
    const keys = layout.items.map((item) => {
      const s = pageToSvg({ ...empty, items: [item] }, opts);
      return s.slice(prefix.length, -'</svg>'.length);
    });
    this.reconcile(keys);
  }

  private reset(whole: string): void {
    this.host.innerHTML = whole;
    this.svg = this.host.querySelector('svg');
    this.layer = document.createElementNS('http://www.w3.org/2000/svg', 'g');
    this.layer.setAttribute('class', 'page-items');
    this.svg!.appendChild(this.layer);
    this.shell = whole;
    this.keys = [];
    this.elements = [];
  }

  private reconcile(keys: string[]): void {
    const layer = this.layer!;
    // Old elements by markup; equal markup may occur more than once (identical rules).
    const pool = new Map<string, Element[]>();
    this.keys.forEach((k, i) => {
      const list = pool.get(k);
      if (list) list.push(this.elements[i]);
      else pool.set(k, [this.elements[i]]);
    });
    const reused = new Array<Element | undefined>(keys.length);
    const fresh: number[] = [];
    keys.forEach((k, i) => {
      const el = pool.get(k)?.shift();
      if (el) reused[i] = el;
      else fresh.push(i);
    });
    for (const list of pool.values()) for (const el of list) el.remove();
    // New elements are parsed in one go, in the SVG namespace.
    if (fresh.length) {
      const scratch = document.createElementNS('http://www.w3.org/2000/svg', 'g');
      scratch.innerHTML = fresh.map((i) => `<g>${keys[i]}</g>`).join('');
      const made = [...scratch.children];
      fresh.forEach((i, j) => {
        const g = made[j];
        // Most items are one element; keep the wrapper only when an item made several.
        reused[i] = g.childElementCount === 1 ? g.firstElementChild! : g;
      });
    }
    // Put everything in order, moving as few kept elements as possible.
    let cursor: ChildNode | null = layer.firstChild;
    for (const el of reused as Element[]) {
      if (el === cursor) cursor = cursor.nextSibling;
      else layer.insertBefore(el, cursor);
    }
    this.lastChanged = fresh.length;
    this.keys = keys;
    this.elements = reused as Element[];
  }
}
