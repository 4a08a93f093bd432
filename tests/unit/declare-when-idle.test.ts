import { describe, expect, it } from 'vitest';
import { declareWhenIdle } from '../../src-renderer/canvas/declare-when-idle';
import { manualIdle } from '../support/manual-idle';

describe('the faces the first page did not need are declared when the window is idle', () => {
  it('one face per idle callback, in order, none before the first', () => {
    const idle = manualIdle();
    const declared: string[][] = [];
    declareWhenIdle(['song-bold', 'kai-regular', 'kai-bold'], (id) => declared.push([id]), idle);
    expect(declared).toEqual([]);
    idle.runNext();
    expect(declared).toEqual([['song-bold']]);
    idle.runNext();
    idle.runNext();
    expect(declared).toEqual([['song-bold'], ['kai-regular'], ['kai-bold']]);
    expect(idle.runNext()).toBe(false);
  });

  it('stopping (the window closes the page) leaves the rest undeclared and no callback waiting', () => {
    const idle = manualIdle();
    const declared: string[] = [];
    const stop = declareWhenIdle(['a', 'b', 'c'], (id) => declared.push(id), idle);
    idle.runNext();
    stop();
    expect(idle.pending()).toBe(0);
    expect(declared).toEqual(['a']);
  });
});
