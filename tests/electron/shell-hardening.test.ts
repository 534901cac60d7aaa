import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OP_NAMES, contract } from '../../src/api/contract.js';
import { LOCAL_PATH_FIELDS } from '../../src/api/local-path-fields.js';
import { openCore } from '../../src/app-core.js';
import { isPicked } from '../../src/auth/picked-paths.js';
import { projectRoot } from '../../src/resources/paths.js';
import { PickedStore } from '../../electron/main/picked-store.js';
import { tmpDir } from '../helpers/tmp.js';

const ROOT = projectRoot();

describe('electron-builder.yml fuses', () => {
  // The `electronFuses:` block, read as its `key: true|false` lines (no YAML library among our dependencies).
  const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
  const block = /^electronFuses:\n((?:[ \t]+\w+: (?:true|false)\n)+)/m.exec(yml)?.[1] ?? '';
  const config = { electronFuses: Object.fromEntries([...block.matchAll(/(\w+): (true|false)/g)].map((m) => [m[1]!, m[2] === 'true'])) };
  const scheme = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as {
    definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
  };

  it('turn off RunAsNode, NODE_OPTIONS and --inspect, and turn on ASAR integrity and app.asar-only loading', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('name only fuses electron-builder knows (a typo would be ignored silently)', () => {
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {}).filter((k) => !known.includes(k))).toEqual([]);
  });
});

describe('local paths over IPC: only what the user picked in the system chooser', () => {
  it('lists every operation with a path-like input field', () => {
    const pathLike = /^(path|source|target|out|dir|folder|file)$/;
    const found: string[] = [];
    for (const name of OP_NAMES) {
      const schema = contract[name].input as unknown as { def?: { type?: string; shape?: Record<string, unknown>; options?: unknown[] } };
      const shapes =
        schema.def?.type === 'union'
          ? (schema.def.options as { def?: { shape?: Record<string, unknown> } }[]).map((o) => o.def?.shape ?? {})
          : [schema.def?.shape ?? {}];
      for (const shape of shapes) for (const field of Object.keys(shape)) if (pathLike.test(field)) found.push(`${name}.${field}`);
    }
    // Text fields that only look like paths: a case's 案件来源, the source of a holiday calendar, where a
    // 调阅 grant came from (an enum: request | review-assignment).
    const notPaths = ['case.create.source', 'case.update.source', 'calendar.update.source', 'retrieval.grants.source'];
    const listed = [...notPaths, ...Object.entries(LOCAL_PATH_FIELDS).flatMap(([op, fields]) => Object.keys(fields ?? {}).map((f) => `${op}.${f}`))];
    expect([...new Set(found)].filter((f) => !listed.includes(f))).toEqual([]);
    expect(found.length).toBeGreaterThanOrEqual(6);
    // Path fields the name pattern cannot tell from dates (`to`): listed by hand, and they must exist.
    expect(Object.keys(contract['archive.backup'].input.shape)).toContain('to');
  });

  it('accepts a picked folder and what lies inside it, nothing else (.. included)', () => {
    const store = new PickedStore();
    store.add('export', '/home/u/导出');
    store.add('ingest', '/media/u/DCIM');
    const picked = store.snapshot();
    expect(isPicked(picked, 'write', '/home/u/导出')).toBe(true);
    expect(isPicked(picked, 'write', '/home/u/导出/评查报告.pdf')).toBe(true);
    expect(isPicked(picked, 'write', '/home/u/导出/../.ssh/authorized_keys')).toBe(false);
    expect(isPicked(picked, 'write', '/home/u/导出2')).toBe(false);
    expect(isPicked(picked, 'write', '/media/u/DCIM')).toBe(false); // picked to read, not to write
    expect(isPicked(picked, 'read', '/media/u/DCIM/100MEDIA')).toBe(true);
    expect(isPicked(picked, 'read', 'DCIM')).toBe(false);
    store.clear();
    expect(isPicked(store.snapshot(), 'read', '/media/u/DCIM')).toBe(false);
  });

  describe('through invoke', () => {
    let core: Awaited<ReturnType<typeof openCore>>;
    let token: string;
    beforeEach(async () => {
      core = await openCore({ archiveDir: path.join(tmpDir(), 'a'), createIfMissing: true });
      const s = await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: 'secret-pass-1' }, { transport: 'direct' });
      if (!s.ok) throw new Error(s.error.message);
      token = s.value.token;
    });
    afterEach(async () => core.close());

    it('refuses an ingest source over IPC that was not picked, naming the field in Chinese; the same call from the CLI goes on', async () => {
      const source = tmpDir();
      const ipc = await core.invoke('footage.ingest', { source }, { transport: 'ipc', sessionToken: token, pickedPaths: { read: [], write: [] } });
      expect(ipc.ok).toBe(false);
      if (!ipc.ok) {
        expect(ipc.error.code).toBe('forbidden');
        expect(ipc.error.item).toBe('source');
        expect(ipc.error.messageZh).toContain('不是在系统对话框中选择的');
      }
      const noList = await core.invoke('footage.ingest', { source }, { transport: 'ipc', sessionToken: token });
      expect(noList.ok ? '' : noList.error.code).toBe('forbidden');
      const picked = await core.invoke('footage.ingest', { source }, { transport: 'ipc', sessionToken: token, pickedPaths: { read: [source], write: [] } });
      expect(picked.ok ? '' : picked.error.code).not.toBe('forbidden');
      const cli = await core.invoke('footage.ingest', { source }, { transport: 'cli', sessionToken: token });
      expect(cli.ok ? '' : cli.error.code).not.toBe('forbidden');
    });
  });
});
