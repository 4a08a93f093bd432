import { editionRates, type RatedPage } from '../../src-core/proof/edition-rate';
import { nextFrameDrawn } from '../ui/after-next-frame';

export type EditionRates = ReturnType<typeof editionRates>;
export interface RatesRequest {
  id: number;
  pages: RatedPage[];
}
/** No `rates`: the worker failed; the pages are then checked here. */
export interface RatesAnswer {
  id: number;
  rates?: EditionRates;
}

/** The one worker that checks an edition's pages, started when the first overview needs it; null when it cannot start. */
let worker: Worker | null | undefined;
let asked = 0;
const waiting = new Map<number, { pages: RatedPage[]; done: (rates: EditionRates) => void }>();

/** Here, after the frame that shows what is already there: the overview's cards and thumbnails paint first. */
function here(pages: RatedPage[]): Promise<EditionRates> {
  return nextFrameDrawn().then(() => editionRates(pages));
}

/** Without a worker (a host that refuses one) the rates are worked out here: slower to come, never missing. */
function withoutWorker(): void {
  worker = null;
  for (const w of waiting.values()) void here(w.pages).then(w.done);
  waiting.clear();
}

function checker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('./rates-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<RatesAnswer>) => {
      const w = waiting.get(e.data.id);
      waiting.delete(e.data.id);
      if (!w) return;
      if (e.data.rates) w.done(e.data.rates);
      else void here(w.pages).then(w.done);
    };
    worker.onerror = withoutWorker;
  } catch {
    worker = null;
  }
  return worker;
}

/** The edition's 差错率 (editionRates), worked out off the page's thread when a worker can be had. */
export function ratesOf(pages: RatedPage[]): Promise<EditionRates> {
  return new Promise((done) => {
    const w = checker();
    if (!w) return void here(pages).then(done);
    const id = ++asked;
    waiting.set(id, { pages, done });
    w.postMessage({ id, pages } satisfies RatesRequest);
  });
}
