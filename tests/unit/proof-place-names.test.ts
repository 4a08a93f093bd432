/**
 * Issue 19 item 2 (consistency): a place name written two ways on a page or across an edition, as
 * name-two-ways does for people. Expected findings written by hand from the texts.
 */
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkDocument } from '../../src-core/proof/checks';
import { editionConsistency } from '../../src-core/proof/edition-consistency';
import { namesIn } from '../../src-core/proof/rules/consistency';

const base = { ...samplePage().articles[1], kicker: '', deck: '', byline: '', lead: '', column: '' };
const onPage = (paragraphs: string[]) => checkDocument({ articles: [{ ...base, body: docFromParagraphs(paragraphs) }] }).findings.filter((f) => f.rule === 'name-two-ways');

describe('a place name written two ways', () => {
  it('is read as two characters and the suffix where a place can start', () => {
    expect(namesIn(['洛阳市涧西区的项目，在伊川县开工。']).map((n) => [n.name, n.offset, n.kind])).toEqual([
      ['洛阳市', 0, 'place'],
      ['涧西区', 3, 'place'],
      ['伊川县', 11, 'place'],
    ]);
    // common nouns and words that only end in a suffix are no places
    expect(namesIn(['在全市推进，进小区入户，城市更新，助力乡村振兴，区委书记说。']).filter((n) => n.kind === 'place')).toEqual([]);
  });

  it('on a page: the rarer spelling is a warning that weighs nothing, naming the other', () => {
    const fs = onPage(['涧西区项目建设如火如荼。', '在涧溪区，新开工项目12个。', '涧西区将继续发力。']);
    expect(fs.map((f) => [f.paragraph, f.offset, f.length, f.severity, f.weight, f.zh])).toEqual([[1, 1, 3, 'warning', 0, '本版地名写法不一：“涧溪区”与“涧西区”，请核对']]);
  });

  it('leaves two places that differ by a direction, a size or the suffix alone', () => {
    expect(onPage(['山东省和山西省签约。', '河南省、河北省联动。', '洛阳市与洛阳县的旧称。', '新城区与老城区。'])).toEqual([]);
  });

  it('across an edition: the rarer spelling on another page, naming both pages', () => {
    const page = (k: number, paragraphs: string[]) => ({ label: `第${k}版`, articles: [{ ...base, id: `a${k}`, headline: `稿${k}`, body: docFromParagraphs(paragraphs) }] });
    const found = editionConsistency([page(1, ['涧西区项目开工。', '在涧西区调研。']), page(2, ['在涧溪区调研。'])]).map((fs) => fs.filter((f) => f.rule === 'name-two-ways').map((f) => f.zh));
    expect(found).toEqual([[], ['本期地名写法不一：第2版《稿2》作“涧溪区”，第1版《稿1》作“涧西区”，请核对']]);
  });
});
