import { editionRates } from '../../src-core/proof/edition-rate';
import type { RatesAnswer, RatesRequest } from './rates';

/**
 * Works out the overview's 差错率 off the page's thread: every page's text checked against the house
 * lists took ~470 ms on the first open (~110 ms later ones), one task that held the overview
 * just drawn.
 */

const scope = self as unknown as { onmessage: ((e: MessageEvent<RatesRequest>) => void) | null; postMessage: (answer: RatesAnswer) => void };

scope.onmessage = (e) => {
  try {
    scope.postMessage({ id: e.data.id, rates: editionRates(e.data.pages) });
  } catch {
    scope.postMessage({ id: e.data.id });
  }
};
