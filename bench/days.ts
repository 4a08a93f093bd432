import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BanmianDocument, ImageAsset } from '../src-core/model/document';
import { emptyDocument } from '../src-core/model/defaults';
import { docFromParagraphs } from '../src-core/model/richtext';
import type { MakeUpRequest } from '../src-core/makeup';
import { samplePage } from './pages';

interface DaySet {
  format: 'broadsheet' | 'tabloid';
  articles: { id: string; headline: string; kicker: string; byline: string; paragraphs: string[] }[];
  pictures: { articleId: string; caption: string; pixelWidth: number; pixelHeight: number }[];
}

/** A day set from tests/fixtures/days as a make-up request (the first picture carries the sample's photo bytes). */
export function dayRequest(name: string): MakeUpRequest {
  const file = fileURLToPath(new URL(`../tests/fixtures/days/${name}.json`, import.meta.url));
  const day = JSON.parse(readFileSync(file, 'utf8')) as DaySet;
  const photo = samplePage().images[0];
  const images: ImageAsset[] = day.pictures.map((p, i) => (i === 0 ? { ...photo, id: `pic-${i + 1}` } : { id: `pic-${i + 1}`, name: `pic-${i + 1}.jpg`, mime: 'image/jpeg', pixelWidth: p.pixelWidth, pixelHeight: p.pixelHeight, colorSpace: 'rgb' }));
  const base = emptyDocument(day.format);
  const document: BanmianDocument = {
    ...base,
    images,
    articles: day.articles.map((a) => ({ id: a.id, kicker: a.kicker, headline: a.headline, deck: '', byline: a.byline, bylinePosition: 'top', lead: '', body: docFromParagraphs(a.paragraphs), jumpFrom: '', jumpTo: '' })),
  };
  return { document, pictures: day.pictures.map((p, i) => ({ imageId: `pic-${i + 1}`, articleId: p.articleId, caption: p.caption })) };
}

export const DAY_SETS = ['broadsheet-fits', 'tabloid', 'tabloid-fits', 'broadsheet-overflow'] as const;
