import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { PageStore } from '../../src-core/store/page-store';

describe('fields a page may leave out, through the store', () => {
  it('keeps an article\'s column name (栏头) and the header\'s date line, and adds neither where absent', () => {
    const doc = samplePage();
    doc.articles[0].column = '一把手访谈';
    doc.page.header.dateLine = 'weekday-lunar';
    const back = new PageStore(doc).snapshot();
    expect(back.articles[0].column).toBe('一把手访谈');
    expect(back.page.header.dateLine).toBe('weekday-lunar');
    // articles[1] (谢峰) has its 栏头 from the import; articles[2] has none
    expect('column' in back.articles[2]).toBe(false);
    const plain = new PageStore(samplePage()).snapshot();
    expect('dateLine' in plain.page.header).toBe(false);
  });
});
