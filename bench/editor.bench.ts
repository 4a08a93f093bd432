/**
 * The workspace in Chromium on the web host, as a user meets it: app start to an interactive page
 * (a browser's first launch and its second, with what each downloads), keystroke in the story editor to the repainted page, repaint rate while dragging a block, and the
 * renderer's memory with the sample page open. One line per figure.
 * Needs the web build (npm run web:build).
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { Block, BanmianDocument } from '../src-core/model/document';
import { gridGeometry } from '../src-core/model/grid';
import { serializeDocument } from '../src-core/model/serialize';
import { findProjectRoot } from '../src-main/host/handlers';
import { startWebHost } from '../src-main/web-host/server';
import { chromiumAvailable, launchChromium, launchChromiumWithProfile } from '../tests/support/browser';
import { samplePage } from './pages';
import { cpuAfter, cpuOf, tasksAfter, traceMainThread } from './main-thread';
import { median, percentile, printFigure } from './stats';

const root = findProjectRoot();
if (!existsSync(join(root, 'dist-web/index.html'))) {
  console.error('dist-web/ is not built: run `npm run web:build` first');
  process.exit(1);
}
if (!chromiumAvailable()) {
  console.error('no Chromium at /usr/bin/chromium: skipped');
  process.exit(0);
}

const host = await startWebHost({ port: 0 });
const browser = await launchChromium();

/**
 * Interactive, watched from inside the page: at each frame it looks for the ready status line and
 * the page's drawn text; once both are there, the moment that frame has been drawn (a timer set in
 * its callback), ms after navigation began. Watching from here with waitForSelector added the
 * driver's polling and round trips (100–200 ms on a loaded machine) that no user waits for.
 */
const WATCH_INTERACTIVE = `(() => {
  const w = window;
  w.__interactive = new Promise((done) => {
    const look = () => {
      if (document.querySelector('.status[data-state="ready"]') && document.querySelector('[data-testid="page"] svg text')) setTimeout(() => done(performance.now()), 0);
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
})()`;

/** ms after navigation at which the page was interactive (WATCH_INTERACTIVE, installed before it loaded). */
async function interactive(page: Page): Promise<number> {
  await page.waitForSelector('.status[data-state="ready"]', { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { __interactive: Promise<number> }).__interactive);
}

async function open(): Promise<{ page: Page; ms: number }> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 950 }, deviceScaleFactor: 1 });
  // tsx keeps function names with a helper that the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.addInitScript(WATCH_INTERACTIVE);
  await page.goto(host.url);
  return { page, ms: await interactive(page) };
}

interface Launch {
  ms: number;
  /** The start's steps (App's BOOT_MARKS, the first paint), each ms after navigation began. */
  steps: Record<string, number>;
  /** Font bytes that came over the wire before the page was interactive (0 for a face the HTTP cache had). */
  fontBytes: number;
  /** Scripts requested before the first contentful paint (the entry and what it preloads), decoded. */
  scriptBytes: number;
  /** The renderer main thread's CPU from navigation to interactive and the trace's end (traced launches only). */
  cpuMs?: number;
}

/** One launch of a browser with the profile `profile`: goto → interactive, what it downloaded. */
async function launch(profile: string, opts: { settle?: boolean; trace?: boolean } = {}): Promise<Launch> {
  const context: BrowserContext = await launchChromiumWithProfile(profile);
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const fontRequests = new Set<string>();
    let fontBytes = 0;
    cdp.on('Network.responseReceived', ({ requestId, response }) => void (/\/fonts\/|\/api\/fontBytes$/.test(response.url) && fontRequests.add(requestId)));
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => void (fontRequests.has(requestId) && (fontBytes += encodedDataLength)));
    await context.addInitScript(WATCH_INTERACTIVE);
    let ms = 0;
    const go = async () => {
      await page.goto(host.url);
      ms = await interactive(page);
    };
    // The main thread's CPU up to interactive, when asked (a trace slows the launch a little).
    const cpuMs = opts.trace ? cpuOf(await traceMainThread(page, go)) : undefined;
    if (!opts.trace) await go();
    // What came before the page was interactive (the rest of the faces follow when the window is idle).
    const fontBytesAtStart = fontBytes;
    const scriptBytes = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
      const scripts = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => new URL(e.name).pathname.endsWith('.js') && e.startTime < paint);
      return scripts.reduce((n, e) => n + e.decodedBodySize, 0);
    });
    const steps = await page.evaluate(() => {
      const at: Record<string, number> = {};
      for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('bm:')) at[m.name.slice(3)] ??= Math.round(m.startTime);
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      if (paint) at['first-paint'] = Math.round(paint.startTime);
      return at;
    });
    // A person's first session outlasts its start: the faces fetched when idle reach the HTTP cache
    // before the browser is closed. Closed at once, the second launch fetched again the faces the
    // first was still fetching (14 MB of them) and measured that, not a launch from the cache.
    if (opts.settle) await facesSettled(page);
    return { ms, steps, fontBytes: fontBytesAtStart, scriptBytes, cpuMs };
  } finally {
    await context.close();
  }
}

/**
 * A user's browser launched twice with one profile (its HTTP cache on disk): the first launch
 * downloads the fonts and scripts, the second finds them cached by their content addresses. A fresh
 * profile each round; the host process is warm (its fonts opened by an earlier launch).
 */
async function launches(rounds: number): Promise<{ first: Launch[]; second: Launch[] }> {
  const first: Launch[] = [];
  const second: Launch[] = [];
  for (let i = 0; i < rounds; i++) {
    const profile = mkdtempSync(join(tmpdir(), 'banmian-bench-profile-'));
    try {
      first.push(await launch(profile, { settle: true }));
      second.push(await launch(profile));
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
  }
  return { first, second };
}

const MB = 1024 * 1024;

/**
 * A marquee dragged from the page's top-left corner to its bottom-right over 120 frames, one pointer
 * move a frame, then let go. Each frame's work on the main thread (from its animation frame to the
 * task after it: script, style, layout, paint), and the letting go's (input → the frame after it)
 * with the selection it made. Over the bench's page of 40 blocks (openFortyBlockPage).
 */
async function marqueeFrames(page: Page): Promise<{ blocks: number; worst: number; median: number; release: number; selected: number }> {
  const sheet = (await page.getByTestId('sheet').boundingBox())!;
  const corner = { x: sheet.x + 2, y: sheet.y + 2 };
  const blocks = await page.locator('[data-testid="overlay"] g.frame').count();
  // A press on empty page leaves nothing selected.
  await page.mouse.click(corner.x, corner.y);
  await page.mouse.move(corner.x, corner.y);
  await page.mouse.down();
  const frames = await page.evaluate(
    ({ from, to }) =>
      new Promise<number[]>((done) => {
        const vp = document.querySelector('[data-testid="viewport"]')!;
        const work: number[] = [];
        let n = 0;
        const tick = (start: number) => {
          if (n++ >= 120) return done(work);
          const t = n / 120;
          vp.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: from.x + (to.x - from.x) * t, clientY: from.y + (to.y - from.y) * t, pointerId: 1, pointerType: 'mouse', buttons: 1 }));
          setTimeout(() => work.push(performance.now() - start), 0);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { from: corner, to: { x: sheet.x + sheet.width - 2, y: sheet.y + sheet.height - 2 } },
  );
  await page.evaluate(() => {
    const w = window as unknown as { __release: number };
    window.addEventListener('pointerup', (e) => requestAnimationFrame(() => setTimeout(() => (w.__release = performance.now() - e.timeStamp), 0)), { once: true, capture: true });
  });
  await page.mouse.up();
  await page.waitForFunction(() => (window as unknown as { __release?: number }).__release !== undefined);
  const release = await page.evaluate(() => (window as unknown as { __release: number }).__release);
  const selected = await page.locator('[data-testid="overlay"] [data-selected]').count();
  return { blocks, worst: Math.max(...frames), median: median(frames), release, selected };
}

/** The story typed into: 827 characters, the sample's nearest to the 800. */
const TYPED_BLOCK = 'b-wu-jinsong';

/**
 * Keystroke → repainted page as the issue asks: at 100 % zoom (实际大小), typing at the start of an
 * 800-character story so that it reflows from its first line; keys back to back (each as soon as the
 * last was drawn) and at a typist's pace. Also the keystroke's own work: input → page SVG changed.
 */
/** Keys typed at a typist's pace and measured (the keystroke figure). */
const PACED_KEYS = 100;

async function typing(page: Page): Promise<void> {
  await page.getByTestId('tool-actual').click();
  const frame = page.locator(`[data-testid="overlay"] g.frame[data-block="${TYPED_BLOCK}"] rect.frame-hit`);
  await frame.evaluate((el) => el.scrollIntoView({ block: 'start', inline: 'start' }));
  await frame.dblclick({ force: true, position: { x: 20, y: 20 } });
  await page.getByTestId('story-body').locator('p').first().click();
  await page.keyboard.press('Control+Home');
  const scale = await page.evaluate(() => document.querySelector('[data-testid="sheet"]')!.getBoundingClientRect().width / 1105.5);
  await page.evaluate(() => {
    const w = window as unknown as { __keyTimes: number[]; __workTimes: number[]; __t0: number };
    w.__keyTimes = [];
    w.__workTimes = [];
    // Typed Chinese arrives as text input (an IME commits it), so the clock starts at beforeinput.
    window.addEventListener('beforeinput', (e) => (w.__t0 = e.timeStamp), { capture: true });
    const target = document.querySelector('[data-testid="page"]')!;
    new MutationObserver(() => {
      const t0 = w.__t0;
      // The work alone: input → page SVG changed (the frame that shows it comes at the next vsync).
      w.__workTimes.push(performance.now() - t0);
      requestAnimationFrame(() => setTimeout(() => w.__keyTimes.push(performance.now() - t0), 0));
    }).observe(target, { childList: true, subtree: true });
  });
  const chars = '报社编辑部今晚组版';
  const read = (key: '__keyTimes' | '__workTimes') => page.evaluate((k) => (window as unknown as Record<string, number[]>)[k], key);
  const measured = (n: number) => page.waitForFunction((k) => (window as unknown as { __keyTimes: number[] }).__keyTimes.length >= k, n);
  // Keys back to back, each as soon as the last one was drawn; the first five warm up.
  // waitForFunction polls once a frame, so a key arrives a moment after a frame began: the frame
  // that can show it is the next one, a whole 60 Hz frame (16.7 ms) later however little the key's
  // work. That is the display's phase, not the app's; typing (the figure) comes at any
  // moment of the screen's cycle, as the paced keys below do.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.type(chars[i % chars.length]);
    await measured(i + 1);
  }
  const keyTimes = (await read('__keyTimes')).slice(5, 40);
  const workTimes = (await read('__workTimes')).slice(5, 40);
  const where = `at ${Math.round((scale / (96 / 72)) * 100)} % zoom, typing at the head of a ${827}-character story (reflows from its first line)`;
  printFigure('editor.keystroke-to-page-updated', median(workTimes), 'ms', `median of ${workTimes.length}, p95 ${percentile(workTimes, 95).toFixed(1)} ms: input → page SVG changed, before the frame that shows it, back to back, ${where}`);
  printFigure('editor.keystroke-to-repaint', median(keyTimes), 'ms', `median of ${keyTimes.length}, p95 ${percentile(keyTimes, 95).toFixed(1)} ms, keys back to back, each just after a frame began, so one frame (16.7 ms) is its floor, ${where}; the issue's target (≤ 12 ms median, ≤ 16 ms p95) is for typing, the paced figure below`);
  // The same keys at a typist's pace, 100–200 ms apart: the page is idle when each one comes, at any
  // moment of the screen's cycle. The paragraph is first put back as it was.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Backspace');
    await measured(41 + i);
  }
  // (a hundred keys after five to warm up: with 35 the p95 was the second-worst key, one scavenge or one
  // other process taking the core moved it by 3 ms from run to run)
  for (let i = 0; i < PACED_KEYS + 5; i++) {
    await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
    await page.keyboard.type(chars[i % chars.length]);
    await measured(81 + i);
  }
  const paced = (await read('__keyTimes')).slice(85, 85 + PACED_KEYS);
  const pacedWork = (await read('__workTimes')).slice(85, 85 + PACED_KEYS);
  printFigure('editor.keystroke-to-page-updated-typing-pace', median(pacedWork), 'ms', `median of ${pacedWork.length} keys 100–200 ms apart, p95 ${percentile(pacedWork, 95).toFixed(1)} ms: input → page SVG changed, ${where}`);
  printFigure('editor.keystroke-to-repaint-typing-pace', median(paced), 'ms', `median of ${paced.length} keys 100–200 ms apart, p95 ${percentile(paced, 95).toFixed(1)} ms, ${where} (target ≤ 12 ms median, ≤ 16 ms p95)`);
  // The same pace once more under a trace: each key's main-thread CPU, from its text input through
  // the frame that shows it (the tasks of the 50 ms after it), whatever else the machine is running.
  const thread = await traceMainThread(page, async () => {
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 100));
      await page.keyboard.type(chars[i % chars.length]);
      await measured(86 + PACED_KEYS + i);
    }
  });
  const cpu = thread.inputs('textInput').map((t) => cpuAfter(thread, t, 50));
  printFigure('editor.keystroke-cpu', median(cpu), 'ms', `median of ${cpu.length} keys 100–200 ms apart, p95 ${percentile(cpu, 95).toFixed(1)} ms: the main thread's CPU from the text input through the frame that shows it (trace thread time), ${where}`);
  // The status line shows the layout time once typing pauses.
  await page.waitForTimeout(400);
  const layoutMs = await page.getByTestId('layout-ms').innerText();
  printFigure('editor.relayout-in-browser', Number(layoutMs.replace(/[^\d.]/g, '')), 'ms', 'last keystroke, layout() alone as the status line shows it');
  await page.keyboard.press('Escape');
}

/** The marquee's page: 40 article blocks, 8 columns by 5 bands of the sample's grid, each its own article (a copy of a sample story). */
export function fortyBlockPage(): BanmianDocument {
  const doc = samplePage();
  const stories = doc.articles.filter((a) => a.id !== 'banner');
  const band = Math.floor(gridGeometry(doc.page).rows / 5);
  const articles = Array.from({ length: 40 }, (_, i) => ({ ...stories[i % stories.length], id: `m-${i}` }));
  const blocks = articles.map((a, i): Block => ({ id: `b-m-${i}`, kind: 'article', articleId: a.id, col: i % 8, span: 1, row: Math.floor(i / 8) * band, rows: band }));
  return { ...doc, articles, blocks };
}

/** Saves the 40-block page into the host's pages folder and opens it with 文件 → 打开, as a person would. */
async function openFortyBlockPage(page: Page): Promise<void> {
  writeFileSync(join(host.sandbox, 'forty-blocks.banmian'), serializeDocument(fortyBlockPage()));
  await page.keyboard.press('Control+o');
  await page.getByTestId('dialog-open').waitFor();
  await page.getByTestId('dialog-file-name').fill('forty-blocks.banmian');
  await page.getByTestId('dialog-ok').click();
  await page.getByTestId('dialog-open').waitFor({ state: 'detached' });
  await page.locator('[data-testid="overlay"] g.frame[data-block="b-m-39"]').waitFor();
  await page.getByTestId('tool-view.fitPage').click();
  // The faces the first page did not need are fetched and decoded when idle after the start (60–350
  // ms of this thread each): measured after them, the frames are the marquee's own.
  await facesSettled(page);
}

/** Every bundled face fetched and loaded (those the first page did not need come when the window is idle). */
async function facesSettled(page: Page): Promise<void> {
  const faces = await page.evaluate(() => document.fonts.size);
  await page.waitForFunction((n) => [...document.fonts].filter((f) => f.family.startsWith('bm-') && f.status === 'loaded').length >= n, Math.max(faces, 8), { timeout: 60_000 });
}

/** The launch of median time's steps, in the order they came. */
function breakdown(ls: Launch[]): string {
  const mid = [...ls].sort((a, b) => a.ms - b.ms)[Math.floor(ls.length / 2)];
  return Object.entries(mid.steps)
    .sort((a, b) => a[1] - b[1])
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/**
 * `BENCH_EDITOR=typing npx tsx bench/editor.bench.ts`: the keystroke figures alone (a page opened
 * once, then typing), for runs repeated to see how they spread; unset, every figure.
 */
const typingOnly = process.env.BENCH_EDITOR === 'typing';

/**
 * `BENCH_EDITOR=launch npx tsx bench/editor.bench.ts`: the first and second launch figures alone,
 * over `BENCH_ROUNDS` rounds (default 3), each round's second launch and its steps printed too, for
 * before/after comparisons run in one session.
 */
const launchOnly = process.env.BENCH_EDITOR === 'launch';

try {
  if (typingOnly) {
    const { page } = await open();
    await typing(page);
    await browser.close();
    await host.close();
    process.exit(0);
  }
  // Launches of a browser with a profile: the first (empty cache) and the second (warm cache).
  const warmup = mkdtempSync(join(tmpdir(), 'banmian-bench-warmup-'));
  await launch(warmup).catch(() => undefined);
  rmSync(warmup, { recursive: true, force: true });
  const { first, second } = await launches(launchOnly ? Number(process.env.BENCH_ROUNDS ?? 3) : 3);
  if (launchOnly) {
    for (const [i, l] of second.entries()) console.log(`  round ${i + 1}: first ${Math.round(first[i].ms)} ms, second ${Math.round(l.ms)} ms: ${breakdown([l])}`);
  }
  const ms = (l: Launch[]) => median(l.map((x) => x.ms));
  printFigure('editor.first-launch-to-interactive', ms(first), 'ms', `median of ${first.length}, fresh profile, navigation → page drawn + a frame, timed in the page (target ≤ 2000 ms)`);
  printFigure('editor.second-launch-to-interactive', ms(second), 'ms', `median of ${second.length}, same profile, fonts and scripts from the HTTP cache (target ≤ 1200 ms)`);
  printFigure('editor.second-launch-steps', ms(second), 'ms', `median launch's steps, ms after navigation: ${breakdown(second)}`);
  if (launchOnly) {
    printFigure('editor.first-launch-font-bytes', median(first.map((x) => x.fontBytes)) / MB, 'MB', 'font bytes over the wire before interactive, first launch');
    printFigure('editor.scripts-before-first-paint', Math.round(median(first.map((x) => x.scriptBytes)) / 1024), 'KB', 'entry and preloaded chunks before the first contentful paint');
    await browser.close();
    await host.close();
    process.exit(0);
  }
  // Once more, the second launch under a trace: how much of it was this thread's own work.
  const tracedProfile = mkdtempSync(join(tmpdir(), 'banmian-bench-profile-'));
  try {
    await launch(tracedProfile, { settle: true });
    const t = await launch(tracedProfile, { trace: true });
    printFigure('editor.second-launch-main-thread-cpu', Math.round(t.cpuMs ?? 0), 'ms', `the renderer main thread's CPU from navigation to interactive, one traced second launch that took ${Math.round(t.ms)} ms (the rest of the wall time it waited: for the host, the disk cache, a core)`);
  } finally {
    rmSync(tracedProfile, { recursive: true, force: true });
  }
  printFigure('editor.first-launch-font-bytes', median(first.map((x) => x.fontBytes)) / MB, 'MB', 'font bytes over the wire before interactive, first launch (the faces the first page needs)');
  printFigure('editor.second-launch-font-bytes', median(second.map((x) => x.fontBytes)) / MB, 'MB', 'font bytes over the wire, second launch (0: all from the cache)');
  printFigure('editor.scripts-before-first-paint', Math.round(median(first.map((x) => x.scriptBytes)) / 1024), 'KB', 'entry and preloaded chunks requested before the first contentful paint, uncompressed (target ≤ 700 KB)');

  // App start → interactive page, each a page in a context of its own (browser.newPage): nothing
  // cached, so these are first launches; the first run warms the host's reading of the fonts.
  const starts: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { page, ms } = await open();
    if (i > 0) starts.push(ms);
    await page.close();
  }
  printFigure('editor.start-to-interactive', median(starts), 'ms', `median of ${starts.length}, web host, sample page, each in a new browser context (an empty HTTP cache: a first launch) (target ≤ 2000 ms)`);

  const { page } = await open();
  await typing(page);
  await page.getByTestId('tool-view.fitPage').click();
  await page.keyboard.press('Escape');

  // Dragging a block: one pointer move per animation frame, each a whole column away from the last,
  // so every frame relayouts and repaints the page. Frames per second over 120 frames.
  const frame = page.locator('[data-testid="overlay"] g.frame[data-block="b-junhe-yungu"] rect.frame-hit');
  const box = (await frame.boundingBox())!;
  await page.mouse.move(box.x + 30, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 36, box.y + 20, { steps: 2 });
  const drag = await page.evaluate(
    ({ x, y }) =>
      new Promise<{ fps: number; frames: number[] }>((done) => {
        const vp = document.querySelector('[data-testid="viewport"]')!;
        const sheet = document.querySelector('[data-testid="sheet"]')!.getBoundingClientRect();
        const colPx = (sheet.width / 1105.5) * 126;
        const frames: number[] = [];
        let n = 0;
        let last = performance.now();
        const start = last;
        const tick = () => {
          const now = performance.now();
          frames.push(now - last);
          last = now;
          if (n++ >= 120) return done({ fps: (120 * 1000) / (now - start), frames });
          vp.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: x + (n % 4) * colPx, clientY: y, pointerId: 1, pointerType: 'mouse', buttons: 1 }));
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    { x: box.x + 36, y: box.y + 20 },
  );
  await page.mouse.up();
  printFigure('editor.drag-repaint', drag.fps, 'fps', `120 frames, each a new position (relayout + repaint), worst frame ${Math.max(...drag.frames.slice(1)).toFixed(1)} ms (target ≥ 55 fps)`);

  // The marquee over the 40-block page, in a window of its own (打开 as a person would at the start).
  const forty = (await open()).page;
  await openFortyBlockPage(forty);
  let marquee!: Awaited<ReturnType<typeof marqueeFrames>>;
  const traced = await traceMainThread(forty, async () => void (marquee = await marqueeFrames(forty)));
  await forty.close();
  // The release's answer: the largest task of the 100 ms after the pointer came up, and all of them.
  // (the first pointer up is the click that empties the selection before the marquee)
  const ups = traced.inputs('pointerup');
  const up = ups[ups.length - 1];
  const released = tasksAfter(traced, up, 100);
  const moving = traced.tasks.filter((t) => t.ts > ups[0] && !released.includes(t));
  printFigure('editor.marquee-frame-cpu', Math.max(...moving.map((t) => t.cpuMs)), 'ms', `the largest main-thread task's CPU while the marquee is dragged over ${marquee.blocks} blocks (trace thread time; its wall time ${moving.reduce((w, t) => (t.cpuMs > w.cpuMs ? t : w)).wallMs.toFixed(1)} ms); letting go: largest task ${Math.max(...released.map((t) => t.cpuMs)).toFixed(1)} ms, all its tasks ${cpuAfter(traced, up, 100).toFixed(1)} ms (target ≤ 16 ms a frame)`);
  printFigure('editor.marquee-frame', marquee.worst, 'ms', `worst of 120 frames' main-thread work dragging a marquee over ${marquee.blocks} blocks, median ${marquee.median.toFixed(1)} ms; letting go (selects ${marquee.selected}): input → frame after it ${marquee.release.toFixed(1)} ms (target ≤ 16 ms a frame over 40 blocks)`);

  // Memory of the renderer with the sample page open.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const m = new Map(metrics.map((x: { name: string; value: number }) => [x.name, x.value]));
  printFigure('editor.renderer-js-heap', Math.round((m.get('JSHeapUsedSize') ?? 0) / 1048576), 'MB', `after GC; total heap ${Math.round((m.get('JSHeapTotalSize') ?? 0) / 1048576)} MB, ${m.get('Nodes')} DOM nodes`);
} finally {
  await browser.close();
  await host.close();
}
