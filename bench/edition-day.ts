/**
 * A 16-page 对开 (broadsheet) page plan written into a folder for the benchmarks: 80 articles of
 * ≈1,900 Han characters each (≈150,000 in all) in paragraphs made of the broadsheet day set's
 * sentences, no two paragraphs alike, 40 of them
 * with a picture and caption beside them (the fixture's photo), an ad on every other page, and two
 * stories continued to a later page.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const EDITION_DAY = { pages: 16, articlesPerPage: 5, hanPerArticle: 1_900, pictures: 40 } as const;

const han = (s: string): number => (s.match(/\p{Script=Han}/gu) ?? []).length;

/**
 * Paragraphs of two or three of the day set's sentences, drawn by a fixed sequence, none the same as
 * any before it in the edition (`seen`), until the article has `target` Han characters. A real day
 * repeats no paragraph: cycling the day set's 84 paragraphs (as this did) gave an edition of 31
 * distinct ones, so a page's layout composed each only once and the layout figure measured the
 * composition cache's hits, not the composer.
 */
function paragraphsFrom(sentences: string[], next: () => number, seen: Set<string>, target: number): string[] {
  const out: string[] = [];
  for (let n = 0; n < target; ) {
    const count = 2 + (next() % 2);
    const p = Array.from({ length: count }, () => sentences[next() % sentences.length]).join('');
    if (seen.has(p)) continue;
    seen.add(p);
    out.push(p);
    n += han(p);
  }
  return out;
}

/** A fixed pseudo-random sequence (an LCG): the same edition on every run. */
function sequence(seed: number): () => number {
  let x = seed;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) >>> 8;
}

/** Writes PLAN.json and its files into `dir`; returns the plan's path and its Han character count. */
export function writeEditionDay(dir: string): { plan: string; hanChars: number } {
  const day = JSON.parse(readFileSync(fileURLToPath(new URL('../tests/fixtures/days/broadsheet-overflow.json', import.meta.url)), 'utf8')) as { articles: { headline: string; paragraphs: string[] }[] };
  // a paragraph referring to a picture (如图) would make an empty placeholder, which preflight refuses
  const pool = day.articles.flatMap((a) => a.paragraphs).filter((p) => !/如图|见图|图为/.test(p));
  const sentences = [...new Set(pool.flatMap((p) => p.match(/[^。！？]*[。！？]”?/g) ?? []))];
  const next = sequence(17);
  const seen = new Set<string>();
  const photo = fileURLToPath(new URL('../tests/fixtures/edition/day/02.jpg', import.meta.url));
  let hanChars = 0;
  let pictures = 0;
  const pages = Array.from({ length: EDITION_DAY.pages }, (_, pi) => {
    const articles = Array.from({ length: EDITION_DAY.articlesPerPage }, (_, ai) => {
      const n = pi * EDITION_DAY.articlesPerPage + ai;
      const stem = String(n + 1).padStart(3, '0');
      const body = paragraphsFrom(sentences, next, seen, EDITION_DAY.hanPerArticle);
      hanChars += han(body.join(''));
      writeFileSync(join(dir, `${stem}.txt`), `主题：第${pi + 1}版稿件${ai + 1} ${day.articles[n % day.articles.length].headline}\n作者：本报记者\n\n${body.join('\n\n')}\n`);
      if (ai % 2 === 0 && pictures < EDITION_DAY.pictures) {
        pictures++;
        copyFileSync(photo, join(dir, `${stem}.jpg`));
        writeFileSync(join(dir, `${stem}.caption.txt`), `第${pi + 1}版图片${pictures}。`);
      }
      return `${stem}.txt`;
    });
    const ads = pi % 2 ? [{ name: `广告${pi + 1}`, columns: 4, lines: 40, position: 'bottom-right' }] : [];
    return { number: pi + 1, name: `第${pi + 1}版`, articles, ads };
  });
  const plan = { paper: '洛阳日报', date: '2026-12-03', format: 'broadsheet', pages, continue: [{ article: '001.txt', from: 1, to: 4 }, { article: '026.txt', from: 6, to: 9 }] };
  writeFileSync(join(dir, 'PLAN.json'), JSON.stringify(plan, null, 2));
  return { plan: join(dir, 'PLAN.json'), hanChars };
}
