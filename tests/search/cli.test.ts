import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchResult } from '../../src/api/types-search.js';
import { type CliSession, openSession } from '../../src/cli/cli-session.js';
import { makeSearchCommand } from '../../src/cli/commands/search.js';
import { CliError } from '../../src/cli/output.js';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { client, PASSWORD } from './helpers/search-core.js';

const session = async (dir: string | undefined): Promise<CliSession> => openSession(dir);
const search = makeSearchCommand(session);

let out = '';
beforeEach(() => {
  out = '';
  process.env.JUANZONG_PASSWORD = PASSWORD;
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});
afterEach(() => vi.restoreAllMocks());

async function archive(): Promise<string> {
  const dir = path.join(tmpDir(), 'archive');
  const c = await client(dir);
  await c.call('case.create', sampleCase({ parties: [{ type: 'person', name: '张某某', idNumber: null, address: '青石镇花园村三组' }] }));
  await c.close();
  return dir;
}

async function run(positionals: string[], values: Record<string, string | boolean>, json = true): Promise<{ out: string; error: CliError | null }> {
  out = '';
  let error: CliError | null = null;
  try {
    await search.run({ positionals, values: { user: 'admin', ...values }, json });
  } catch (e) {
    if (!(e instanceof CliError)) throw e;
    error = e;
  }
  return { out, error };
}

describe('juanzong search', () => {
  it('finds a case by part of its address, as JSON and as text with the match marked', async () => {
    const dir = await archive();
    const j = await run(['花园'], { archive: dir });
    expect(j.error).toBeNull();
    const r = JSON.parse(j.out) as SearchResult;
    expect(r.mode).toBe('short');
    expect(r.groups.find((g) => g.kind === 'case')).toMatchObject({ total: 1, hits: [expect.objectContaining({ caseNo: '青石综执罚立〔2024〕99号' })] });
    const t = await run(['规划许可'], { archive: dir }, false);
    expect(t.out).toContain('案件 Cases: 1');
    expect(t.out).toContain('cause: 未取得乡村建设【规划许可】证进行建设');
    expect((await run(['不存在的词语'], { archive: dir }, false)).out).toContain('没有找到');
  });

  it('passes the filters; bad options and an over-long text are errors naming them', async () => {
    const dir = await archive();
    const f = await run(['规划'], { archive: dir, status: 'open', kind: 'case,document' });
    expect((JSON.parse(f.out) as SearchResult).groups.map((g) => g.kind)).toEqual(['case', 'document']);
    expect((JSON.parse((await run(['规划'], { archive: dir, status: 'sealed' })).out) as SearchResult).groups[0]!.total).toBe(0);
    expect((await run(['x'], { archive: dir, status: 'closed' })).error?.payload.messageZh).toMatch(/--status/);
    expect((await run(['x'], { archive: dir, linked: true, unlinked: true })).error?.payload.messageZh).toMatch(/不能同时使用/);
    expect((await run(['x'], { archive: dir, kind: 'people' })).error?.payload.messageZh).toMatch(/未知类别 people/);
    const long = await run(['长'.repeat(300)], { archive: dir });
    expect(long.error?.payload).toMatchObject({ code: 'invalid_input', messageZh: expect.stringContaining('检索词过长：300 个字符') });
    const officer = await run([], { archive: dir, officer: '豫S11520210047', from: '2024-01-01', to: '2024-12-31' });
    expect((JSON.parse(officer.out) as SearchResult).groups.find((g) => g.kind === 'case')!.total).toBe(1);
  });
});
