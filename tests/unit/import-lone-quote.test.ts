/**
 * The normalizer never makes text worse (issue 19): a lone straight quote becomes opening or closing
 * only when the context says which; between two Han characters it is left as written and reported.
 * Every pair below was checked by hand against GB/T 15834 quote use.
 */
import { describe, expect, it } from 'vitest';
import { normalizePunctuationText } from '../../src-core/import/punctuation';
import { ChangeLog } from '../../src-core/import/report';
import { checkText } from '../../src-core/proof/checks';

const norm = (s: string): string => normalizePunctuationText(s, new ChangeLog('t'));

describe('a lone straight quote', () => {
  const pairs: [string, string, string][] = [
    // [written, normalized, why]
    ['确保改造成果"管得住、用得好。', '确保改造成果"管得住、用得好。', 'Han on both sides, nothing to pair with: could open or close, so it is left'],
    ['他说："我们一定做好。', '他说：“我们一定做好。', 'after a colon, before Chinese: opening'],
    ['会上强调,"要抓落实。', '会上强调，“要抓落实。', 'after a comma: opening'],
    ['"先民生后提升。', '“先民生后提升。', 'at the start, before Chinese: opening'],
    ['这就是先民生后提升"。', '这就是先民生后提升”。', 'Chinese before, a full stop after: closing'],
    ['他说：“我们一定做好。"', '他说：“我们一定做好。”', 'a curly “ before it is still open: closing'],
    ['确保改造成果"管得住、用得好”。', '确保改造成果“管得住、用得好”。', 'a curly ” after it has no opener: opening'],
    ['他说：“要抓紧”，又说"要落实。', '他说：“要抓紧”，又说"要落实。', 'the curly pair before it is closed; Han on both sides: left'],
    ['确保成果"管得住。他说:"好"。', '确保成果"管得住。他说：“好”。', 'a stray quote before a pair: the pair is paired by its sides, the stray one left (not “管得住。他说：”好")'],
    ['他说:"好"，成果"管得住，又说:"坏"。', '他说：“好”，成果"管得住，又说：“坏”。', 'a stray quote between two pairs: it does not turn the second pair round'],
    ['他引用"Think different"这句话，成果"管得住。', '他引用“Think different”这句话，成果"管得住。', 'three quotes none of which has a plain side: the first two pair, the last is left'],
  ];
  for (const [written, normalized, why] of pairs) {
    it(`${written} → ${normalized} (${why})`, () => {
      expect(norm(written)).toBe(normalized);
    });
  }

  it('never turns an opening quote into a closing one the check then calls unpaired', () => {
    const out = norm('确保改造成果"管得住、用得好。');
    expect(out).not.toContain('”');
    // left as written, the check reports the straight quote (not an unpaired ”)
    expect(checkText(out).map((f) => f.rule)).toEqual(['halfwidth-punctuation']);
  });

  it('still pairs straight quotes that come in pairs', () => {
    expect(norm('坚持"先民生后提升"的原则')).toBe('坚持“先民生后提升”的原则');
  });
});
