/**
 * What a keystroke in the story editor redraws (issue 18, speed: keystroke → repainted page). Typing
 * at the head of 吴劲松's story (the keystroke bench's) reflows its first paragraph; every dozen keys
 * the paragraph gains a line and every line after it moves down (or on to the next column). Those
 * lines keep their elements and are given their new place, and the page ends as a fresh paint of
 * the same page draws it. Panels beside the page that show nothing a keystroke changes (the rulers,
 * the status line's 差错率) are not drawn again in the keystroke's render. The browser's own
 * insertion of the typed text lays out the story editor's body alone, not the window.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { recordTrace } from '../support/trace';
import { hostSession } from './workspace-support';

const BLOCK = 'b-wu-jinsong';
const LAYER = 'svg[data-layer="owner:wu-jinsong"]';

/**
 * React's devtools hook, installed before the app loads (React then reports every commit to it,
 * production builds too). For each commit it notes which of the watched components rendered: a
 * render gives the component's fiber a new list of hook states, a bailout keeps the old one.
 */
const WATCH_RENDERS = `(() => {
  const seen = new WeakSet();
  const watched = { page: '[data-testid="viewport"]', ruler: '[data-testid="ruler-top"]', errorRate: '[data-testid="status-error-rate"]' };
  window.__commits = [];
  const componentOf = (el) => {
    const key = el && Object.keys(el).find((k) => k.startsWith('__reactFiber$'));
    let f = key ? el[key] : null;
    while (f && typeof f.type !== 'function') f = f.return;
    return f;
  };
  const rendered = (f) => {
    if (!f) return false;
    let fresh = false;
    for (const s of [f.memoizedState, f.alternate && f.alternate.memoizedState]) if (s && !seen.has(s)) { seen.add(s); fresh = true; }
    return fresh;
  };
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true, isDisabled: false, renderers: new Map(),
    inject: () => 1, checkDCE: () => {}, onCommitFiberUnmount: () => {}, onPostCommitFiberRoot: () => {},
    onCommitFiberRoot: () => {
      const c = {};
      for (const [name, sel] of Object.entries(watched)) c[name] = rendered(componentOf(document.querySelector(sel)));
      window.__commits.push(c);
    },
  };
})()`;

type Commit = Record<'page' | 'ruler' | 'errorRate', boolean>;

/** Elements added to and attributes changed in the story's layer, per keystroke (one observer callback each). */
const WATCH_LAYER = `(() => {
  window.__layer = [];
  new MutationObserver((records) => {
    let added = 0, moved = 0;
    for (const r of records) {
      if (r.type === 'attributes') moved++;
      for (const n of r.addedNodes) if (n.nodeType === 1) added++;
    }
    window.__layer.push({ added, moved });
  }).observe(document.querySelector('${LAYER}'), { childList: true, attributes: true, subtree: true });
})()`;

async function openSample(page: Page, url: string): Promise<void> {
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(WATCH_RENDERS);
  await page.goto(url);
  await page.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
  await page.locator(`${LAYER} text`).first().waitFor();
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { type?: string }; beginData?: { partialLayout: boolean; totalObjects: number } };
}

/**
 * The layouts the browser ran inside its insertion of typed text (the textInput event's dispatch)
 * while `fn` runs, from a Chromium trace: whether each started at a layout root below the window's
 * (partial) and how many objects the tree had where it started.
 */
async function insertionLayouts(page: Page, fn: () => Promise<void>): Promise<{ partialLayout: boolean; totalObjects: number }[]> {
  const events = (await recordTrace<TraceEvent>(page, ['devtools.timeline'], fn)).filter((e) => e.ph === 'X');
  const insertions = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'textInput');
  const within = (e: TraceEvent) => insertions.some((i) => i.tid === e.tid && e.ts >= i.ts && e.ts <= i.ts + (i.dur ?? 0));
  return events.filter((e) => e.name === 'Layout' && e.args?.beginData && within(e)).map((e) => e.args!.beginData!);
}

/** The story's layer as drawn, its text elements' markup in order. */
const layerMarkup = (page: Page) => page.locator(LAYER).evaluate((svg) => svg.innerHTML);

describe.skipIf(!chromiumAvailable())('a keystroke redraws what it changed', () => {
  const web = hostSession({ sandbox: 'banmian-keystroke-paint-' });
  let page: Page;
  beforeAll(async () => {
    page = await web.browser.newPage({ viewport: { width: 1440, height: 950 }, deviceScaleFactor: 1 });
    await openSample(page, web.host.url);
    await page.getByTestId('tool-actual').click();
    const frame = page.locator(`[data-testid="overlay"] g.frame[data-block="${BLOCK}"] rect.frame-hit`);
    await frame.evaluate((el) => el.scrollIntoView({ block: 'start', inline: 'start' }));
    await frame.dblclick({ force: true, position: { x: 20, y: 20 } });
    await page.getByTestId('story-body').locator('p').first().click();
    await page.keyboard.press('Control+Home');
  });

  it('lines moved by a line added above them keep their elements, given their new place, and the page ends as a fresh paint draws it', async () => {
    await page.evaluate(WATCH_LAYER);
    const lines = await page.locator(`${LAYER} > text`).count();
    expect(lines).toBeGreaterThan(50);
    // Two lines' worth and more of the column's measure, a key at a time, each drawn before the next.
    const typed = '报社编辑部今晚组版'.repeat(5);
    for (const [i, ch] of [...typed].entries()) {
      await page.keyboard.type(ch);
      await page.waitForFunction((n) => (window as unknown as { __layer: unknown[] }).__layer.length >= n, i + 1);
    }
    const keys = await page.evaluate(() => (window as unknown as { __layer: { added: number; moved: number }[] }).__layer);
    expect(keys.length).toBe(typed.length);
    // Some keys moved most of the story's lines (its first paragraph gained a line)…
    expect(Math.max(...keys.map((k) => k.moved))).toBeGreaterThan(lines / 2);
    // …yet no key drew more than the few lines of the paragraph typed into anew (every line after
    // it was replaced before: ~70 elements parsed, styled and laid out for one character).
    expect(Math.max(...keys.map((k) => k.added))).toBeLessThan(10);

    // The same page opened in a second window, painted from nothing, draws the story's layer alike.
    const drawn = await layerMarkup(page);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+s');
    await page.getByTestId('dialog-save').waitFor();
    await page.getByTestId('dialog-file-name').fill('typed');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.title()).toBe('版面 Banmian — typed.banmian');
    const fresh = await web.browser.newPage({ viewport: { width: 1440, height: 950 }, deviceScaleFactor: 1 });
    await openSample(fresh, web.host.url);
    await fresh.keyboard.press('Control+o');
    await fresh.getByTestId('dialog-file-name').fill('typed.banmian');
    await fresh.getByTestId('dialog-ok').click();
    await expect.poll(() => fresh.title()).toBe('版面 Banmian — typed.banmian');
    await expect.poll(() => layerMarkup(fresh)).toContain(typed.slice(0, 9));
    expect(await layerMarkup(fresh)).toBe(drawn);
    await fresh.close();
  });

  it('the browser’s insertion of a typed character lays out the story editor’s body, not the whole window', async () => {
    await page.locator(`[data-testid="overlay"] g.frame[data-block="${BLOCK}"] rect.frame-hit`).dblclick({ force: true, position: { x: 20, y: 20 } });
    await page.getByTestId('story-body').locator('p').first().click();
    await page.keyboard.press('Control+Home');
    const layouts = await insertionLayouts(page, async () => {
      for (const ch of '今晚组版') {
        const before = await layerMarkup(page);
        await page.keyboard.type(ch);
        await page.waitForFunction((was) => document.querySelector('svg[data-layer="owner:wu-jinsong"]')!.innerHTML !== was, before);
      }
    });
    // Each key's insertion lays out the paragraph it changed before it places the caret…
    expect(layouts.length).toBeGreaterThanOrEqual(4);
    // …from the body's box (contain: strict, and no flex item, which Chromium lays out only with its
    // container), not from the window's root through its ~3,000 objects.
    expect(layouts.filter((l) => !l.partialLayout || l.totalObjects > 500)).toEqual([]);
  });

  it('the rulers and the status line’s 差错率 are not drawn again in a keystroke’s render', async () => {
    await page.locator(`[data-testid="overlay"] g.frame[data-block="${BLOCK}"] rect.frame-hit`).dblclick({ force: true, position: { x: 20, y: 20 } });
    await page.getByTestId('story-body').locator('p').first().click();
    await page.keyboard.press('Control+Home');
    // Both are there to be drawn (the rulers are on by default).
    expect(await page.getByTestId('ruler-top').count()).toBe(1);
    expect(await page.getByTestId('status-error-rate').count()).toBe(1);
    await page.evaluate(() => ((window as unknown as { __commits: Commit[] }).__commits = []));
    for (const ch of '今晚组版') {
      const before = await page.locator(`${LAYER}`).evaluate((svg) => svg.innerHTML);
      await page.keyboard.type(ch);
      await page.waitForFunction((was) => document.querySelector('svg[data-layer="owner:wu-jinsong"]')!.innerHTML !== was, before);
    }
    const commits = await page.evaluate(() => (window as unknown as { __commits: Commit[] }).__commits);
    // The keystrokes' commits: those that drew the page anew.
    const keystrokes = commits.filter((c) => c.page);
    expect(keystrokes.length).toBeGreaterThanOrEqual(4);
    expect(keystrokes.filter((c) => c.ruler)).toEqual([]);
    expect(keystrokes.filter((c) => c.errorRate)).toEqual([]);
  });
});
