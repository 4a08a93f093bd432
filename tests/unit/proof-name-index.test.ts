import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkDocument } from '../../src-core/proof/checks';
import { editionConsistency } from '../../src-core/proof/edition-consistency';
import { differsInOneCharacter, twinsOf } from '../../src-core/proof/rules/consistency';

/**
 * name-two-ways indexed (issue 19 item 3): the names a character apart are found through an index,
 * not by comparing every name with every other; what is found must not change.
 */

/** A fixed sequence of names (xorshift): a small alphabet, so many are a character apart; some repeat. */
function names(count: number, alphabet = 12): string[] {
  let seed = 88172645;
  const next = (n: number): number => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
  const surnames = [...'王李张'];
  const given = [...'建国华明伟丽强军平志红英文玉春海'].slice(0, alphabet);
  return Array.from({ length: count }, () => surnames[next(3)] + Array.from({ length: 1 + next(2) }, () => given[next(alphabet)]).join(''));
}

describe('twinsOf: the names a character away, found by index', () => {
  it('gives each name exactly the names differsInOneCharacter pairs it with, in the order given', () => {
    const list = names(600);
    const distinct = [...new Set(list)];
    const twins = twinsOf(list);
    for (const n of distinct) expect(twins.get(n) ?? []).toEqual(distinct.filter((o) => differsInOneCharacter(n, o)));
  });

  it('pairs only names of one length and surname, a character apart after it', () => {
    const twins = twinsOf(['谢峰', '谢锋', '解峰', '谢峰华', '谢锋华', '谢锋华', '谢峰']);
    expect(Object.fromEntries(twins)).toEqual({ 谢峰: ['谢锋'], 谢锋: ['谢峰'], 谢峰华: ['谢锋华'], 谢锋华: ['谢峰华'] });
  });
});

describe('name-two-ways across an edition, indexed', () => {
  it('reports what comparing every pair reports: the rarer spelling, only when the twin is on another page only', () => {
    const base = { ...samplePage().articles[1], kicker: '', deck: '', byline: '', lead: '', column: '' };
    const list = names(400, 6);
    // 8 pages of 50 names, each name after a title and before 说
    const pages = Array.from({ length: 8 }, (_, k) => ({
      label: `第${k + 1}版`,
      articles: [{ ...base, id: `a${k}`, headline: `稿${k + 1}`, body: docFromParagraphs(list.slice(k * 50, k * 50 + 50).map((n) => `记者${n}说。`)) }],
    }));
    const found = editionConsistency(pages).flatMap((fs, page) => fs.filter((f) => f.rule === 'name-two-ways').map((f) => `${page} ${f.paragraph} ${f.zh}`));
    // the reference: every name of the edition against every other, as the rule did before the index
    const at = list.map((name, i) => ({ name, page: Math.floor(i / 50), paragraph: i % 50 }));
    const count = (name: string): number => at.filter((o) => o.name === name).length;
    const expected: string[] = [];
    for (const n of at) {
      const other = at.find((o) => differsInOneCharacter(n.name, o.name) && o.page !== n.page && count(o.name) >= count(n.name));
      if (!other || at.some((o) => o.name === other.name && o.page === n.page)) continue;
      expected.push(`${n.page} ${n.paragraph} 本期人名写法不一：第${n.page + 1}版《稿${n.page + 1}》作“${n.name}”，第${other.page + 1}版《稿${other.page + 1}》作“${other.name}”，请核对`);
    }
    expect(expected.length).toBeGreaterThan(20);
    expect(found).toEqual(expected);
  });

  it('on a page, names the first twin written, as comparing every pair did', () => {
    const base = { ...samplePage().articles[1], kicker: '', deck: '', byline: '', lead: '', column: '' };
    const list = names(300, 6);
    const a = { ...base, body: docFromParagraphs(list.map((n) => `记者${n}说。`)) };
    const found = checkDocument({ articles: [a] }).findings.filter((f) => f.rule === 'name-two-ways').map((f) => `${f.paragraph} ${f.zh}`);
    const distinct = [...new Set(list)];
    const count = (name: string): number => list.filter((o) => o === name).length;
    const expected = list.flatMap((n, i) => {
      const other = distinct.find((o) => differsInOneCharacter(n, o));
      return other && count(other) >= count(n) ? [`${i} 本版人名写法不一：“${n}”与“${other}”，请核对`] : [];
    });
    expect(expected.length).toBeGreaterThan(20);
    expect(found).toEqual(expected);
  });
});
