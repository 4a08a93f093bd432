import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { serializeDocument } from '../../src-core/model/serialize';
import { readRecovery, sandboxAccess, writeRecovery, type HostEnv } from '../../src-main/host/page-files';

describe('autosave of a page that cannot be written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-recovery-msg-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env: HostEnv = { files: sandboxAccess(dir), autosaveSeconds: 30 };

  it('says autosave failed, why (the nesting), and that the previous autosave is what recovery holds', async () => {
    const good = serializeDocument(samplePage());
    expect((await writeRecovery(env, good, 'today.banmian', 'today.banmian')).ok).toBe(true);
    const before = readFileSync(join(env.files.stateDir, 'recovery.banmian'), 'utf8');
    const nested = `${good.slice(0, -1)}, "x": ${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const r = await writeRecovery(env, nested, 'today.banmian', 'today.banmian');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.zh).toMatch(/^自动保存失败，恢复文件仍是上一次自动保存的版面：.*嵌套超过/);
      expect(r.en).toMatch(/^Autosave failed; the recovery file still holds the previous autosave: .*nests deeper than/);
    }
    expect(readFileSync(join(env.files.stateDir, 'recovery.banmian'), 'utf8')).toBe(before);
    const recovered = await readRecovery(env);
    expect(recovered.ok && recovered.value?.title).toBe('today.banmian');
  });
});
