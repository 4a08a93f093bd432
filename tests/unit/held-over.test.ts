import { describe, expect, it } from 'vitest';
import { heldCount, heldName, heldStories, type HeldOver } from '../../src-core/makeup';

const story = (id: string, headline: string): HeldOver => ({ articleId: id, headline, zh: '', en: '' });
const picture = (imageId: string): HeldOver => ({ articleId: '', imageId, headline: '', zh: '', en: '' });
const doc = { images: [{ id: 'img-2', name: '02-2.jpg' }] } as never;

describe('what a page holds over, counted and named (stories in 篇, pictures in 张)', () => {
  it('counts stories and pictures apart', () => {
    expect(heldCount([story('a', '甲'), story('b', '乙')])).toEqual({ zh: '待用 2 篇', en: '2 held over' });
    expect(heldCount([story('a', '甲'), picture('img-2')])).toEqual({ zh: '待用 1 篇、图片 1 张', en: '1 held over, 1 picture held over' });
    expect(heldCount([picture('img-2'), picture('img-3')])).toEqual({ zh: '待用图片 2 张', en: '2 pictures held over' });
    expect(heldStories([story('a', '甲'), picture('img-2')]).map((h) => h.articleId)).toEqual(['a']);
  });

  it('names a story by its headline (or id) and a picture by its file name (or id), never by an empty string', () => {
    expect(heldName(story('a', ' 古代中国的\n“计程车” '), doc)).toBe('古代中国的 “计程车”');
    expect(heldName(story('a', ''), doc)).toBe('a');
    expect(heldName(picture('img-2'), doc)).toBe('02-2.jpg');
    expect(heldName(picture('img-9'), doc)).toBe('img-9');
  });
});
