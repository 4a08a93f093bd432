/**
 * The sample page with every block tool in use (tints, frames, rule styles, a cropped picture, a
 * 压题图, a stepped article): `tsx scripts/blocks-demo.ts OUT.pdf` writes its print PDF, for looking at.
 */
import { writeFileSync } from 'node:fs';
import { layout } from '../src-core/layout/layout';
import type { Block } from '../src-core/model/document';
import { RULE_STYLES } from '../src-core/model/document';
import { gridGeometry, rectOf } from '../src-core/model/grid';
import { exportPdf } from '../src-core/pdf';
import { loadBundledFonts } from '../src-main/fonts/bundled';
import { cleanPage } from '../tests/fixtures/pdf/pages';

export function blocksDemoPage() {
  const doc = cleanPage();
  const geo = gridGeometry(doc.page);
  const edit: Record<string, Partial<Block>> = {
    'b-nanguan': { tint: 10, frameWidth: 0.5 },
    'b-nanyang': { frameWidth: 1, frameStyle: 'wave' },
    'b-xu': { titleImage: { imageId: 'anle-photo', text: 'white', rows: 9 } },
    'b-junhe': { tint: 15, frameWidth: 0.75, frameStyle: 'double', columnRows: [9, 9, 6, 6] },
    'b-anle-photo': { scale: 1.4, offsetX: 0.15, offsetY: -0.05 },
  };
  doc.blocks = doc.blocks.filter((b) => b.id !== 'b-soe').map((b) => ({ ...b, ...edit[b.id] }) as Block);
  const area = rectOf(geo, { col: 4, span: 4, row: 81, rows: 9 });
  RULE_STYLES.forEach((style, i) => {
    const y = area.y + 8 + i * 18;
    doc.blocks.push({ id: `r-${style}`, kind: 'rule', x1: area.x, y1: y, x2: area.x + area.width, y2: y, width: style === 'solid' ? 0.25 : 1, style });
  });
  return doc;
}

const out = process.argv[2];
if (out) {
  const fonts = loadBundledFonts();
  const doc = blocksDemoPage();
  const r = await exportPdf(layout(doc, { fonts }), { fonts, images: doc.images, createdAt: new Date('2024-01-16T14:30:00Z') });
  if (!r.ok) throw new Error(r.en);
  writeFileSync(out, r.bytes);
}
