/**
 * Garbage and edge inputs never crash or hang; the Node side (folders, LibreOffice) and the CLI.
 * Time bounds here are loose hang guards, not performance targets (see bench/import.bench.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { crc32 } from '../../src-core/import/image-probe';
import { importFiles } from '../../src-core/import/index';
import type { ImportReport } from '../../src-core/import/report';
import { run } from '../../src-main/cli/commands/import';
import { findSoffice } from '../../src-main/import/libreoffice';
import { importPaths } from '../../src-main/import/read-inputs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'tests/fixtures/import', name)));
const samplePath = join(root, 'assets/samples/luoyang-daily-page.txt');
const sample = new Uint8Array(readFileSync(samplePath));

function randomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

function pngWithIhdr(width: number, height: number, fixCrc: boolean): Uint8Array {
  const b = fixture('chart.png').slice();
  const view = new DataView(b.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  if (fixCrc) view.setUint32(29, crc32(b, 12, 29));
  return b;
}

async function timed(name: string, bytes: Uint8Array, boundMs: number) {
  const t0 = performance.now();
  const r = await importFiles([{ name, bytes }]);
  const ms = performance.now() - t0;
  expect(ms, `${name} took ${ms.toFixed(0)} ms`).toBeLessThan(boundMs);
  return r;
}

describe('garbage and edge inputs: a clear error or a clean result, never a crash or a hang', () => {
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty.txt', new Uint8Array(0), /empty \(0 bytes\)/],
    ['empty.docx', new Uint8Array(0), /empty \(0 bytes\)/],
    ['empty.png', new Uint8Array(0), /empty \(0 bytes\)/],
    ['empty.md', new Uint8Array(0), /empty \(0 bytes\)/],
    ['random.docx', randomBytes(4096, 1), /not a valid Word \.docx/],
    ['random.png', randomBytes(4096, 2), /not a JPEG or PNG/],
    ['random.jpg', randomBytes(4096, 3), /not a JPEG or PNG/],
    ['random.txt', randomBytes(4096, 4), /byte offset|not a text file|mixed encodings/],
    ['truncated.docx', fixture('story.docx').slice(0, 4000), /cannot open the Word file/],
    ['lying-crc.png', pngWithIhdr(60000, 60000, false), /checksum mismatch/],
    ['lying-size.png', pngWithIhdr(60000, 60000, true), /60000×60000 pixels, which is implausible/],
    ['truncated.png', fixture('chart.png').slice(0, 200), /past the end of the file|truncated/],
    ['truncated.jpg', fixture('photo-rgb-300.jpg').slice(0, 400), /truncated/],
    ['not-really.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(512, 5)]), /LibreOffice/],
    ['binary.txt', new Uint8Array([0x48, 0x69, 0x00, 0x01, 0x02, 0x41]), /not a text file/],
    ['table.xlsx', randomBytes(64, 6), /unsupported file type/],
  ];
  for (const [name, bytes, message] of cases) {
    it(name, async () => {
      const r = await timed(name, bytes, 10_000);
      expect(r.articles).toEqual([]);
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0].file).toBe(name);
      expect(r.errors[0].en).toMatch(message);
      expect(r.errors[0].en).toContain(name);
      expect(r.errors[0].zh).toContain(name);
      expect(r.errors[0].zh).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it('a mixed-encoding file names the byte offset', async () => {
    const utf8 = new TextEncoder().encode('第一段是UTF-8中文文本。\n');
    const gbkBytes = [0xb5, 0xda, 0xb6, 0xfe, 0xb6, 0xce]; // 第二段 in GBK
    const r = await timed('mixed.txt', new Uint8Array([...utf8, ...gbkBytes]), 5_000);
    expect(r.errors[0]).toMatchObject({ file: 'mixed.txt', offset: utf8.length });
  });

  it('a page cut off under a 栏目 and its title, or under a poem\'s title and its poet, imports what it has (it could not be read: a line past the page\'s end was read)', async () => {
    const page = ['凤麟日报　2026年6月5日　星期五　第2版　要闻', '', '老旧厂房焕发新活力', '　　本报讯（记者 潘少军）在武汉市四美塘铁路遗址文化公园，蒸汽火车头并排静卧。', ''];
    for (const tail of [['热议', '一个小区为啥有四个名字?'], ['冬夜，听一支军乐', '林  溪']]) {
      const r = await importFiles([{ name: 'page.txt', bytes: new TextEncoder().encode([...page, ...tail].join('\n')) }]);
      expect(r.errors, tail.join('⏎')).toEqual([]);
      expect(r.articles[0].headline).toBe('老旧厂房焕发新活力');
    }
  });

  it('bad files do not stop good ones', async () => {
    const r = await importFiles([
      { name: 'bad.png', bytes: randomBytes(100, 9) },
      { name: 'page.txt', bytes: sample },
      { name: 'photo.jpg', bytes: fixture('photo-cmyk.jpg') },
    ]);
    expect(r.errors.map((e) => e.file)).toEqual(['bad.png']);
    expect(r.articles).toHaveLength(9);
    expect(r.images.find((i) => i.name === 'photo.jpg')).toMatchObject({ colorSpace: 'cmyk', pixelWidth: 120 });
  });

  it('a 20 MB text file (the page repeated) imports', async () => {
    const copies = Math.ceil((20 * 1024 * 1024) / sample.length);
    const big = new Uint8Array(copies * (sample.length + 2));
    for (let k = 0; k < copies; k++) {
      big.set(sample, k * (sample.length + 2));
      big.set([10, 10], k * (sample.length + 2) + sample.length);
    }
    const r = await timed('big.txt', big, 60_000);
    expect(r.errors).toEqual([]);
    expect(r.articles.length).toBe(9 * copies);
  }, 120_000);

  it('a 20 MB text file with no line breaks at all imports as one article', async () => {
    const unit = new TextEncoder().encode('该系列榜单还展现了我市产业发展的多项创新成果，');
    const n = Math.ceil((20 * 1024 * 1024) / unit.length);
    const big = new Uint8Array(n * unit.length);
    for (let k = 0; k < n; k++) big.set(unit, k * unit.length);
    const r = await timed('one-line.txt', big, 60_000);
    expect(r.errors).toEqual([]);
    expect(r.articles).toHaveLength(1);
  }, 120_000);
});

describe('the Node side: files, folders, legacy Word', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-import-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('walks a folder, skips hidden and non-importable files, brings a Markdown file its images', async () => {
    const folder = join(dir, 'desk');
    mkdirSync(join(folder, 'md', 'img'), { recursive: true });
    writeFileSync(join(folder, 'page.txt'), sample);
    writeFileSync(join(folder, '.hidden.txt'), 'x');
    writeFileSync(join(folder, 'notes.xlsx'), 'x');
    writeFileSync(join(folder, 'md', 'story.md'), '# 标题\n\n正文。\n\n![图](img/chart.png)\n');
    writeFileSync(join(folder, 'md', 'img', 'chart.png'), fixture('chart.png'));
    writeFileSync(join(folder, 'story.docx'), fixture('story.docx'));
    const r = await importPaths([folder], { soffice: '' });
    expect(r.errors).toEqual([]);
    expect(r.report.files.map((f) => f.name).sort()).toEqual(['desk/md/img/chart.png', 'desk/md/story.md', 'desk/page.txt', 'desk/story.docx']);
    expect(r.articles).toHaveLength(9 + 1 + 1);
    const md = r.articles.find((a) => a.headline === '标题')!;
    expect(r.imageLinks.find((l) => l.articleId === md.id)?.caption).toBe('图');
  });

  it('a missing path and a .doc without LibreOffice give clear errors', async () => {
    writeFileSync(join(dir, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const r = await importPaths([join(dir, 'nope.txt'), join(dir, 'old.doc')], { soffice: '' });
    expect(r.errors.map((e) => e.en)).toEqual([`no such file or folder: ${join(dir, 'nope.txt')}`, expect.stringMatching(/LibreOffice is needed to convert legacy Word\/WPS files and is not installed/)]);
    expect(r.errors[1].zh).toContain('LibreOffice');
  });

  it('converts a legacy .doc through LibreOffice when it is installed', async (ctx) => {
    const soffice = findSoffice();
    if (!soffice) {
      console.log('LibreOffice not installed: .doc conversion test skipped');
      ctx.skip();
      return;
    }
    writeFileSync(join(dir, 'headings.docx'), fixture('headings.docx'));
    execFileSync(soffice, [`-env:UserInstallation=file://${join(dir, 'lo-profile')}`, '--headless', '--convert-to', 'doc', '--outdir', join(dir, 'legacy'), join(dir, 'headings.docx')], { stdio: 'pipe', timeout: 120_000 });
    const r = await importPaths([join(dir, 'legacy', 'headings.doc')]);
    expect(r.errors).toEqual([]);
    expect(r.articles[0]).toMatchObject({ kicker: '安乐街道：', headline: '沿街排查安全隐患 营造安全清新环境', byline: '张铁生 文/图' });
    expect(r.report.files[0].convertedBy).toMatch(/LibreOffice/);
  }, 180_000);
});

describe('CLI: npm run banmian -- import', () => {
  async function capture(args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    try {
      const code = await run(args);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  }

  it('--json prints the ImportResult', async () => {
    const { code, out } = await capture([samplePath, '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.articles).toHaveLength(9);
    expect(r.page.columnNames).toEqual(['一把手访谈']);
    expect((r.report as ImportReport).guesses.length).toBeGreaterThan(10);
  });

  it('--summary shows articles with roles, page items, guesses, normalizations and errors', async () => {
    const { code, out } = await capture([samplePath, join(root, 'tests/fixtures/import/missing.png'), '--summary']);
    expect(code).toBe(5);
    for (const s of ['稿件 Articles', '主题 headline：真抓实干谋发展 奋勇争先谱新篇', '引题 kicker：南关街道：', '栏目 column：一把手访谈', '通栏 banner：', '判断 Guesses', '存疑片段 Fragments', '规范化 Normalizations', '错误 Errors', 'no such file or folder'])
      expect(out).toContain(s);
  });

  it('an error names its file once (a caption file with no picture printed its name twice)', async () => {
    const caption = join(root, 'tests/fixtures/import/copydesk/day/09.caption.txt');
    const { out } = await capture([caption, '--summary']);
    const line = out.split('\n').find((l) => l.includes('图片说明文件没有同名的图片'))!;
    expect(line.split('09.caption.txt').length - 1).toBe(1);
    const en = out.split('\n').find((l) => l.includes('a caption file with no picture'))!;
    expect(en.split('09.caption.txt').length - 1).toBe(1);
  });

  it('usage errors exit 2; nothing imported exits 1', async () => {
    expect((await capture([])).code).toBe(2);
    expect((await capture(['--bogus', samplePath])).code).toBe(2);
    expect((await capture([join(root, 'tests/fixtures/import/missing.txt')])).code).toBe(1);
  });
});
