import type { Article, BanmianDocument } from '../model/document';
import { comparedText, excerpt, FIELD_LABELS, headerTexts, pageTexts, splitPlaced, type CheckedTexts, type Located, type PlacedFinding } from './checks';
import { NAME_KIND_LABELS, nameCounts, namesIn, twinsOf, type NameAt } from './rules/consistency';
import { around, figuresWrittenTwoWays, twoWaysFinding, type Seen } from './rules/number-two-ways';
import type { RuleFinding } from './rules/rule';
import { ERROR_WEIGHTS } from './weights';

/**
 * Consistency across an edition (issue 19 item 2: a name or a figure written two ways in one
 * issue): the page rules number-two-ways and name-two-ways run over every page's texts at once,
 * and report a pair only when its two places are on different pages (a pair on one page is the page
 * rule's). Each finding names both places: 第N版 and the article.
 */

/** One page of the edition as the check reads it: what the desk calls it (第2版 经济) and what is printed on it. */
export interface EditionPageTexts extends CheckedTexts {
  label: string;
}

interface Place {
  /** The page's place in the list given. */
  page: number;
  label: string;
  text: Located;
  title: string;
}

/** 第2版 经济《title》, for a message. */
const placeName = (p: Place, lang: 'zh' | 'en'): string => (lang === 'zh' ? `${p.label}《${p.title}》` : `${p.label} ("${p.title}")`);

function titleOf(articles: readonly Article[], t: Located): string {
  const a = articles.find((x) => x.id === t.articleId);
  return (a?.headline || a?.kicker || '').slice(0, 16) || FIELD_LABELS[t.field].zh;
}

/** The figure or name a finding is about, and every place it is written in each of its ways. */
interface Pair {
  key: string;
  rule: 'number-two-ways' | 'name-two-ways';
  written: () => { written: string; at: number }[];
}

type Emit = (at: number, f: RuleFinding, pair: Pair) => void;

/** Runs both rules over the pages' texts; `emit` gets each finding with its place and what it pairs. */
function acrossPages(pages: readonly EditionPageTexts[], emit: (place: Place, f: RuleFinding, pair: Pair) => void): Place[] {
  const places: Place[] = pages.flatMap((p, page) => pageTexts(p).filter(comparedText).map((text) => ({ page, label: p.label, text, title: titleOf(p.articles, text) })));
  const texts = places.map((p) => p.text.text);
  const at: Emit = (i, f, pair) => emit(places[i], f, pair);
  figuresAcrossPages(places, texts, at);
  namesAcrossPages(places, texts, at);
  return places;
}

/** The edition-wide findings, by page (in the order given): warnings that weigh nothing in the 差错率 until confirmed. */
export function editionConsistency(pages: readonly EditionPageTexts[]): PlacedFinding[][] {
  const out: PlacedFinding[][] = pages.map(() => []);
  acrossPages(pages, ({ page, text: t }, f) => {
    out[page].push({ ...f, excerpt: excerpt(t.text, f.offset, f.length), articleId: t.articleId, field: t.field, paragraph: t.paragraph });
  });
  return out;
}

/** A figure or a name written two ways across the edition, as the 整期总览 lists it. */
export interface WrittenTwoWays {
  rule: 'number-two-ways' | 'name-two-ways';
  /** Each way it is written, in the order first seen, with the pages (their places in the list given, ascending) it is written so on. */
  forms: { written: string; pages: number[] }[];
}

/** The edition-wide findings gathered by what they are about: one entry per figure or name written two ways on different pages. */
export function editionTwoWays(pages: readonly EditionPageTexts[]): WrittenTwoWays[] {
  const pairs = new Map<string, Pair>();
  const places = acrossPages(pages, (_, _f, pair) => void pairs.set(pair.key, pair));
  return [...pairs.values()].map((pair) => {
    const forms = new Map<string, Set<number>>();
    for (const w of pair.written()) (forms.get(w.written) ?? forms.set(w.written, new Set()).get(w.written)!).add(places[w.at].page);
    return { rule: pair.rule, forms: [...forms].map(([written, on]) => ({ written, pages: [...on].sort((a, b) => a - b) })) };
  });
}

/** What `check` and the overview read of a page: the articles it prints and its header, with its label (第2版 经济). */
export function editionPageTexts(label: string, doc: Pick<BanmianDocument, 'articles' | 'blocks' | 'page'>): EditionPageTexts {
  return { label, articles: splitPlaced(doc.articles, doc.blocks).placed, headers: headerTexts(doc.page.header) };
}

/** The same figure written one way on a page and another way only on other pages. */
function figuresAcrossPages(places: readonly Place[], texts: readonly string[], emit: Emit): void {
  for (const [k, { kind, seen }] of figuresWrittenTwoWays(texts).entries()) {
    const pair: Pair = { key: `figure ${k}`, rule: 'number-two-ways', written: () => seen };
    for (const s of seen) {
      const page = places[s.at].page;
      if (seen.some((o) => o.style !== s.style && places[o.at].page === page)) continue;
      const other = seen.find((o) => o.style !== s.style)!;
      const [here, there] = [places[s.at], places[other.at]];
      emit(s.at, twoWaysFinding(s, {
        zh: `同一${kind.zh}本期写法不一：${placeName(here, 'zh')}作“${s.written}”，${placeName(there, 'zh')}作“${other.written}”（${aroundSeen(texts, other)}），请统一`,
        en: `The same ${kind.en} is written two ways in this edition: "${s.written}" on ${placeName(here, 'en')}, "${other.written}" on ${placeName(there, 'en')} (${aroundSeen(texts, other)}); use one`,
      }), pair);
    }
  }
}

const aroundSeen = (texts: readonly string[], s: Seen): string => around(texts[s.at], s);

/** A name written one way on a page and, as often or more, another way only on other pages. */
function namesAcrossPages(places: readonly Place[], texts: readonly string[], emit: Emit): void {
  const names = namesIn(texts);
  const counts = nameCounts(names);
  const twins = twinsOf(counts.keys());
  // where each name is written: its places in `names` order, and the pages they are on
  const written = new Map<string, { first: number[]; pages: Set<number> }>();
  names.forEach((n, i) => {
    const w = written.get(n.name) ?? written.set(n.name, { first: [], pages: new Set() }).get(n.name)!;
    w.first.push(i);
    w.pages.add(places[n.at].page);
  });
  for (const n of names) {
    const page = places[n.at].page;
    const other = firstElsewhere(names, places, page, (twins.get(n.name) ?? []).filter((t) => counts.get(t)! >= counts.get(n.name)!).map((t) => written.get(t)!.first));
    // on n's own page the page rule compares them; the rarer spelling is the suspect, on a tie both are shown
    if (!other || written.get(other.name)!.pages.has(page)) continue;
    const [here, there] = [places[n.at], places[other.at]];
    const both = [n.name, other.name].sort();
    const pair: Pair = { key: `name ${both.join(' ')}`, rule: 'name-two-ways', written: () => both.flatMap((name) => written.get(name)!.first.map((k) => ({ written: name, at: names[k].at }))).sort((a, b) => a.at - b.at) };
    const label = NAME_KIND_LABELS[n.kind];
    emit(n.at, { rule: 'name-two-ways', severity: 'warning', offset: n.offset, length: n.name.length, weight: ERROR_WEIGHTS.none, zh: `本期${label.zh}写法不一：${placeName(here, 'zh')}作“${n.name}”，${placeName(there, 'zh')}作“${other.name}”，请核对`, en: `A ${label.en} is written two ways in this edition: "${n.name}" on ${placeName(here, 'en')}, "${other.name}" on ${placeName(there, 'en')}; please confirm` }, pair);
  }
}

/** Of the names' places (each list in `names` order), the first in `names` that is not on `page`. */
function firstElsewhere(names: readonly NameAt[], places: readonly Place[], page: number, lists: readonly number[][]): NameAt | undefined {
  let best: number | undefined;
  for (const list of lists) {
    const i = list.find((k) => places[names[k].at].page !== page);
    if (i !== undefined && (best === undefined || i < best)) best = i;
  }
  return best === undefined ? undefined : names[best];
}
