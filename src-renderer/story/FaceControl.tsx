import { WEIGHT_LABELS, type RunFace } from '../../src-core/story/face';
import { bringFaces, facesToBring } from '../canvas/fonts';
import { useLoadedFonts } from '../canvas/use-fonts';
import { useEditorInstance } from '../editor/use-editor';
import { familyChoices } from '../ui/family-choices';
import type { ActiveStory } from './active-story';

/** The select's value for the style's own face (no face mark) and for a selection of several faces. */
const STYLE = '';
const MIXED = '\u0000mixed';
const WEIGHTS: { value: '' | NonNullable<RunFace['weight']>; zh: string; en: string }[] = [
  { value: '', zh: '随样式', en: "The style's weight" },
  { value: 'regular', ...WEIGHT_LABELS.regular },
  { value: 'bold', ...WEIGHT_LABELS.bold },
];

/**
 * 字体 on the selected text: the families the face picker lists (`familyChoices`, the same list),
 * and the weight. An installed family's faces are fetched and declared first, so the page is laid
 * out with them (and saving records them); when that fails the text keeps its face, with a notice.
 */
export function FaceControl({ story }: { story: ActiveStory }) {
  const editor = useEditorInstance();
  const loaded = useLoadedFonts();
  const face = story.face();
  const current = face && face !== 'mixed' ? face : undefined;
  // A run's family no font here has is listed as missing, as a style's is.
  const choices = familyChoices(editor.fonts, current?.family ?? editor.fonts.defaultFamily);
  const disabled = !story.editable();
  const apply = (next: RunFace | null) => {
    const ids = next && loaded ? facesToBring(loaded, new Set([next.family])) : [];
    if (!loaded || ids.length === 0) return story.setFace(next);
    void bringFaces(loaded, ids).then((r) => {
      if (r.ok) return story.setFace(next);
      const name = editor.fonts.familyLabel(next!.family);
      editor.notify({ zh: `无法取得字体“${name.zh}”，文字字体未改：${r.zh}`, en: `Cannot fetch the font '${name.en}'; the text keeps its face: ${r.en}` }, 'warning');
    });
  };
  const pickFamily = (family: string) => (family === STYLE ? apply(null) : apply({ family, ...(current?.weight ? { weight: current.weight } : {}) }));
  const pickWeight = (weight: string) => current && apply({ family: current.family, ...(weight ? { weight: weight as RunFace['weight'] } : {}) });
  return (
    <span className="story-face" title="字体：所选文字的字体与字重 · Face and weight of the selected text">
      <select data-testid="story-face" disabled={disabled} value={face === 'mixed' ? MIXED : current?.family ?? STYLE} onChange={(e) => pickFamily(e.target.value)}>
        <option value={STYLE} title="The paragraph style's face">随样式字体</option>
        {face === 'mixed' && (
          <option value={MIXED} disabled title="The selection has several faces">
            （多种字体）
          </option>
        )}
        {choices.map((c) => (
          <option key={c.family} value={c.family} title={c.title}>
            {c.text}
          </option>
        ))}
      </select>
      <select data-testid="story-face-weight" disabled={disabled || !current} value={current?.weight ?? ''} onChange={(e) => pickWeight(e.target.value)}>
        {WEIGHTS.map((w) => (
          <option key={w.value} value={w.value} title={w.en}>
            {w.zh}
          </option>
        ))}
      </select>
    </span>
  );
}
