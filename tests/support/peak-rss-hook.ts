/**
 * `node --import tsx --import tests/support/peak-rss-hook.ts …`: the child prints its own peak
 * resident memory on stderr as it exits, `BANMIAN_PEAK_RSS_KB=N` on a line of its own.
 */
import { writeSync } from 'node:fs';
import { peakRssKb } from './peak-rss';

process.on('exit', () => writeSync(2, `\nBANMIAN_PEAK_RSS_KB=${peakRssKb()}\n`));
