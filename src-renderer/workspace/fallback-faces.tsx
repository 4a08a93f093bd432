import type { FontRegistry } from '../../src-core/fonts/registry';
import { STYLE_LIMITS } from '../../src-core/model/styles';
import { useEditorInstance } from '../editor/use-editor';
import { familyChoices, type FamilyChoice } from '../ui/family-choices';
import { useFamilyCommit } from './use-family-commit';

/** A family as the face picker names it (a family no font here has is marked missing, as there). */
function choiceOf(fonts: FontRegistry, family: string): FamilyChoice {
  return familyChoices(fonts, family).find((c) => c.family === family)!;
}

/** `chain` with the entry at `i` moved by `step` (−1 up, +1 down). */
function moved(chain: readonly string[], i: number, step: number): string[] {
  const next = [...chain];
  [next[i], next[i + step]] = [next[i + step], next[i]];
  return next;
}

/**
 * 缺字替补字体: a style's fallback chain, the families tried in order for a character (生僻字) its
 * face lacks. Families come from the face picker's own list (familyChoices), without the style's face
 * and those already chosen; each add, removal or move is one change (one undo step).
 */
export function FallbackFaces({ chain, family, onCommit, testId }: { chain: readonly string[]; family: string; onCommit: (chain: string[]) => void; testId: string }) {
  const editor = useEditorInstance();
  const take = useFamilyCommit();
  const addable = familyChoices(editor.fonts, family).filter((c) => c.group !== 'missing' && c.group !== 'latin' && c.family !== family && !chain.includes(c.family));
  const add = (next: string) => next && take(next, () => onCommit([...chain, next]));
  const button = (label: string, title: string, id: string, onClick: () => void, disabled = false) => (
    <button type="button" className="fallback-face-button" title={title} aria-label={title} data-testid={id} disabled={disabled} onClick={onClick}>
      {label}
    </button>
  );
  return (
    <span className="fallback-faces" data-testid={testId}>
      <ol className="fallback-face-list">
        {chain.map((f, i) => {
          const choice = choiceOf(editor.fonts, f);
          return (
            <li key={f} data-family={f} data-testid={`${testId}-item`}>
              <span className="fallback-face-rank">{i + 1}.</span>
              <span className="fallback-face-name" title={choice.title}>
                {choice.text}
              </span>
              {button('↑', `上移 Move up: ${choice.title}`, `${testId}-up-${i}`, () => onCommit(moved(chain, i, -1)), i === 0)}
              {button('↓', `下移 Move down: ${choice.title}`, `${testId}-down-${i}`, () => onCommit(moved(chain, i, 1)), i === chain.length - 1)}
              {button('×', `移除 Remove: ${choice.title}`, `${testId}-remove-${i}`, () => onCommit(chain.filter((_, j) => j !== i)))}
            </li>
          );
        })}
      </ol>
      {chain.length < STYLE_LIMITS.fallbackFaces && addable.length > 0 && (
        <select data-testid={`${testId}-add`} value="" title="添加替补字体 Add a fallback face" onChange={(e) => add(e.target.value)}>
          <option value="">＋ 添加 Add…</option>
          {addable.map((c) => (
            <option key={c.family} value={c.family} title={c.title}>
              {c.text}
            </option>
          ))}
        </select>
      )}
    </span>
  );
}
