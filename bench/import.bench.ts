/**
 * Import benchmark: a 1 MB OCR'd page text (the sample page repeated; target ≤ 200 ms median) and a
 * 10 MB .docx with pictures (target ≤ 2 s). The docx is written here as an uncompressed ZIP so that
 * its size is what it says. Run: npx tsx bench/import.bench.ts
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32 } from '../src-core/import/image-probe';
import { importFiles } from '../src-core/import/index';
import { median, printFigure } from './stats';
import { zip } from '../tests/unit/import-samples';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const sample = new Uint8Array(readFileSync(join(root, 'assets/samples/luoyang-daily-page.txt')));
const chart = new Uint8Array(readFileSync(join(root, 'tests/fixtures/import/chart.png')));

function repeatTo(bytes: Uint8Array, size: number): Uint8Array {
  const copies = Math.ceil(size / (bytes.length + 2));
  const out = new Uint8Array(copies * (bytes.length + 2));
  for (let k = 0; k < copies; k++) {
    out.set(bytes, k * (bytes.length + 2));
    out.set([10, 10], k * (bytes.length + 2) + bytes.length);
  }
  return out;
}

/** chart.png with an ancillary chunk of `pad` bytes after IHDR: a valid PNG of the wanted size. */
function bigPng(pad: number, seed: number): Uint8Array {
  const ihdrEnd = 8 + 25;
  const chunk = new Uint8Array(12 + pad);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, pad);
  chunk.set([0x62, 0x6d, 0x50, 0x64], 4); // "bmPd", ancillary and private
  let x = seed;
  for (let i = 8; i < 8 + pad; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    chunk[i] = x >>> 24;
  }
  view.setUint32(8 + pad, crc32(chunk, 4, 8 + pad));
  const out = new Uint8Array(chart.length + chunk.length);
  out.set(chart.subarray(0, ihdrEnd));
  out.set(chunk, ihdrEnd);
  out.set(chart.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}


function bigDocx(images: number, imageBytes: number, paragraphs: number): Uint8Array {
  const enc = new TextEncoder();
  const text = new TextDecoder().decode(sample).split(/\n+/).filter((l) => l.trim() && !l.startsWith('#'));
  const body: string[] = ['<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>真抓实干谋发展 奋勇争先谱新篇</w:t></w:r></w:p>'];
  for (let p = 0; p < paragraphs; p++) {
    body.push(`<w:p><w:r><w:t xml:space="preserve">${text[p % text.length].replace(/&/g, '&amp;').replace(/</g, '&lt;')}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>加粗</w:t></w:r></w:p>`);
    if (p % Math.ceil(paragraphs / images) === 0 && p / Math.ceil(paragraphs / images) < images) {
      const n = p / Math.ceil(paragraphs / images) + 1;
      body.push(
        `<w:p><w:r><w:drawing><wp:inline><wp:extent cx="3000000" cy="1500000"/><wp:docPr id="${n}" name="Picture ${n}" descr="图 ${n}"/><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${n}" name="p${n}.png"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="rIdImg${n}"/></pic:blipFill><pic:spPr/></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`,
      );
    }
  }
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>${body.join('')}</w:body></w:document>`;
  const rels = Array.from({ length: images }, (_, k) => `<Relationship Id="rIdImg${k + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${k + 1}.png"/>`).join('');
  // stored, not deflated: the archive's size is what it says
  const stored = (entries: { name: string; data: Uint8Array }[]) => zip(entries.map((e) => ({ ...e, deflate: false })));
  return stored([
    {
      name: '[Content_Types].xml',
      data: enc.encode('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    },
    { name: '_rels/.rels', data: enc.encode('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>') },
    { name: 'word/_rels/document.xml.rels', data: enc.encode(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`) },
    { name: 'word/document.xml', data: enc.encode(document) },
    ...Array.from({ length: images }, (_, k) => ({ name: `word/media/image${k + 1}.png`, data: bigPng(imageBytes, k + 1) })),
  ]);
}

async function time(runs: number, f: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    out.push(performance.now() - t0);
  }
  return out;
}

const text = repeatTo(sample, 1024 * 1024);
let articles = 0;
await importFiles([{ name: 'warm.txt', bytes: text }]);
const textTimes = await time(7, async () => {
  const r = await importFiles([{ name: 'page-1mb.txt', bytes: text }]);
  articles = r.articles.length;
});
printFigure('import 1 MB OCR page text', median(textTimes), 'ms', `median of 7; ${(text.length / 1048576).toFixed(2)} MB, ${articles} articles; target ≤ 200 ms`);

const docx = bigDocx(8, 1_200_000, 2000);
let images = 0;
let docArticles = 0;
const docxTimes = await time(3, async () => {
  const r = await importFiles([{ name: 'big.docx', bytes: docx }]);
  if (r.errors.length) throw new Error(r.errors[0].en);
  images = r.images.length;
  docArticles = r.articles.length;
});
printFigure('import 10 MB docx with images', median(docxTimes), 'ms', `median of 3; ${(docx.length / 1048576).toFixed(2)} MB, ${images} images, ${docArticles} article(s); target ≤ 2000 ms`);
