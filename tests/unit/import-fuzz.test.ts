/**
 * Seeded, bounded fuzzing of the import path (issue #14): over 100 broken files made from a fixed
 * seed (cut and garbled .docx, zip bombs, deep XML, broken PNG/JPEG, huge PNG dimensions, binary
 * named .txt, encoding mixes, NUL-laden text, empty files, a FIFO) go through the real CLI,
 * `node --import tsx src-main/cli/index.ts import FILES --json`, as child processes in batches: a
 * child is what measures peak memory honestly (its own, tests/support/peak-rss.ts) and a V8
 * out-of-memory crash shows as a crash instead of taking the test runner down; batches keep the
 * tsx start-up cost to a handful. A batch's bounds hold for every file in it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { bombDocumentXml, deepDocumentXml, docx, documentXml, paragraph, png, prng, randomBytes, zip } from './import-samples';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (dir: string, name: string): Uint8Array => new Uint8Array(readFileSync(join(root, 'tests/fixtures', dir, name)));
const SEED = 20240614;
const BATCH = 14;
const LIMIT_MS = 10_000;
const LIMIT_RSS_KB = 1024 * 1024;
const RAW_JS_ERROR = /Cannot read propert|Maximum call stack|out of memory|TypeError|ReferenceError|RangeError|SyntaxError|is not a function|undefined is not|\n\s+at [^\n]*:\d+:\d+/;

type Sample = { name: string; bytes?: Uint8Array; fifo?: true };

function garble(bytes: Uint8Array, rand: () => number, flips: number): Uint8Array {
  const out = bytes.slice();
  for (let k = 0; k < flips; k++) out[Math.floor(rand() * out.length)] = Math.floor(rand() * 256);
  return out;
}

const cut = (bytes: Uint8Array, rand: () => number): Uint8Array => bytes.slice(0, 1 + Math.floor(rand() * (bytes.length - 1)));

/** The broken files, all from SEED: the same run every time. */
function samples(): Sample[] {
  const rand = prng(SEED);
  const out: Sample[] = [];
  const add = (name: string, bytes: Uint8Array) => out.push({ name, bytes });
  const story = fixture('import', 'story.docx');
  const jpeg = fixture('pdf', 'photo-rgb.jpg');
  const chart = fixture('import', 'chart.png');
  const enc = new TextEncoder();
  const zh = '洛阳日报讯 今年以来，我市持续优化营商环境，一是抓项目，二是促消费。\n';
  for (let k = 0; k < 10; k++) add(`cut-${k}.docx`, cut(story, rand));
  for (let k = 0; k < 10; k++) add(`garbled-${k}.docx`, garble(story, rand, 1 + Math.floor(rand() * 40)));
  for (let k = 0; k < 4; k++) add(`bomb-${k}.docx`, docx(bombDocumentXml(20 + 10 * k)));
  add('bomb-lying.docx', docx(documentXml(paragraph('正文')), [{ name: 'word/media/a.png', data: new Uint8Array(40 * 1048576), claimSize: 4096 }]));
  add('bomb-entries.docx', zip(Array.from({ length: 2500 }, (_, k) => ({ name: `x/${k}.xml`, data: enc.encode('<a/>') }))));
  add('bomb-declared.docx', docx(documentXml(paragraph('正文')), [{ name: 'word/media/b.bin', data: new Uint8Array(8), claimSize: 0x7fffffff }]));
  add('bomb-flat.docx', docx(documentXml('<w:p/>'.repeat(150_000))));
  for (let k = 0; k < 6; k++) add(`deep-${k}.docx`, docx(deepDocumentXml(2 * (150 + Math.floor(rand() * 2500)))));
  for (let k = 0; k < 6; k++) add(`cut-${k}.png`, cut(chart, rand));
  for (let k = 0; k < 6; k++) add(`garbled-${k}.png`, garble(chart, rand, 1 + Math.floor(rand() * 8)));
  add('no-iend.png', png(20, 20, { end: false }));
  add('idat-bomb.png', png(16, 16, { idat: new Uint8Array(deflateSync(new Uint8Array(64 * 1048576))) }));
  for (let k = 0; k < 4; k++) add(`huge-${k}.png`, png(30000 + k * 7000, 30000, { colorType: [2, 6, 4, 0][k], depth: 8, idat: new Uint8Array(deflateSync(new Uint8Array(64))) }));
  for (let k = 0; k < 8; k++) add(`cut-${k}.jpg`, cut(jpeg, rand));
  for (let k = 0; k < 6; k++) add(`garbled-${k}.jpg`, garble(jpeg, rand, 1 + Math.floor(rand() * 8)));
  for (let k = 0; k < 10; k++) add(`binary-${k}.txt`, randomBytes(64 + Math.floor(rand() * 8000), SEED + k));
  for (let k = 0; k < 10; k++) add(`mixed-${k}.txt`, encodingMix(zh, rand));
  for (let k = 0; k < 6; k++) add(`nul-${k}.txt`, garbleWithNul(enc.encode(zh.repeat(20)), rand));
  for (const ext of ['txt', 'md', 'docx', 'png', 'jpg']) add(`empty.${ext}`, new Uint8Array(0));
  for (let k = 0; k < 4; k++) add(`garbage-${k}.md`, randomBytes(200 + k * 300, SEED * 3 + k));
  out.push({ name: 'pipe.txt', fifo: true });
  return out;
}

function utf16(text: string, le: boolean): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[2 * k + (le ? 0 : 1)] = c & 0xff;
    out[2 * k + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** Slices of the same text in UTF-8, GB18030 (from the platform decoder's table) and UTF-16, glued together. */
function encodingMix(text: string, rand: () => number): Uint8Array {
  const gbk = new Uint8Array([0xc2, 0xe5, 0xd1, 0xf4, 0xc8, 0xd5, 0xb1, 0xa8, 0xd1, 0xb6, 0xa3, 0xac, 0x0a]); // 洛阳日报讯，\n
  const parts = [new TextEncoder().encode(text), gbk, utf16(text, true), utf16(text, false), new Uint8Array([0xff, 0xfe]), new Uint8Array([0x1a])];
  const chosen: Uint8Array[] = [];
  for (let k = 0; k < 2 + Math.floor(rand() * 4); k++) chosen.push(parts[Math.floor(rand() * parts.length)]);
  const all = new Uint8Array(chosen.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of chosen) {
    all.set(p, o);
    o += p.length;
  }
  return all;
}

function garbleWithNul(bytes: Uint8Array, rand: () => number): Uint8Array {
  const out = bytes.slice();
  for (let k = 0; k < 1 + Math.floor(rand() * 30); k++) out[Math.floor(rand() * out.length)] = 0;
  return out;
}

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex');

interface CliResult {
  articles: unknown[];
  images: unknown[];
  errors: { file: string; zh: string; en: string }[];
  report: { files: { name: string }[] };
}

describe('seeded fuzzing of the CLI import path', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const hook = join(root, 'tests/support/peak-rss-hook.ts');
  const all = samples();
  const hashes = new Map<string, string>();
  for (const s of all) {
    const p = join(dir, s.name);
    if (s.fifo) execFileSync('mkfifo', [p]);
    else {
      writeFileSync(p, s.bytes!);
      hashes.set(p, sha(p));
    }
  }
  const batches: Sample[][] = [];
  for (let i = 0; i < all.length; i += BATCH) batches.push(all.slice(i, i + BATCH));
  const stats = { tried: 0, failed: 0, imported: 0, peakKb: 0, slowestMs: 0 };

  it(`makes at least 100 broken files from seed ${SEED}`, () => {
    expect(all.length).toBeGreaterThanOrEqual(100);
    expect(new Set(all.map((s) => s.name)).size).toBe(all.length);
  });

  batches.forEach((batch, b) => {
    it(`batch ${b + 1}/${batches.length}: ${batch[0].name} … ${batch[batch.length - 1].name}`, () => {
      const paths = batch.map((s) => join(dir, s.name));
      const t0 = performance.now();
      const run = spawnSync(process.execPath, ['--import', 'tsx', '--import', hook, join(root, 'src-main/cli/index.ts'), 'import', ...paths, '--json', '--omit-image-data'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1048576, timeout: 60_000 });
      const ms = performance.now() - t0;
      const peakKb = Number(/BANMIAN_PEAK_RSS_KB=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
      stats.peakKb = Math.max(stats.peakKb, peakKb);
      stats.slowestMs = Math.max(stats.slowestMs, ms);
      expect(run.signal, run.stderr).toBeNull();
      expect([0, 1, 5], run.stderr).toContain(run.status);
      expect(ms, `batch took ${ms.toFixed(0)} ms`).toBeLessThan(LIMIT_MS);
      expect(peakKb, 'peak RSS in KB').toBeLessThan(LIMIT_RSS_KB);
      expect(run.stdout + run.stderr).not.toMatch(RAW_JS_ERROR);
      const result = JSON.parse(run.stdout) as CliResult;
      for (const e of result.errors) {
        const name = e.file.split('/').pop()!;
        expect(e.zh, e.en).toContain(name);
        expect(e.en).toContain(name);
        expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(e.en).toMatch(/[a-z]{3}/);
      }
      for (const p of paths) {
        const failed = result.errors.some((e) => e.file === p);
        const imported = result.report.files.some((f) => f.name === p);
        expect(failed || imported, `${p} is neither imported nor named in an error`).toBe(true);
        stats.tried++;
        if (failed) stats.failed++;
        else stats.imported++;
        if (hashes.has(p)) expect(sha(p), `${p} changed`).toBe(hashes.get(p));
      }
    }, 70_000);
  });

  afterAll(() => {
    console.log(`import fuzz: ${stats.tried} files tried, ${stats.failed} refused with a message, ${stats.imported} imported; peak RSS ${(stats.peakKb / 1024).toFixed(0)} MB; slowest batch ${stats.slowestMs.toFixed(0)} ms`);
  });
});
