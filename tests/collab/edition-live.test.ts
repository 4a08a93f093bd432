import { describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { pageStatus } from '../../src-core/edition/overview';
import { editionPageId } from '../../src-core/edition/shared-edition';
import { storyArticle as article, storyBlock as block, tabloidPage as page } from '../support/edition-sample';
import { editionClient, editionDesk, joinDesk, PEOPLE, serverSuite, until } from './support';

/**
 * The edition overview's live source (issue 17, item 4, with item 6): a desk watching the edition on
 * the server asks it to fold the pages in (`EditionClient.fold`) and reads the edition document,
 * so a round a proofreader starts on another desk's page shows in that page's status without any
 * file being saved; a page nobody changed stays the same object, so the overview keeps its row.
 */

const suite = serverSuite('banmian-edition-live-');

function edition(date: string): EditionDocument {
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date, format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('yaowen', ['要闻第一段。', '要闻第二段。']), article('zonghe', ['综合第一段。', '综合第二段。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: '', page: page(1), articles: ['yaowen'], images: [], blocks: [block('b1', 'yaowen')] },
      { number: 2, name: '综合', section: '', page: page(2), articles: ['zonghe'], images: [], blocks: [block('b2', 'zonghe')] },
    ],
    chains: [],
  };
}

describe("the overview's source follows the server's pages (two desks, a watcher)", () => {
  it("a round started on page 2 reaches the watcher's edition after a fold; page 1's entry stays the same object", async () => {
    const ed = edition('2026-12-11');
    const one = await desk(ed, 0);
    expect(await one.edition.seed(ed)).toEqual({ ok: true });
    await desk(ed, 1, 'layout2');
    const watcher = editionClient(suite, ed, 'chief');
    await watcher.whenSynced();
    expect(await watcher.fold()).toEqual({ ok: true });
    const before = watcher.edition()!;
    expect(before.pages.map((p) => pageStatus(p.proof))).toEqual(['组版中', '组版中']);
    expect(watcher.edition()).toBe(before);

    const [name, role] = PEOPLE.proof;
    const proof = joinDesk(suite.server.url, editionPageId(ed, 1)!, suite.tokens.proof, name, role);
    suite.open.push(proof);
    await proof.session.whenSynced();
    expect(await proof.session.startRound()).toEqual({ ok: true });
    // nothing saved anywhere: the watcher asks the server to fold the pages in, as the overview does at each directory answer
    expect(await watcher.fold()).toEqual({ ok: true });
    await until('the round reaches the watcher', () => pageStatus(watcher.edition()!.pages[1].proof) === '一校');
    const after = watcher.edition()!;
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(after.pages[1]).not.toBe(before.pages[1]);
  });
});

const desk = (ed: EditionDocument, index: number, who: 'layout' | 'layout2' = 'layout') => editionDesk(suite, ed, index, who);
