/**
 * The proofreader's desk and the layout editor's, in Chromium on the web host, over one saved file:
 * the proofreader (校对) deletes a word, inserts one and comments; the layout editor (组版) opens
 * the saved page, sees the marks on the page canvas, accepts one and rejects one, exports the print
 * PDF (accepted text only) and the proof PDF (marks in the margin); rounds, sign-off, the lock and
 * reopening; marks survive save and reopen; a comment whose text is deleted becomes an orphan.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { plainText } from '../../src-core/model/richtext';
import { chromiumAvailable } from '../support/browser';
import { compareWithReference } from '../support/reference';
import { clientPoint, exportPrintPdf, frameOf, hostSession, menu, openApp, openStory, pageText, root, selectionRead, shot } from './workspace-support';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext && command -v pdftoppm']).status === 0;
/** The built renderer: dist-web/ (npm run test:e2e builds it), or another build given by BANMIAN_WEB_DIST. */
const DIST = process.env.BANMIAN_WEB_DIST ?? join(root, 'dist-web');

const P0 = plainText(samplePage().articles.find((a) => a.id === 'nanguan')!.body).split('\n')[0];
const at = (s: string): number => {
  const i = P0.indexOf(s);
  if (i < 0) throw new Error(`${s} not in the first paragraph`);
  return i;
};

describe.skipIf(!chromiumAvailable())('proofreading: the 校对 desk and the 组版 desk on one page', () => {
  // No autosave during the test: a recovery offer would greet the second desk.
  const web = hostSession({ sandbox: 'bm-proof-ui-', root: DIST, autosaveSeconds: 3600 });
  const { problems, sandbox } = web;
  let proofreader: Page;
  let editor: Page;

  beforeAll(async () => {
    proofreader = await openApp(web.browser, `${web.host.url}?role=校对&name=王岚`, problems);
    await proofreader.getByTestId('tool-view.fitPage').click();
  });

  const body = (p: Page) => p.getByTestId('story-body');

  /**
   * Selects `expected` at `offset` in the first body paragraph with the keyboard, as a person would,
   * and checks what got selected (the editor may still be settling right after it opened).
   */
  async function selectInFirstParagraph(p: Page, offset: number, expected: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      await body(p).locator('p').first().click();
      await p.keyboard.press('Control+Home');
      for (let i = 0; i < offset; i++) await p.keyboard.press('ArrowRight');
      for (let i = 0; i < expected.length; i++) await p.keyboard.press('Shift+ArrowRight');
      await selectionRead(p);
      const got = await p.evaluate(() => document.getSelection()?.toString() ?? '');
      if (got === expected) return;
      if (attempt === 2) throw new Error(`selected "${got}", wanted "${expected}"`);
      await p.waitForTimeout(300);
    }
  }

  async function noticeText(p: Page): Promise<string> {
    await p.getByTestId('notice').waitFor();
    return p.getByTestId('notice').innerText();
  }

  it('the proofreader is named in the title bar, the 校对 panel and the proof view are on, the layout is read-only', async () => {
    const p = proofreader;
    expect(await p.getByTestId('identity').innerText()).toMatch(/校对\s*王岚/);
    expect(await p.title()).toContain('校对 王岚');
    await p.getByTestId('proof-panel').waitFor();
    expect(await p.locator('[data-command="proof.view"]').count()).toBe(0);
    await p.getByTestId('menu-proof').click();
    expect(await p.locator('[data-command="proof.view"] .check').innerText()).toBe('✓');
    await p.getByTestId('menu-proof').click();
    // A drag does not move the block; a page setting is refused.
    const before = await frameOf(p, 'b-nanguan');
    const c = await clientPoint(p, before.x + before.width / 2, before.y + before.height / 2);
    await p.mouse.move(c.x, c.y);
    await p.mouse.down();
    await p.mouse.move(c.x + 120, c.y + 80, { steps: 6 });
    await p.mouse.up();
    expect(await frameOf(p, 'b-nanguan')).toEqual(before);
    await expect.poll(() => noticeText(p)).toContain('校对模式下版面只读');
    expect(await p.locator('[data-testid="selection"] [data-handle]').count()).toBe(0);
    expect(await p.getByTestId('dirty').count()).toBe(0);
  });

  it('deletes a word and inserts one: both become suggestions with author and round, shown in the editor and on the page', async () => {
    const p = proofreader;
    await openStory(p, 'b-nanguan');
    expect(await p.getByTestId('story-proof-bar').innerText()).toContain('修改留痕');
    // Title fields cannot carry tracked changes: read-only for the proofreader.
    expect(await p.getByTestId('story-headline').getAttribute('readonly')).not.toBeNull();
    await selectInFirstParagraph(p, at('预防'), '预防');
    await p.keyboard.press('Delete');
    await expect.poll(() => body(p).locator('del.bm-deletion').allInnerTexts()).toEqual(['预防']);
    // The text is still there, struck through: nothing is lost until the layout editor decides.
    expect(await body(p).locator('p').first().innerText()).toContain('强化反诈预防宣传');
    await selectInFirstParagraph(p, at('组织开展'), '组织');
    await p.keyboard.press('ArrowLeft');
    await p.keyboard.type('广泛');
    await expect.poll(() => body(p).locator('ins.bm-insertion').allInnerTexts()).toEqual(['广泛']);
    const items = p.getByTestId('suggestion');
    await expect.poll(() => items.count()).toBe(2);
    const texts = await items.allInnerTexts();
    expect(texts[0]).toMatch(/删\s*「预防」\s*王岚 · 一校/);
    expect(texts[1]).toMatch(/增\s*「广泛」\s*王岚 · 一校/);
    // The first mark opened 一校.
    expect(await p.getByTestId('round-state').innerText()).toBe('一校进行中');
    // A proofreader does not accept or reject.
    expect(await p.getByTestId('accept').count()).toBe(0);
    // The proof view sets the insertion in the page; the print text does not have it yet.
    await expect.poll(() => pageText(p)).toContain('广泛');
  });

  it('comments on a range of text: a thread in the panel and a numbered marker in the margin with a leader line', async () => {
    const p = proofreader;
    await selectInFirstParagraph(p, at('老城区南关街道'), '老城区南关街道');
    await p.getByTestId('comment-add').click();
    await p.getByTestId('comment-input').fill('此处地名请核实');
    await p.getByTestId('comment-ok').click();
    await expect.poll(() => body(p).locator('.bm-comment').allInnerTexts()).toEqual(['老城区南关街道']);
    const thread = p.getByTestId('thread');
    await expect.poll(() => thread.count()).toBe(1);
    expect(await thread.innerText()).toContain('此处地名请核实');
    expect(await thread.innerText()).toContain('①');
    const marker = p.locator('[data-testid="proof-markers"] [data-marker="comment"]');
    await expect.poll(() => marker.count()).toBe(1);
    // The marker sits in the right margin (the article is the page's last column, in its right half).
    const f = await frameOf(p, 'b-nanguan');
    const cx = Number(await marker.locator('circle').getAttribute('cx'));
    expect(cx).toBeGreaterThan(f.x + f.width);
    await p.keyboard.press('Escape');
    await shot(p, 'ui-proof-desk.png');
  });

  it('the page canvas in the proof view: insertion in the round colour, deletion struck, comment underlined (reference close-up)', async () => {
    const p = proofreader;
    await p.locator('[data-testid="story-editor"] .close').click();
    await p.getByTestId('tool-actual').click();
    for (let i = 0; i < 3; i++) await p.getByTestId('tool-zoom-in').click();
    const f = await frameOf(p, 'b-nanguan');
    // Scroll the viewport so the article's top-left corner (and the left margin) is in view.
    const corner = await clientPoint(p, f.x - 45, f.y + 45);
    await p.evaluate(({ x, y }) => {
      const vp = document.querySelector('[data-testid="viewport"]')!;
      const r = vp.getBoundingClientRect();
      vp.scrollBy(Math.round(x - r.left - 10), Math.round(y - r.top - 10));
    }, corner);
    const from = await clientPoint(p, f.x - 45, f.y + 45);
    // down to the first paragraph's fourth line (广泛 inserted there; 南关's column is 13 characters wide)
    const to = await clientPoint(p, f.x + 150, f.y + 160);
    const vp = (await p.getByTestId('viewport').boundingBox())!;
    const right = Math.min(to.x, vp.x + vp.width - 20);
    const png = await p.screenshot({ clip: { x: Math.round(from.x), y: Math.round(from.y), width: Math.round(right - from.x), height: Math.round(to.y - from.y) } });
    compareWithReference('ui-proof-canvas.png', png, 0.01);
    await p.getByTestId('tool-view.fitPage').click();
  });

  it('saves the page with its marks', async () => {
    const p = proofreader;
    await p.keyboard.press('Control+s');
    await p.getByTestId('dialog-save').waitFor();
    await p.getByTestId('dialog-file-name').fill('proof-desk');
    await p.getByTestId('dialog-ok').click();
    await expect.poll(() => noticeText(p)).toContain('已保存 proof-desk.banmian');
    const saved = JSON.parse(readFileSync(join(sandbox, 'proof-desk.banmian'), 'utf8'));
    expect(saved.proof.rounds.map((r: { name: string }) => r.name)).toEqual(['一校']);
    expect(Object.values(saved.proof.articles.nanguan.suggestions).map((s) => (s as { author: string }).author)).toEqual(['王岚', '王岚']);
  });

  it.skipIf(!hasPoppler)('exports the proof PDF of 一校: the page with the marks and notes in the margin, and the list of open marks', async () => {
    const p = proofreader;
    await menu(p, 'proof', 'proof.exportPdf');
    await p.getByTestId('dialog-proof-pdf').waitFor();
    expect(await p.getByTestId('proof-pdf-name').inputValue()).toBe('proof-desk-一校.pdf');
    await p.getByTestId('proof-pdf-export').click();
    await expect.poll(() => p.getByTestId('proof-pdf-result').innerText(), { timeout: 60_000 }).toContain('已导出校样 proof-desk-一校.pdf');
    await p.keyboard.press('Escape');
    const pdf = join(sandbox, 'proof-desk-一校.pdf');
    const text = (page: number): string => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), pdf, '-'], { encoding: 'utf8' }).replace(/[ \u3000]/g, '');
    const sheet = text(1);
    expect(sheet).toContain('删「预防」王岚·一校');
    expect(sheet).toContain('增「广泛」王岚·一校');
    expect(sheet).toContain('王岚：此处地名请核实');
    const list = text(2);
    expect(list).toContain('校样修改单');
    // in reading order
    expect(list).toMatch(/1\.删「预防」王岚·一校\s+2\.注「老城区南关街道」王岚：此处地名请核实\s+3\.增「广泛」王岚·一校/);
    // The marks and their notes, as a picture (looked at): from the article's left edge to the notes column.
    const f = await frameOf(p, 'b-nanguan');
    const k = 110 / 72;
    execFileSync('pdftoppm', ['-r', '110', '-f', '1', '-l', '1', '-x', String(Math.round(f.x * k)), '-y', String(Math.round((f.y + 20) * k)), '-W', '2400', '-H', '230', '-png', '-singlefile', pdf, join(tmpdir(), 'bm-proof-pdf-marks')]);
    compareWithReference('ui-proof-pdf-marks.png', readFileSync(join(tmpdir(), 'bm-proof-pdf-marks.png')), 0.003);
  });

  it('the layout editor opens the saved page and sees the marks on the page', async () => {
    editor = await openApp(web.browser, `${web.host.url}?role=组版&name=晓南`, problems);
    const p = editor;
    expect(await p.getByTestId('identity').innerText()).toMatch(/组版\s*晓南/);
    // 组版 starts in the print view without the panel.
    expect(await p.getByTestId('proof-panel').count()).toBe(0);
    expect(await pageText(p)).not.toContain('广泛');
    await p.keyboard.press('Control+o');
    await p.getByTestId('dialog-open').waitFor();
    await p.getByTestId('dialog-file-name').fill('proof-desk.banmian');
    await p.getByTestId('dialog-ok').click();
    await expect.poll(() => p.getByTestId('doc-title').innerText()).toContain('proof-desk.banmian');
    await p.getByTestId('tool-view.fitPage').click();
    await menu(p, 'proof', 'proof.view');
    await menu(p, 'proof', 'proof.panel');
    await p.getByTestId('proof-panel').waitFor();
    await expect.poll(() => pageText(p)).toContain('广泛');
    const texts = await p.getByTestId('suggestion').allInnerTexts();
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/删\s*「预防」\s*王岚 · 一校/);
    expect(await p.getByTestId('thread').innerText()).toContain('王岚');
    expect(await p.locator('[data-testid="proof-markers"] [data-marker="comment"]').count()).toBe(1);
    // The 组版 desk can arrange the page (selection handles).
    const f = await frameOf(p, 'b-nanguan');
    const c = await clientPoint(p, f.x + f.width / 2, f.y + f.height / 2);
    await p.mouse.click(c.x, c.y);
    await expect.poll(() => p.locator('[data-testid="selection"] [data-handle]').count()).toBeGreaterThan(0);
    await shot(p, 'ui-proof-editor.png');
  });

  it('accepts the deletion and rejects the insertion: the page reflows to exactly that text', async () => {
    const p = editor;
    const del = p.locator('[data-testid="suggestion"][data-kind="deletion"]');
    await del.getByTestId('accept').click();
    await expect.poll(() => p.getByTestId('suggestion').count()).toBe(1);
    await p.locator('[data-testid="suggestion"][data-kind="insertion"]').getByTestId('reject').click();
    await expect.poll(() => p.getByTestId('suggestion').count()).toBe(0);
    const text = (await pageText(p)).replace(/\s/g, '');
    expect(text).not.toContain('广泛');
    expect(text).toContain('强化反诈宣传工作');
    expect(text).not.toContain('强化反诈预防');
    expect(await p.getByTestId('dirty').count()).toBe(1);
    // One undo step each: undo brings the rejected insertion back.
    await p.keyboard.press('Control+z');
    await expect.poll(() => p.getByTestId('suggestion').count()).toBe(1);
    await p.keyboard.press('Control+Shift+z');
    await expect.poll(() => p.getByTestId('suggestion').count()).toBe(0);
  });

  it.skipIf(!hasPoppler)('exports the print PDF: the accepted text only', async () => {
    const p = editor;
    await exportPrintPdf(p, 'proof-desk.pdf');
    // Columns interleave in pdftotext's lines: read the lines where the paragraph starts (the next line of
    // its column follows it; the sample's 南关 is set with tracking, 12 characters to its first line's 10).
    const printed = execFileSync('pdftotext', [join(sandbox, 'proof-desk.pdf'), '-'], { encoding: 'utf8' });
    const lines = printed.split('\n');
    const first = lines.findIndex((l) => l.includes('为进一步强化'));
    expect(lines.slice(first, first + 2).join('')).toMatch(/^为进一步强化反诈宣传工作/);
    expect(printed.replace(/\s/g, '')).not.toContain('广泛');

  });

  it('the automatic checks: an item jumps to its text, and its certain fix is one click', async () => {
    const p = editor;
    const findings = p.getByTestId('finding');
    const before = await findings.count();
    await openStory(p, 'b-nanguan');
    await selectInFirstParagraph(p, at('强化'), '强化');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.type(',');
    const comma = p.locator('[data-testid="finding"][data-rule="halfwidth-punctuation"]');
    await expect.poll(() => comma.count()).toBe(1);
    expect(await comma.innerText()).toContain('强化【,】反诈');
    await p.locator('[data-testid="story-editor"] .close').click();
    await comma.getByTestId('finding-jump').click();
    await p.getByTestId('story-editor').waitFor();
    await expect.poll(() => p.evaluate(() => document.getSelection()?.toString())).toBe(',');
    expect(await p.getByTestId('selection').getAttribute('data-block')).toBe('b-nanguan');
    await comma.getByTestId('finding-fix').click();
    await expect.poll(() => body(p).locator('p').first().innerText()).toContain('强化，反诈');
    await expect.poll(() => findings.count()).toBe(before);
    expect(await pageText(p)).toContain('强化，反诈');
    // The fix and the typing are undone like any other change.
    await p.keyboard.press('Control+z');
    await p.keyboard.press('Control+z');
    await expect.poll(() => body(p).locator('p').first().innerText()).toContain('强化反诈宣传');
    await p.locator('[data-testid="story-editor"] .close').click();
  });

  it('忽略 dismisses a finding: it leaves the list (kept with its article, saved with the page)', async () => {
    const p = editor;
    const findings = p.getByTestId('finding');
    const before = await findings.count();
    await openStory(p, 'b-nanguan');
    await selectInFirstParagraph(p, at('强化'), '强化');
    await p.keyboard.press('ArrowRight');
    await p.keyboard.type(';');
    const semicolon = p.locator('[data-testid="finding"][data-rule="halfwidth-punctuation"]');
    await expect.poll(() => semicolon.count()).toBe(1);
    await p.locator('[data-testid="story-editor"] .close').click();
    await semicolon.getByTestId('finding-dismiss').click();
    await expect.poll(() => semicolon.count()).toBe(0);
    await expect.poll(() => findings.count()).toBe(before);
    // the semicolon is still in the text: only the finding went (a mark of its own, so the later tests' commas are not dismissed)
    expect(await pageText(p)).toContain('强化;反诈');
    await openStory(p, 'b-nanguan');
    await p.keyboard.press('Control+z');
    await expect.poll(() => body(p).locator('p').first().innerText()).toContain('强化反诈宣传');
    await p.locator('[data-testid="story-editor"] .close').click();
  });

  it('a round finishes only when every mark is answered; signing locks the page; only a duty editor reopens it, with a reason', async () => {
    const p = editor;
    await p.getByTestId('round-finish').click();
    await expect.poll(() => noticeText(p)).toContain('还有 0 处修改未处理、1 条批注未解决');
    expect(await p.getByTestId('round-state').innerText()).toBe('一校进行中');
    await p.getByTestId('thread').getByTestId('reply-input').fill('已核实，无误');
    await p.getByTestId('thread').getByTestId('reply').click();
    await expect.poll(() => p.getByTestId('thread').getByTestId('comment').count()).toBe(2);
    await p.getByTestId('thread').getByTestId('resolve').click();
    await expect.poll(() => p.getByTestId('thread').getAttribute('data-resolved')).toBe('true');
    await p.getByTestId('round-finish').click();
    await expect.poll(() => p.getByTestId('round-state').innerText()).toBe('一校已结束');
    await p.getByTestId('signoff-name').fill('张总');
    await p.getByTestId('signoff').click();
    await expect.poll(() => p.getByTestId('round-state').innerText()).toContain('已签字付印 · 张总');
    // Locked: no drag, no page setting, the story editor is read-only, undo refuses.
    const before = await frameOf(p, 'b-nanguan');
    const c = await clientPoint(p, before.x + before.width / 2, before.y + before.height / 2);
    await p.mouse.move(c.x, c.y);
    await p.mouse.down();
    await p.mouse.move(c.x + 100, c.y + 60, { steps: 6 });
    await p.mouse.up();
    expect(await frameOf(p, 'b-nanguan')).toEqual(before);
    await expect.poll(() => noticeText(p)).toContain('已签字付印');
    await openStory(p, 'b-nanguan');
    expect(await body(p).getAttribute('contenteditable')).toBe('false');
    expect(await p.getByTestId('story-proof-bar').innerText()).toContain('已签字付印');
    await p.keyboard.press('Escape');
    const textBefore = await pageText(p);
    await p.keyboard.press('Control+z');
    expect(await pageText(p)).toBe(textBefore);
    // 组版 cannot reopen.
    expect(await p.getByTestId('reopen').isDisabled()).toBe(true);
    await p.getByTestId('identity').click();
    await p.getByTestId('dialog-identity').waitFor();
    await p.getByTestId('role-duty').click();
    await p.getByTestId('identity-name').fill('张总');
    await p.getByTestId('identity-ok').click();
    expect(await p.getByTestId('identity').innerText()).toMatch(/值班编辑\s*张总/);
    await p.getByTestId('reopen-reason').fill('补登更正');
    await p.getByTestId('reopen').click();
    await expect.poll(() => p.getByTestId('round-state').innerText()).toBe('一校已结束');
    const history = await p.getByTestId('proof-history').innerText();
    expect(history).toContain('一校：王岚 开始；修改 2 处，接受 1、拒绝 1（晓南）');
    expect(history).toContain('张总（组版）签字付印');
    expect(history).toContain('张总（值班编辑）重新打开：补登更正');
  });

  it('a comment whose text is deleted becomes an orphan listed for the editor', async () => {
    const p = editor;
    await openStory(p, 'b-nanguan');
    // 预防 was accepted (deleted): the text after it starts two characters earlier.
    const start = at('全力织密') - 2;
    await selectInFirstParagraph(p, start, '全力织密');
    await p.getByTestId('comment-add').click();
    await p.getByTestId('comment-input').fill('语气可再斟酌');
    await p.getByTestId('comment-ok').click();
    await expect.poll(() => p.getByTestId('thread').count()).toBe(2);
    // The layout editor deletes the commented text outright.
    await selectInFirstParagraph(p, start, '全力织密');
    await p.keyboard.press('Delete');
    const orphans = p.getByTestId('proof-orphans');
    await orphans.waitFor({ timeout: 5000 }).catch(async (e) => {
      await shot(p, 'ui-proof-orphan-fail.png');
      console.log('BODY', await body(p).innerHTML());
      console.log('THREADS', await p.getByTestId('proof-comments').innerText());
      throw e;
    });
    await shot(p, 'ui-proof-orphan.png');
    expect(await orphans.innerText()).toContain('语气可再斟酌');
    expect(await p.getByTestId('thread').count()).toBe(2);
    await p.keyboard.press('Escape');
  });

  it('the marks, decisions, threads and history survive save and reopen', async () => {
    const p = editor;
    await p.keyboard.press('Control+s');
    await expect.poll(() => noticeText(p)).toContain('已保存 proof-desk.banmian');
    const again = await openApp(web.browser, `${web.host.url}?role=组版&name=晓南`, problems);
    await again.keyboard.press('Control+o');
    await again.getByTestId('dialog-open').waitFor();
    await again.getByTestId('dialog-file-name').fill('proof-desk.banmian');
    await again.getByTestId('dialog-ok').click();
    await expect.poll(() => again.getByTestId('doc-title').innerText()).toContain('proof-desk.banmian');
    await menu(again, 'proof', 'proof.panel');
    expect(await again.getByTestId('proof-orphans').innerText()).toContain('语气可再斟酌');
    expect(await again.getByTestId('proof-comments').innerText()).toContain('已核实，无误');
    expect(await again.getByTestId('proof-history').innerText()).toContain('重新打开：补登更正');
    expect(await again.getByTestId('round-state').innerText()).toBe('一校已结束');
    await again.close();
  });

  it("a check's fix made by the proofreader is a suggestion of the next round (二校), not a silent change", async () => {
    // The layout editor types a half-width comma straight into the text and saves.
    const e = editor;
    await openStory(e, 'b-nanguan');
    await selectInFirstParagraph(e, at('强化'), '强化');
    await e.keyboard.press('ArrowRight');
    await e.keyboard.type(',');
    await e.locator('[data-testid="story-editor"] .close').click();
    await e.keyboard.press('Control+s');
    await expect.poll(() => e.getByTestId('notice').innerText()).toContain('已保存 proof-desk.banmian');
    // The proofreader opens the page and fixes it from the checks list.
    const p = proofreader;
    await p.keyboard.press('Control+o');
    if (await p.getByTestId('dialog-confirm').count()) await p.getByTestId('confirm-ok').click();
    await p.getByTestId('dialog-open').waitFor();
    await p.getByTestId('dialog-file-name').fill('proof-desk.banmian');
    await p.getByTestId('dialog-ok').click();
    const comma = p.locator('[data-testid="finding"][data-rule="halfwidth-punctuation"]');
    await expect.poll(() => comma.count()).toBe(1);
    await comma.getByTestId('finding-fix').click();
    // A replacement: the deleted comma and the inserted one are one suggestion (one id).
    const items = p.getByTestId('suggestion');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.getAttribute('data-kind')).toBe('replacement');
    expect(await items.innerText()).toMatch(/改\s*「,」为「，」\s*王岚 · 二校/);
    expect(await body(p).locator('del.bm-deletion').allInnerTexts()).toEqual([',']);
    expect(await body(p).locator('ins.bm-insertion').allInnerTexts()).toEqual(['，']);
    expect(await p.getByTestId('round-state').innerText()).toBe('二校进行中');
    expect(await body(p).locator('p').first().innerText()).toContain('强化,，反诈');
    await shot(p, 'ui-proof-replacement.png');
  });

  it('left nothing in the console', () => {
    expect(problems.filter((m) => !/Download the React DevTools/.test(m))).toEqual([]);
  });
});

