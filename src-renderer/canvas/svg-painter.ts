import type { GlyphRun, LayoutItem, PageLayout } from '../../src-core/layout/page-layout';
import { pageToSvg, type SvgOptions } from '../../src-core/svg/page-svg';
import './canvas.css';

/**
 * Paints PageLayout into the DOM through pageToSvg, but keeps every element whose markup did not
 * change. Rebuilding all ~400 positioned <text> elements costs Chromium 100 ms or more per frame;
 * after a keystroke or during a drag only a few lines change, and only those are replaced.
 *
 * The page is drawn as a stack of SVG layers over one another, all with the page's viewBox: the
 * page itself (background, header, rules, boxes, pictures) and one layer per article (and per
 * caption). Each layer is its own positioned element, so Chromium records the paint of each
 * separately and reuses the recording of every layer that did not change: typing in one article
 * repaints that article's layer only, not the whole page.
 *
 * The markup of each item is exactly what pageToSvg writes for it (the page drawn with that one
 * item, minus the page's own wrapper), so the screen draws what the PDF draws.
 */

const SVG_NS = 'http://www.w3.org/2000/svg';
const PAGE_LAYER = 'page';

interface Layer {
  key: string;
  svg: SVGSVGElement;
  keys: string[];
  elements: Element[];
}

/** Layer keys by owner: one string per article, not a new one per line at every paint. */
const ownerLayers = new Map<string, string>();

/** The layer an item is drawn in: its article's (or caption's) own, or the page's. */
export function layerOf(item: LayoutItem): string {
  const owner = item.kind === 'glyphs' ? item.source?.owner : undefined;
  if (!owner) return PAGE_LAYER;
  let key = ownerLayers.get(owner);
  if (key === undefined) ownerLayers.set(owner, (key = `owner:${owner}`));
  return key;
}

/**
 * Each item's layer, in drawing order. A picture drawn after text that it covers (brought forward
 * over an article: 上移一层, a picture that does not wrap) gets a layer of its own at that place in the
 * stack, as the PDF draws it; in the page's layer it would lie under every article's text.
 */
export function drawingLayers(items: readonly LayoutItem[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item, index) => {
    const key = layerOf(item);
    if (item.kind !== 'image' || !coversTextBefore(items, index, item)) return key;
    const n = (seen.get(item.imageId) ?? 0) + 1;
    seen.set(item.imageId, n);
    return `picture:${item.imageId}:${n}`;
  });
}

/** Whether an article's or caption's line drawn before items[index] lies partly under the picture. */
function coversTextBefore(items: readonly LayoutItem[], index: number, picture: LayoutItem & { kind: 'image' }): boolean {
  for (let j = 0; j < index; j++) {
    const t = items[j];
    if (t.kind === 'glyphs' && layerOf(t) !== PAGE_LAYER && covers(picture, t)) return true;
  }
  return false;
}

/** Whether a picture's frame covers part of a line of text (the line from its first glyph's origin to its last's, a body high). */
function covers(p: { x: number; y: number; width: number; height: number }, line: GlyphRun): boolean {
  const left = line.xs[0] ?? 0;
  const right = (line.xs[line.xs.length - 1] ?? left) + line.size;
  return left < p.x + p.width && right > p.x && line.y - line.size < p.y + p.height && line.y > p.y;
}

export class SvgPainter {
  private shell = '';
  private prefixLength = 0;
  private template: SVGSVGElement | null = null;
  private layers = new Map<string, Layer>();
  /** Markup per layout item (pictures: with the href it was written with). */
  private markup = new WeakMap<LayoutItem, { s: string; href?: string }>();
  private markupFamily: SvgOptions['fontFamily'] | undefined;
  private markupAdvance: SvgOptions['advance'] | undefined;
  /** Markup of glyph lines drawn lately, by baseline and text (see paint). */
  private lines = new Map<string, { item: GlyphRun; s: string }>();
  private readonly shapes = new Shapes();
  /** Elements replaced in the last paint, for the benchmark and tests. */
  lastChanged = 0;
  /** Layers whose content changed in the last paint. */
  lastLayersChanged = 0;

  constructor(readonly host: HTMLElement) {}

  paint(layout: PageLayout, opts: SvgOptions): void {
    const empty = { ...layout, items: [] };
    const whole = pageToSvg(empty, opts);
    if (whole !== this.shell || !this.template || !this.host.contains(this.layers.get(PAGE_LAYER)?.svg ?? null)) this.reset(whole);
    // Layout hands back the very item objects of articles it did not set again, so their markup is
    // kept per object; it depends only on the font family mapping and the advances (pictures are always redone).
    if (opts.fontFamily !== this.markupFamily || opts.advance !== this.markupAdvance) {
      this.markup = new WeakMap();
      this.lines = new Map();
      this.markupFamily = opts.fontFamily;
      this.markupAdvance = opts.advance;
    }
    // Markup per item, grouped by layer in drawing order (the page's layer first).
    const groups = new Map<string, string[]>([[PAGE_LAYER, []]]);
    const layerKeys = drawingLayers(layout.items);
    for (const [index, item] of layout.items.entries()) {
      const href = item.kind === 'image' ? opts.imageHref?.(item.imageId) : undefined;
      const kept = this.markup.get(item);
      let s = kept && kept.href === href ? kept.s : undefined;
      if (s === undefined) {
        // An article set again comes back as new objects for all its lines, though a keystroke
        // changes only a few of them: a line equal to one drawn before keeps that one's markup.
        const line = item.kind === 'glyphs' ? `${item.y}|${item.text}` : undefined;
        const before = line === undefined ? undefined : this.lines.get(line);
        if (before && sameGlyphs(before.item, item as GlyphRun)) s = before.s;
        else {
          s = pageToSvg({ ...empty, items: [item] }, opts).slice(this.prefixLength, -'</svg>'.length);
          if (line !== undefined) this.lines.set(line, { item: item as GlyphRun, s });
        }
        this.markup.set(item, { s, href });
      }
      // A styled rule draws nothing itself (its art item does): no element for it.
      if (!s) continue;
      const key = layerKeys[index];
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(s);
    }
    if (this.lines.size > 2 * layout.items.length + 200) this.forgetLines(layout);
    let changed = 0;
    let layersChanged = 0;
    const order: Layer[] = [];
    for (const [key, keys] of groups) {
      const layer = this.layers.get(key) ?? this.addLayer(key);
      const n = reconcile(layer, keys, this.shapes);
      changed += n;
      if (n || layer.keys.length !== keys.length) layersChanged++;
      layer.keys = keys;
      order.push(layer);
    }
    for (const [key, layer] of this.layers) {
      if (!groups.has(key)) {
        layer.svg.remove();
        this.layers.delete(key);
        layersChanged++;
      }
    }
    // Layers in drawing order, moving as few as possible.
    let cursor: ChildNode | null = this.host.firstChild;
    for (const layer of order) {
      if (layer.svg === cursor) cursor = cursor.nextSibling;
      else this.host.insertBefore(layer.svg, cursor);
    }
    this.lastChanged = changed;
    this.lastLayersChanged = layersChanged;
  }

  /** Keeps only the lines of the page as it is now. */
  private forgetLines(layout: PageLayout): void {
    const lines = new Map<string, { item: GlyphRun; s: string }>();
    for (const item of layout.items) {
      const s = item.kind === 'glyphs' ? this.markup.get(item)?.s : undefined;
      if (s !== undefined) lines.set(`${(item as GlyphRun).y}|${(item as GlyphRun).text}`, { item: item as GlyphRun, s });
    }
    this.lines = lines;
  }

  private reset(whole: string): void {
    this.host.innerHTML = whole;
    const first = this.host.querySelector('svg')!;
    this.shell = whole;
    this.prefixLength = whole.length - '</svg>'.length;
    // The page's own layer keeps the background; the others are transparent copies of the wrapper.
    const template = first.cloneNode(false) as SVGSVGElement;
    template.setAttribute('class', 'page-layer');
    template.setAttribute('style', `${first.getAttribute('style') ?? ''};position:absolute;inset:0;width:100%;height:100%;pointer-events:none`);
    this.template = template;
    first.setAttribute('class', 'page-layer page-layer-page');
    // The background rect stays first in the page layer, before the reconciled items.
    pageItemsStart.set(first, first.childNodes.length);
    this.layers = new Map([[PAGE_LAYER, { key: PAGE_LAYER, svg: first, keys: [], elements: [] }]]);
  }

  private addLayer(key: string): Layer {
    const svg = this.template!.cloneNode(false) as SVGSVGElement;
    svg.setAttribute('data-layer', key);
    const layer: Layer = { key, svg, keys: [], elements: [] };
    this.layers.set(key, layer);
    return layer;
  }
}

/** Two glyph lines that pageToSvg writes alike. */
export function sameGlyphs(a: GlyphRun, b: GlyphRun): boolean {
  if (a.text !== b.text || a.y !== b.y || a.face !== b.face || a.size !== b.size || a.hScale !== b.hScale || a.boldStroke !== b.boldStroke) return false;
  if (a.color.c !== b.color.c || a.color.m !== b.color.m || a.color.y !== b.color.y || a.color.k !== b.color.k) return false;
  if (a.xs.length !== b.xs.length) return false;
  for (let i = 0; i < a.xs.length; i++) if (a.xs[i] !== b.xs[i]) return false;
  // 竖排: each glyph's own y, and whether the run is turned.
  if (a.turned !== b.turned || !a.ys !== !b.ys) return false;
  if (a.ys && b.ys) for (let i = 0; i < a.ys.length; i++) if (a.ys[i] !== b.ys[i]) return false;
  return true;
}

/** Markup without the values of its x and y attributes: two lines alike but for where they stand. */
function shapeOf(markup: string): string {
  return markup.replace(/<[^>]*>/g, (tag) => tag.replace(/ ([xy])="[^"]*"/g, ' $1'));
}

/**
 * shapeOf, kept per markup: a line that moved is looked up by its shape when it moves and again,
 * as an old element, at the next keystroke that moves it; remade each time, the shapes of the ~70
 * lines after a paragraph that gained a line were most of what a keystroke allocated.
 */
/** Line shapes kept at most: more than the lines of the pages lately drawn. */
const SHAPES_KEPT = 4000;

class Shapes {
  private readonly shapes = new Map<string, string>();

  of(markup: string): string {
    let shape = this.shapes.get(markup);
    if (shape === undefined) {
      // Only lines of the pages lately drawn are worth keeping; past a bound they are all let go.
      if (this.shapes.size > SHAPES_KEPT) this.shapes.clear();
      this.shapes.set(markup, (shape = shapeOf(markup)));
    }
    return shape;
  }
}

/** The x and y of each element of `markup`, in document order (null where it has none). */
function placesOf(markup: string): [string | null, string | null][] {
  return [...markup.matchAll(/<[a-zA-Z][^>]*>/g)].map(([tag]) => [/ x="([^"]*)"/.exec(tag)?.[1] ?? null, / y="([^"]*)"/.exec(tag)?.[1] ?? null]);
}

/**
 * A line that only moved (its paragraph gained or lost a line above it, or it went on to the next
 * column): it keeps its element, given the new x and y, instead of a new one parsed in its place.
 * When a keystroke adds a line to a paragraph every line after it moves; parsing, styling and
 * inserting them all anew cost that keystroke 3–6 ms more than the others. The element ends up
 * exactly as the new markup would parse. Fills `reused` for the lines it moves; returns their elements.
 */
function moveLines(host: SVGSVGElement, pool: Map<string, Element[]>, keys: string[], unmatched: number[], reused: (Element | undefined)[], shapes: Shapes): Set<Element> {
  const moved = new Set<Element>();
  const byShape = new Map<string, { el: Element; key: string }[]>();
  for (const [key, list] of pool) {
    if (!key.startsWith('<text ')) continue;
    const shape = shapes.of(key);
    for (const el of list) {
      if (el.localName !== 'text' || el.parentNode !== host) continue;
      const same = byShape.get(shape);
      if (same) same.push({ el, key });
      else byShape.set(shape, [{ el, key }]);
    }
  }
  if (!byShape.size) return moved;
  for (const i of unmatched) {
    if (!keys[i].startsWith('<text ')) continue;
    const old = byShape.get(shapes.of(keys[i]))?.shift();
    if (!old) continue;
    const elements = [old.el, ...old.el.querySelectorAll('*')];
    placesOf(keys[i]).forEach(([x, y], j) => {
      if (x !== null && elements[j].getAttribute('x') !== x) elements[j].setAttribute('x', x);
      if (y !== null && elements[j].getAttribute('y') !== y) elements[j].setAttribute('y', y);
    });
    moved.add(old.el);
    reused[i] = old.el;
  }
  return moved;
}

/** Children before the reconciled items (the page layer's background). */
const pageItemsStart = new WeakMap<SVGSVGElement, number>();

/** Replaces the layer's changed items; returns how many elements were made anew. */
function reconcile(layer: Layer, keys: string[], shapes: Shapes): number {
  if (keys.length === layer.keys.length && keys.every((k, i) => k === layer.keys[i])) return 0;
  const host = layer.svg;
  // Old elements by markup; equal markup may occur more than once (identical rules).
  const pool = new Map<string, Element[]>();
  layer.keys.forEach((k, i) => {
    const list = pool.get(k);
    if (list) list.push(layer.elements[i]);
    else pool.set(k, [layer.elements[i]]);
  });
  const reused = new Array<Element | undefined>(keys.length);
  const fresh: number[] = [];
  const unmatched: number[] = [];
  keys.forEach((k, i) => {
    const el = pool.get(k)?.shift();
    if (el) reused[i] = el;
    else unmatched.push(i);
  });
  const moved = moveLines(host, pool, keys, unmatched, reused, shapes);
  for (const i of unmatched) if (!reused[i]) fresh.push(i);
  for (const list of pool.values()) for (const el of list) if (!moved.has(el)) el.remove();
  // New elements are parsed in one go, in the SVG namespace.
  if (fresh.length) {
    const scratch = document.createElementNS(SVG_NS, 'g');
    scratch.innerHTML = fresh.map((i) => `<g>${keys[i]}</g>`).join('');
    const made = [...scratch.children];
    fresh.forEach((i, j) => {
      const g = made[j];
      // Most items are one element; keep the wrapper only when an item made several.
      reused[i] = g.childElementCount === 1 ? g.firstElementChild! : g;
    });
  }
  // Put everything in order after the fixed children, moving as few kept elements as possible.
  let cursor: ChildNode | null = host.childNodes[pageItemsStart.get(host) ?? 0] ?? null;
  for (const el of reused as Element[]) {
    if (el === cursor) cursor = cursor.nextSibling;
    else host.insertBefore(el, cursor);
  }
  layer.elements = reused as Element[];
  return fresh.length;
}
