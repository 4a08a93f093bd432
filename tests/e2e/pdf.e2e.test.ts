/**
 * The sample page as the print plant gets it, checked with the tools plants and RIP vendors use:
 * poppler (pdftotext, pdffonts, pdfinfo, pdftoppm), qpdf, Ghostscript and MuPDF. Each check is
 * skipped, with a message saying which tool is missing, where the tool is not installed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareWithReference } from '../support/reference';
import { samplePage } from '../../bench/pages';
import { layout } from '../../src-core/layout/layout';
import { AD_LABEL } from '../../src-core/layout/ads';
import { headerDate } from '../../src-core/layout/date';
import { plainText } from '../../src-core/model/richtext';
import { exportPdf } from '../../src-core/pdf';
import { isProhibitedLineStart } from '../../src-core/typeset/kinsoku';
import { loadOutputIntent } from '../../src-main/files/print';
import { fontProvider } from '../../src-main/fonts/provider';
import { cleanPage } from '../fixtures/pdf/pages';
import { facesDrawn, hanCounts, needs, run } from '../support/pdf-tools';

// The slug line shows local time; fix the zone so the reference image is the same everywhere.
process.env.TZ = 'Asia/Shanghai';

const MM = 72 / 25.4;
const AT = new Date('2024-01-16T14:30:00Z');


describe('the sample page as a print PDF', () => {
  const fonts = fontProvider().registry();
  const doc = samplePage();
  let dir: string;
  let pdfPath: string;
  let photoPdfPath: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'banmian-pdf-'));
    const intent = loadOutputIntent();
    if (!intent.ok) throw new Error(intent.en);
    const r = await exportPdf(layout(doc, { fonts }), { fonts, images: doc.images, pdfx: intent.value, title: '洛阳日报', fileName: 'luoyang-page.banmian', createdAt: AT });
    if (!r.ok) throw new Error(r.en);
    pdfPath = join(dir, 'luoyang-page.pdf');
    writeFileSync(pdfPath, r.bytes);
    const clean = cleanPage();
    const p = await exportPdf(layout(clean, { fonts }), { fonts, images: clean.images, pdfx: intent.value, createdAt: AT });
    if (!p.ok) throw new Error(p.en);
    photoPdfPath = join(dir, 'with-photo.pdf');
    writeFileSync(photoPdfPath, p.bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('pdftotext gives every Han character of the page exactly as often as the document has it', () => {
    if (!needs('pdftotext')) return;
    const h = doc.page.header;
    const source = [
      ...doc.articles.flatMap((a) => [a.column ?? '', a.kicker, a.headline, a.deck, a.byline, a.lead, plainText(a.body), a.jumpFrom, a.jumpTo]),
      ...doc.blocks.map((b) => (b.kind === 'image' ? b.caption : '')),
      // a booked ad without its artwork prints its advertiser under the label 广告
      ...doc.blocks.map((b) => (b.kind === 'ad' ? `${AD_LABEL}${b.advertiser}` : '')),
      h.paperName,
      h.section,
      // The header's 版次, date line and credit labels are written by the layout, not typed in the document.
      h.pageNumber && `第${h.pageNumber}版`,
      h.date && headerDate(h.date, h.dateLine === 'weekday-lunar'),
      h.editor && `责任编辑：${h.editor}`,
      h.proofreader && `校对：${h.proofreader}`,
      h.layoutEditor && `组版：${h.layoutEditor}`,
    ].join('\n');
    const text = run('pdftotext', ['-enc', 'UTF-8', pdfPath, '-']).stdout;
    const want = hanCounts(source);
    const got = hanCounts(text);
    const wrong = [...new Set([...want.keys(), ...got.keys()])].filter((ch) => want.get(ch) !== got.get(ch)).map((ch) => `${ch}: document ${want.get(ch) ?? 0}, PDF ${got.get(ch) ?? 0}`);
    expect(wrong).toEqual([]);
    expect([...want.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(4000);
    // Digits, the 2-em dash and the ellipsis come back as text too.
    expect(text).toContain('——访涧西区委书记');
    expect(text).toContain('……');
    expect(text).toContain('2024');
  });

  it('pdffonts lists every font embedded, subset (with a tag) and with a ToUnicode map', () => {
    if (!needs('pdffonts')) return;
    const rows = run('pdffonts', [pdfPath]).stdout.trim().split('\n').slice(2);
    // each face the page is drawn in, once: the sample's 宋, 黑, 黑 bold, 楷 and 标宋 (5 faces)
    const names = rows.map((row) => row.trim().split(/\s+/)[0]);
    expect(names.map((n) => n.slice(7)).sort()).toEqual(facesDrawn([layout(doc, { fonts })], fonts));
    expect(names.length).toBe(5);
    for (const row of rows) {
      const cols = row.trim().split(/\s+/);
      expect(cols[0]).toMatch(/^[A-Z]{6}\+(Noto(Serif|Sans)SC-(Regular|Bold|ExtraBold)|LXGWWenKai-Regular)$/);
      expect(row).toMatch(/CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
    }
  });

  it('pdfinfo shows a broadsheet TrimBox and a BleedBox 3 mm larger on every side', () => {
    if (!needs('pdfinfo')) return;
    const out = run('pdfinfo', ['-box', pdfPath]).stdout;
    const box = (name: string): number[] => new RegExp(`${name}:\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)`).exec(out)!.slice(1).map(Number);
    const trim = box('TrimBox');
    const bleed = box('BleedBox');
    expect((trim[2] - trim[0]) / MM).toBeCloseTo(390, 1);
    expect((trim[3] - trim[1]) / MM).toBeCloseTo(546, 1);
    expect((bleed[2] - bleed[0]) / MM).toBeCloseTo(396, 1);
    expect((bleed[3] - bleed[1]) / MM).toBeCloseTo(552, 1);
    expect(out).toMatch(/PDF subtype:\s+PDF\/X-4/);
    expect(out).toMatch(/Encrypted:\s+no/);
  });

  it('qpdf --check finds nothing wrong', () => {
    if (!needs('qpdf')) return;
    const r = run('qpdf', ['--check', pdfPath]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('Ghostscript renders it without errors or warnings', () => {
    if (!needs('gs')) return;
    for (const file of [pdfPath, photoPdfPath]) {
      const r = run('gs', ['-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=png16m', '-r30', `-sOutputFile=${join(dir, 'gs.png')}`, file]);
      expect(r.status).toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/error|warning|\*\*\*\*/i);
    }
  });

  it('MuPDF renders it without errors or warnings (it reports broken fonts that poppler hides)', () => {
    if (!needs('mutool')) return;
    for (const file of [pdfPath, photoPdfPath]) {
      const r = run('mutool', ['draw', '-q', '-r', '30', '-o', join(dir, 'mu.png'), file]);
      expect(r.status).toBe(0);
      // Debian's mupdf is built without LittleCMS and says so for every file, whatever it holds.
      const messages = r.stderr.split('\n').filter((l) => l.trim() && l.trim() !== 'warning: ICC support is not available');
      expect(messages).toEqual([]);
    }
  });

  it('no text line in the PDF starts with prohibited punctuation', () => {
    if (!needs('pdftotext')) return;
    const html = run('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', pdfPath, '-']).stdout;
    const decode = (s: string): string => s.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
    // Poppler joins the lines of side-by-side columns into one <line> of several <word>s; a word
    // starts a typeset line when nothing ends less than half its height before it (gutters are a
    // full em; the ¼ em Han–Latin space and spaces in bylines are far narrower).
    const starts: string[] = [];
    for (const line of html.matchAll(/<line[^>]*>([\s\S]*?)<\/line>/g)) {
      let prevEnd = -Infinity;
      for (const w of line[1].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
        const [xMin, yMin, xMax, yMax] = [w[1], w[2], w[3], w[4]].map(Number);
        if (xMin - prevEnd > 0.5 * (yMax - yMin)) starts.push(decode(w[5]));
        prevEnd = xMax;
      }
    }
    expect(starts.length).toBeGreaterThan(300);
    // A line of the second column of the Xie Feng interview is found as a line of its own.
    expect(starts).toContain('型，以高质量发展的良好成效');
    // A paragraph may open with a dash (the deck "——访…"); only lines inside a paragraph are bound by kinsoku.
    const paragraphs = doc.articles.flatMap((a) => [a.kicker, a.headline, a.deck, a.byline, a.lead, ...plainText(a.body).split('\n')]).map((p) => p.trim()).filter(Boolean);
    const opensParagraph = (l: string): boolean => paragraphs.some((p) => p.startsWith(l.slice(0, 6)));
    const bad = starts.filter((l) => l && isProhibitedLineStart(l.codePointAt(0)!) && !opensParagraph(l));
    expect(starts.filter((l) => isProhibitedLineStart(l.codePointAt(0)!)).length).toBeLessThanOrEqual(2);
    expect(bad).toEqual([]);
  });

  it('looks as it did when it was checked by eye (pdftoppm reference)', () => {
    if (!needs('pdftoppm')) return;
    execFileSync('pdftoppm', ['-r', '50', '-png', '-singlefile', pdfPath, join(dir, 'page')]);
    compareWithReference('pdf-luoyang-page.png', readFileSync(join(dir, 'page.png')), 0.002);
  });
});
