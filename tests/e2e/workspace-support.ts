import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { startWebHost, type WebHost, type WebHostOptions } from '../../src-main/web-host/server';
import { launchChromium } from '../support/browser';
import { findProjectRoot } from '../../src-main/host/handlers';

/** Helpers for driving the workspace in Chromium as a person would: by pointer and keyboard. */

export const root = findProjectRoot();
export const resultsDir = join(root, 'test-results');

export function requireBuild(dist = join(root, 'dist-web')): void {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} is not built: run \`npm run test:e2e\` (or \`npm run web:build\` first)`);
}

/** Opens the app and waits for the page; collects console errors and page errors into `problems`. */
export async function openApp(browser: Browser, url: string, problems: string[], viewport = { width: 1440, height: 950 }): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await lateSelectionChange(page);
  await slowerCpu(page);
  await page.goto(url);
  await page.waitForSelector('.status[data-state="ready"], .status[data-state="error"]', { timeout: 90_000 });
  return page;
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, name);
  writeFileSync(file, await page.screenshot());
  return file;
}

export interface FrameBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A block's frame as the overlay draws it, in page pt. */
export async function frameOf(page: Page, blockId: string): Promise<FrameBox> {
  const rect = page.locator(`[data-testid="overlay"] g.frame[data-block="${blockId}"] rect.frame-hit`);
  const [x, y, width, height] = await Promise.all(['x', 'y', 'width', 'height'].map((a) => rect.getAttribute(a)));
  return { x: Number(x), y: Number(y), width: Number(width), height: Number(height) };
}

/** Client (screen) coordinates of a point given in page pt. */
export async function clientPoint(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId('sheet').boundingBox())!;
  const viewBox = (await page.getByTestId('overlay').getAttribute('viewBox'))!.split(' ').map(Number);
  const scale = box.width / viewBox[2];
  return { x: box.x + x * scale, y: box.y + y * scale };
}

/** Drags with the mouse from one page point to another, in steps, as a hand would. */
export async function dragPage(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, opts: { steps?: number; alt?: boolean } = {}): Promise<void> {
  const a = await clientPoint(page, from.x, from.y);
  const b = await clientPoint(page, to.x, to.y);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  if (opts.alt) await page.keyboard.down('Alt');
  await page.mouse.move(b.x, b.y, { steps: opts.steps ?? 8 });
  await page.mouse.up();
  if (opts.alt) await page.keyboard.up('Alt');
}

/** Where the page SVG draws the first text element containing `text` (client px). */
export async function textBox(page: Page, text: string) {
  return page.locator('[data-testid="page"] svg text', { hasText: text }).first().boundingBox();
}

/** All the text of the page SVG, in drawing order. */
export async function pageText(page: Page): Promise<string> {
  return (await page.locator('[data-testid="page"] svg text').allTextContents()).join('');
}

/** Runs a command from the window's menus (文件, 编辑, 校对 …), as a person would. */
export async function menu(page: Page, title: string, command: string): Promise<void> {
  await page.getByTestId(`menu-${title}`).click();
  await page.locator(`[data-command="${command}"]`).click();
}

/** Opens a block's article in the story editor by double-clicking its text on the page. */
export async function openStory(page: Page, blockId: string): Promise<void> {
  const f = await frameOf(page, blockId);
  const c = await clientPoint(page, f.x + f.width / 2, f.y + f.height * 0.6);
  await page.mouse.dblclick(c.x, c.y);
  await page.getByTestId('story-editor').waitFor();
}

/** Opens an edition file of the pages folder with 文件 → 打开 (Ctrl+O), as a person would, and waits for its overview. */
export async function openEdition(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+o');
  await page.getByTestId('dialog-file-name').fill(name);
  await page.getByTestId('dialog-ok').click();
  await page.getByTestId('edition-overview').waitFor();
}

/**
 * Exports the print PDF under `name` through the export dialog (Ctrl+E), exporting anyway when
 * preflight blocks it, and closes the dialog.
 */
export async function exportPrintPdf(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+e');
  await page.getByTestId('dialog-export').waitFor();
  await page.getByTestId('export-file-name').fill(name);
  await page.getByTestId('export-ok').click();
  await page.getByTestId('export-report').waitFor({ timeout: 60_000 });
  if (await page.getByTestId('export-force').count()) await page.getByTestId('export-force').click();
  await expect.poll(async () => page.getByTestId('export-result').innerText(), { timeout: 60_000 }).toContain('已导出');
  await page.keyboard.press('Escape');
}

/** The grid geometry the overlay uses: column step and line pitch in pt, read from the app. */
export async function blockProps(page: Page): Promise<{ col: number; span: number; row: number; rows: number }> {
  const v = async (id: string) => Number(await page.getByTestId(id).inputValue());
  return { col: (await v('prop-col')) - 1, span: await v('prop-span'), row: (await v('prop-row')) - 1, rows: await v('prop-rows') };
}

/** The one reference-image comparison of the test suite. */
export { compareWithReference } from '../support/reference';

export interface BrowserSession {
  browser: Browser;
  /** With a prefix, a folder of the session's own, named at once and removed afterwards; without, the host's temporary one. */
  sandbox: string;
  /** Console errors and CSP violations seen by the pages opened with it. */
  problems: string[];
}

export interface HostSession extends BrowserSession {
  host: WebHost;
}

export interface HostSessionOptions extends Omit<WebHostOptions, 'port' | 'sandbox'> {
  /** The prefix of the sandbox folder's name (in the system's temporary folder). */
  sandbox?: string;
  /** Fills the sandbox (`sandbox` named) before the host starts: a page file, an edition. */
  prepare?: (sandbox: string) => void | Promise<void>;
}

/**
 * For a describe block: the web host (on a free port, on a sandbox of its own when `sandbox` names
 * one) and Chromium, started before the block's tests and closed afterwards, the sandbox removed.
 * The block opens its own pages; `host` and `browser` are there once its tests run.
 */
export function hostSession(options: HostSessionOptions = {}): HostSession {
  const { sandbox, prepare, ...hostOptions } = options;
  return session(sandbox, prepare, hostOptions);
}

/** For a describe block that runs its web hosts itself (processes it can kill): a sandbox named from `prefix` and Chromium, as hostSession. */
export function browserSession(prefix: string): BrowserSession {
  return session(prefix, undefined, undefined);
}

function session(prefix: string | undefined, prepare: HostSessionOptions['prepare'], hostOptions: Omit<WebHostOptions, 'port' | 'sandbox'> | undefined): HostSession {
  const s = { problems: [] as string[], sandbox: prefix === undefined ? undefined : join(tmpdir(), `${prefix}${randomUUID()}`) } as HostSession;
  const own = s.sandbox;
  if (prepare && own === undefined) throw new Error('hostSession: prepare fills a sandbox of its own; name one');
  beforeAll(async () => {
    requireBuild(hostOptions?.root);
    if (own !== undefined) {
      mkdirSync(own);
      await prepare?.(own);
    }
    if (hostOptions) {
      s.host = await startWebHost({ ...hostOptions, port: 0, sandbox: own });
      s.sandbox = s.host.sandbox;
    }
    s.browser = await launchChromium();
  });
  afterAll(async () => {
    await s.browser?.close();
    await s.host?.close();
    if (own !== undefined) rmSync(own, { recursive: true, force: true });
  });
  return s;
}

export interface WorkspaceSession extends HostSession {
  page: Page;
}

/** 适合页面: the whole page in view, so every block can be reached with the pointer. */
export async function fitPage(page: Page): Promise<void> {
  await page.getByTestId('tool-view.fitPage').click();
}

/** `openApp` at a viewport, with the whole page in view. */
export async function openFitted(browser: Browser, url: string, problems: string[], viewport?: { width: number; height: number }): Promise<Page> {
  const page = await openApp(browser, url, problems, viewport);
  await fitPage(page);
  return page;
}

/**
 * For a describe block: starts the web host and Chromium once, opens the app on the sample page
 * at the viewport (openApp's by default) with the whole page in view, and closes both afterwards.
 * The fields are filled when the block's tests run.
 */
export function workspaceSession(viewport?: { width: number; height: number }): WorkspaceSession {
  const s = hostSession() as WorkspaceSession;
  beforeAll(async () => {
    s.page = await openFitted(s.browser, s.host.url, s.problems, viewport);
  });
  return s;
}

/** Puts the caret after the first `after` in the open story's first paragraph, moving there by keyboard. */
export async function caretAfter(p: Page, after: string): Promise<void> {
  const first = p.getByTestId('story-body').locator('p').first();
  const at = (await first.innerText()).indexOf(after);
  if (at < 0) throw new Error(`${after} not in the first paragraph`);
  await first.click();
  await p.keyboard.press('Control+Home');
  for (let i = 0; i < at + after.length; i++) await p.keyboard.press('ArrowRight');
  await selectionRead(p);
}

/** Types `text` after the first `after` in the open story's first paragraph (caretAfter). */
export async function typeAfter(p: Page, after: string, text: string): Promise<void> {
  await caretAfter(p, after);
  await p.keyboard.type(text);
}

/**
 * Clicks into an editable element and waits until the selection is inside it: a busy machine may
 * not have read the click before the next key is pressed.
 */
export async function clickCaret(el: Locator, position?: { x: number; y: number }): Promise<void> {
  await el.click(position ? { position } : undefined);
  await expect.poll(() => el.evaluate((node) => node.contains(document.getSelection()?.anchorNode ?? null))).toBe(true);
  await selectionRead(el.page());
}

/**
 * Selects the first two characters of the story editor's first paragraph and waits until the editor
 * holds them: ProseMirror takes the selection from the DOM on selectionchange, which the browser sends
 * later, and a key such as Ctrl+B acts on the editor's own selection.
 */
export async function selectTwoCharacters(page: Page): Promise<void> {
  await clickCaret(page.getByTestId('story-body').locator('p').first(), { x: 30, y: 8 });
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(() => editorSelection(page)).toBe(2);
}

/** How many characters the story editor's own selection holds. */
export function editorSelection(page: Page): Promise<number> {
  return page.getByTestId('story-body').evaluate((el) => {
    const state = (el as HTMLElement & { editor?: { state: { selection: { from: number; to: number } } } }).editor?.state;
    return state ? state.selection.to - state.selection.from : 0;
  });
}

/**
 * With BANMIAN_E2E_LATE_SELECTION=ms, every `selectionchange` reaches its listeners that much later,
 * as on a machine too busy to run the browser's task before the test's next key: a run of the suite
 * so finds the tests that press a key before the editor has read the caret (see `selectionRead`).
 */
async function lateSelectionChange(page: Page): Promise<void> {
  const ms = Number(process.env.BANMIAN_E2E_LATE_SELECTION ?? 0);
  if (!(ms > 0)) return;
  await page.addInitScript((delay: number) => {
    const proto = Document.prototype;
    const add = proto.addEventListener;
    const remove = proto.removeEventListener;
    const late = new WeakMap<object, EventListener>();
    const lateOf = (fn: EventListenerOrEventListenerObject): EventListener => {
      if (!late.has(fn)) late.set(fn, (e) => setTimeout(() => (typeof fn === 'function' ? fn(e) : fn.handleEvent(e)), delay));
      return late.get(fn)!;
    };
    type Listen = (this: Document, type: string, fn: EventListenerOrEventListenerObject, o?: boolean | AddEventListenerOptions) => void;
    const wrap = (real: Listen): Listen =>
      function (type, fn, o) {
        real.call(this, type, type === 'selectionchange' ? lateOf(fn) : fn, o);
      };
    proto.addEventListener = wrap(add);
    proto.removeEventListener = wrap(remove);
  }, ms);
}

/** With BANMIAN_E2E_CPU_SLOWDOWN=N, the page runs N times slower (CDP CPU throttling), as on a slow machine. */
async function slowerCpu(page: Page): Promise<void> {
  const rate = Number(process.env.BANMIAN_E2E_CPU_SLOWDOWN ?? 1);
  if (!(rate > 1)) return;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Waits until the story editor has read the browser's selection. ProseMirror takes a click's or an
 * arrow key's selection from the DOM on `selectionchange`, which Chromium sends in a task of its own;
 * on a busy machine the test's next key (sent with the DevTools' priority) can overtake it, and a
 * command such as Ctrl+Shift+K would act where the caret was before. No-op outside a story editor.
 */
export async function selectionRead(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const sel = document.getSelection();
        const at = sel?.anchorNode;
        const host = (at instanceof Element ? at : at?.parentElement)?.closest('.ProseMirror') as (Element & { editor?: { view: { state: { selection: { anchor: number; head: number } }; posAtDOM(n: Node, o: number): number } } }) | null;
        const view = host?.editor?.view;
        if (!sel || !view || !sel.focusNode) return true;
        try {
          const { anchor, head } = view.state.selection;
          return view.posAtDOM(sel.anchorNode!, sel.anchorOffset) === anchor && view.posAtDOM(sel.focusNode, sel.focusOffset) === head;
        } catch {
          return false;
        }
      }),
    )
    .toBe(true);
}

/** 版面 → 移至第 N 版… on block `id` of an edition's page: the block selected, the bar's page number filled in, 移动. */
export async function movePartTo(page: Page, id: string, to: string): Promise<void> {
  await clickBlock(page, id);
  await menu(page, 'layout', 'layout.movePart');
  await page.getByTestId('edition-move-to').fill(to);
  await page.getByTestId('edition-move-ok').click();
}

/** A click in the middle of a block's frame on the canvas (with Shift: added to the selection). */
export async function clickBlock(page: Page, id: string, shift = false): Promise<void> {
  const f = await frameOf(page, id);
  const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
  if (shift) await page.keyboard.down('Shift');
  await page.mouse.click(p.x, p.y);
  if (shift) await page.keyboard.up('Shift');
}
