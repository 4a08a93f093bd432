import { describe, expect, it } from 'vitest';
import { declareWhenIdle, holdIdleFaces } from '../../src-renderer/canvas/declare-when-idle';
import { manualIdle } from '../support/manual-idle';

describe('the idle face loader gives way to what the user opens', () => {
  it('declares nothing while held (打开 until what is opened is drawn), and goes on where it was once released', () => {
    const idle = manualIdle();
    const declared: string[] = [];
    declareWhenIdle(['a', 'b'], (id) => void declared.push(id), idle);
    const release = holdIdleFaces();
    idle.runNext();
    expect(declared).toEqual([]);
    // nothing asked of the window meanwhile: it is not woken each idle period to find the hold
    expect(idle.pending()).toBe(0);
    release();
    release(); // once is enough; a second release changes nothing
    idle.runNext();
    expect(declared).toEqual(['a']);
    idle.runNext();
    expect(declared).toEqual(['a', 'b']);
  });

  it('two holds: the loader waits for both', () => {
    const idle = manualIdle();
    const declared: string[] = [];
    declareWhenIdle(['a'], (id) => void declared.push(id), idle);
    const first = holdIdleFaces();
    const second = holdIdleFaces();
    idle.runNext();
    first();
    expect(idle.pending()).toBe(0);
    second();
    idle.runNext();
    expect(declared).toEqual(['a']);
  });

  it('one face in flight at a time: the next idle callback is asked only when the face fetched before has come', async () => {
    const idle = manualIdle();
    const declared: string[] = [];
    let arrive: () => void = () => {};
    declareWhenIdle(['a', 'b'], (id) => (declared.push(id), new Promise<void>((r) => (arrive = r))), idle);
    idle.runNext();
    expect(declared).toEqual(['a']);
    expect(idle.pending()).toBe(0);
    arrive();
    await Promise.resolve();
    await Promise.resolve();
    expect(idle.pending()).toBe(1);
    idle.runNext();
    expect(declared).toEqual(['a', 'b']);
  });
});
