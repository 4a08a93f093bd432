import { useRef } from 'react';

/**
 * `value`, or the one returned last time when `equal` finds them alike: for a value rebuilt more often
 * than it changes, so the memos and effects that depend on it run only when it really changed.
 */
export function useSameValue<T>(value: T, equal: (a: T, b: T) => boolean): T {
  const kept = useRef(value);
  if (kept.current !== value && !equal(kept.current, value)) kept.current = value;
  return kept.current;
}
