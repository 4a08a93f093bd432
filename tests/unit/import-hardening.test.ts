/**
 * Issue #14 items 10, 11, 12 and 15: decompression bombs and deep XML in .docx, PNG data that
 * inflates past its dimensions, special files, whole-file JPEG/PNG structure (import and preflight
 * alike), and the text-import messages. Hostile files are made at run time (import-samples.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCX_LIMITS } from '../../src-core/import/docx-guard';
import { decodeText } from '../../src-core/import/encoding';
import { importFiles } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import { bytesToBase64 } from '../../src-core/model/base64';
import { rasterFacts } from '../../src-core/pdf/images';
import { preflight } from '../../src-core/preflight';
import { layout } from '../../src-core/layout/layout';
import { fontProvider } from '../../src-main/fonts/provider';
import { readRegularFile } from '../../src-main/import/read-file';
import { importPaths } from '../../src-main/import/read-inputs';
import { withImage } from '../fixtures/pdf/pages';
import { bombDocumentXml, deepDocumentXml, docx, documentXml, paragraph, png, zip } from './import-samples';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'tests/fixtures', dir, name)));

async function oneError(name: string, bytes: Uint8Array) {
  const r = await importFiles([{ name, bytes }]);
  expect(r.articles).toEqual([]);
  expect(r.errors).toHaveLength(1);
  const e = r.errors[0];
  expect(e.file).toBe(name);
  expect(e.zh).toContain(name);
  expect(e.en).toContain(name);
  expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
  return e;
}

describe('.docx bombs and deep XML are refused before mammoth reads them', () => {
  it('a 24 MB document.xml deflated into a small file is refused by its XML size', async () => {
    const bytes = docx(bombDocumentXml(24));
    expect(bytes.length).toBeLessThan(200_000);
    const e = await oneError('bomb.docx', bytes);
    expect(e.en).toMatch(/XML parts come to 24 MB, more than the limit of 16 MB/);
  });

  it('a bomb whose header lies about its size is stopped while inflating', async () => {
    const bytes = docx(documentXml(paragraph('正文')), [{ name: 'word/media/image1.png', data: new Uint8Array(64 * 1048576), claimSize: 1000 }]);
    const e = await oneError('lying.docx', bytes);
    expect(e.en).toMatch(/entry word\/media\/image1\.png inflates past its declared 1000 bytes/);
  });

  it('declared sizes over the total limit are refused without inflating', async () => {
    const bytes = docx(documentXml(paragraph('正文')), [{ name: 'word/media/big.bin', data: new Uint8Array(10), claimSize: DOCX_LIMITS.inflatedBytes + 1 }]);
    const e = await oneError('declared.docx', bytes);
    expect(e.en).toMatch(/would inflate to 256 MB, more than the limit of 256 MB/);
  });

  it('deep nesting is named as such, not as damage', async () => {
    const e = await oneError('deep.docx', docx(deepDocumentXml(4000)));
    expect(e.en).toMatch(/word\/document\.xml: the XML is nested more than 256 levels deep/);
    expect(e.en).not.toMatch(/damaged|truncated/);
  });

  it('too many elements, too many entries and a DOCTYPE are refused', async () => {
    expect((await oneError('flat.docx', docx(documentXml('<w:p/>'.repeat(DOCX_LIMITS.xmlElements + 1))))).en).toMatch(/more than 100000 XML elements/);
    const many = zip(Array.from({ length: DOCX_LIMITS.entries + 1 }, (_, k) => ({ name: `f${k}.txt`, data: new Uint8Array(1) })));
    expect((await oneError('many.docx', many)).en).toMatch(/2001 entries, more than the limit of 2000/);
    const dtd = docx(`<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]>${documentXml(paragraph('&a;')).replace(/^<\?xml[^>]*>/, '')}`);
    expect((await oneError('dtd.docx', dtd)).en).toMatch(/DOCTYPE/);
  });

  it('a normal document at the edge of the limits still imports (depth 200, text, comments, CDATA)', async () => {
    const body = `<!-- a comment with <w:p> inside -->${paragraph('今日要闻')}${'<w:sdt><w:sdtContent>'.repeat(100)}${paragraph('正文一段。')}${'</w:sdtContent></w:sdt>'.repeat(100)}`;
    const r = await importFiles([{ name: 'ok.docx', bytes: docx(documentXml(body)) }]);
    expect(r.errors).toEqual([]);
    expect(r.articles).toHaveLength(1);
  });
});

describe('PNG: decoded size against dimensions', () => {
  it('a PNG whose image data inflates past its 10×10 pixels is refused (bomb)', async () => {
    const bomb = png(10, 10, { idat: new Uint8Array(deflateSync(new Uint8Array(50 * 1048576))) });
    const e = await oneError('bomb.png', bomb);
    expect(e.en).toMatch(/inflates past the 310 bytes its size allows/);
  });

  it('dimensions that would decode to more than the limit are refused from the header', async () => {
    const huge = png(20000, 20000, { colorType: 6, depth: 16, idat: new Uint8Array(deflateSync(new Uint8Array(1000))) });
    const e = await oneError('huge.png', huge);
    expect(e.en).toMatch(/20000×20000 pixels would decode to 3052 MB, more than the limit of 512 MB/);
  });

  it('image data cut short inside its zlib stream, or a damaged IDAT checksum, is an error', async () => {
    const whole = new Uint8Array(deflateSync(new Uint8Array(10 * 31).fill(7)));
    expect((await oneError('short.png', png(10, 10, { idat: whole.subarray(0, whole.length - 6) }))).en).toMatch(/damaged or truncated/);
    const good = png(10, 10);
    const bad = good.slice();
    bad[bad.length - 12 - 5] ^= 0xff; // the last byte of IDAT's CRC
    expect((await oneError('crc.png', bad)).en).toMatch(/chunk IDAT at byte offset \d+ has a wrong checksum/);
    expect((await importFiles([{ name: 'good.png', bytes: good }])).errors).toEqual([]);
  });
});

describe('JPEG/PNG structure: one reader, whole files, in import and in preflight', () => {
  const jpeg = fixture('pdf', 'photo-rgb.jpg');
  const truncated = jpeg.slice(0, Math.floor(jpeg.length * 0.7));
  const fonts = fontProvider().registry();

  it('a JPEG cut in its image data is refused by the PDF side too (it used to pass to poppler)', () => {
    expect(rasterFacts(jpeg).ok).toBe(true);
    const r = rasterFacts(truncated);
    expect(r).toMatchObject({ ok: false, en: expect.stringMatching(/JPEG truncated: the image data ends without an end-of-image marker/) });
    const png = fixture('pdf', 'graphic-indexed.png');
    expect(rasterFacts(png.slice(0, png.length - 12)).ok).toBe(false); // no IEND
  });

  it('preflight makes a truncated picture an error', () => {
    const doc = withImage('photo-rgb.jpg', 1600, 1200, 'image/jpeg', 'rgb');
    doc.images[0].data = bytesToBase64(truncated);
    const r = preflight(doc, layout(doc, { fonts }), { fonts });
    expect(r.errors.map((e) => e.code)).toEqual(['image-unreadable']);
    expect(r.errors[0].en).toMatch(/cannot be read: JPEG truncated/);
    expect(r.errors[0].zh).toMatch(/无法读取：JPEG 被截断/);
  });

  it('bad base64 is called bad base64, not a placeholder', () => {
    const doc = withImage('photo-rgb.jpg', 1600, 1200, 'image/jpeg', 'rgb');
    doc.images[0].data = 'not*base64!';
    const r = preflight(doc, layout(doc, { fonts }), { fonts });
    expect(r.errors.map((e) => e.code)).toEqual(['image-unreadable']);
    expect(r.errors[0].en).toMatch(/not valid base64/);
    expect(r.errors[0].en).not.toMatch(/placeholder/);
  });
});

describe('text import messages (item 15)', () => {
  const zhText = '洛阳日报讯\n今年以来，我市持续优化营商环境。\n一是抓项目，二是促消费。\n';
  const utf16 = (text: string, le: boolean): Uint8Array => {
    const out = new Uint8Array(text.length * 2);
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k);
      out[2 * k] = le ? c & 0xff : c >> 8;
      out[2 * k + 1] = le ? c >> 8 : c & 0xff;
    }
    return out;
  };

  it('Chinese UTF-16 without a BOM (few zero bytes) is recognised in both byte orders', () => {
    expect(decodeText(utf16(zhText, true))).toMatchObject({ ok: true, encoding: 'utf-16le', guessed: true, text: zhText });
    expect(decodeText(utf16(zhText, false))).toMatchObject({ ok: true, encoding: 'utf-16be', guessed: true, text: zhText });
  });

  it('a guessed UTF-16 file is not labelled (BOM); one with a BOM is', async () => {
    const r = await importFiles([
      { name: 'guessed.txt', bytes: utf16(zhText, true) },
      { name: 'bom.txt', bytes: new Uint8Array([0xff, 0xfe, ...utf16(zhText, true)]) },
    ]);
    const files = (r.report as ImportReport).files;
    expect(files.map((f) => f.encoding)).toEqual(['UTF-16LE', 'UTF-16LE (BOM)']);
  });

  it('the control-character offset counts bytes in UTF-8 with a BOM and in GBK', () => {
    // BOM (3) + 中文 (6 bytes) → the control byte is at offset 9.
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('中文'), 0x01, 0x41]);
    expect(decodeText(utf8)).toMatchObject({ ok: false, offset: 9 });
    // 中文 in GBK (D6 D0 CE C4) twice, then 0x02 at offset 8.
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xd6, 0xd0, 0xce, 0xc4, 0x02, 0x41]);
    expect(decodeText(gbk)).toMatchObject({ ok: false, offset: 8, en: 'control character at byte offset 8: this is not a text file' });
  });

  it('NUL bytes in UTF-8 Chinese are named as such, not as mixed encodings', () => {
    const bytes = new TextEncoder().encode('今年以来，我市持续优化营商环境。');
    bytes[7] = 0; // inside the third character
    expect(decodeText(bytes)).toMatchObject({ ok: false, offset: 7, en: 'control character at byte offset 7: this is not a text file' });
  });

  it('a trailing DOS end-of-file byte (0x1A) no longer makes a GBK page unimportable; the report says it was dropped', async () => {
    const gbk = new Uint8Array([0xd6, 0xd0, 0xce, 0xc4, 0xa1, 0xa3, 0x0a, 0x1a]); // 中文。\n^Z
    const r = await importFiles([{ name: 'dos.txt', bytes: gbk }]);
    expect(r.errors).toEqual([]);
    const report = r.report as ImportReport;
    expect(report.files[0].encoding).toBe('GB18030/GBK');
    expect(report.removed).toContainEqual({ file: 'dos.txt', text: '\u001a', reason: 'DOS end-of-file mark (Ctrl-Z, 0x1A) at the end of the file' });
  });
});

describe('special files (item 11)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-special-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO named .txt in a folder and /dev/zero are refused at once, naming the file; the rest imports', async () => {
    writeFileSync(join(dir, 'a.txt'), '今年以来，我市持续优化营商环境。\n');
    execFileSync('mkfifo', [join(dir, 'pipe.txt')]);
    const r = await importPaths([dir, '/dev/zero'], { soffice: '' });
    expect(r.articles).toHaveLength(1);
    const pipe = r.errors.find((e) => e.file.endsWith('pipe.txt'))!;
    expect(pipe.en).toMatch(/pipe\.txt: not a regular file but a named pipe \(FIFO\)/);
    expect(pipe.zh).toMatch(/命名管道/);
    expect(r.errors.find((e) => e.file === '/dev/zero')!.en).toBe('/dev/zero: not a regular file but a device file; it cannot be read');
  });

  it('a file over the cap is refused from its size, before reading', () => {
    const p = join(dir, 'big.txt');
    writeFileSync(p, new Uint8Array(2 * 1048576 + 1));
    expect(readRegularFile(p, 'big.txt', 2 * 1048576)).toMatchObject({ ok: false, en: 'big.txt: the file is too large (2 MB, limit 2 MB)' });
    expect(readRegularFile(p, 'big.txt', 3 * 1048576)).toMatchObject({ ok: true });
  });
});
