import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld } from './helpers.js';

/** Flips one byte of a stored original behind the app's back. */
function flipByte(file: string): void {
  const fd = openSync(file, 'r+');
  const b = Buffer.alloc(1);
  readSync(fd, b, 0, 1, 100);
  writeSync(fd, Buffer.from([b[0]! ^ 0x01]), 0, 1, 100);
  closeSync(fd);
}

describe('调阅记录: every view is recorded', () => {
  it('tells the player, as the session opens, the original’s last fixity result: none yet, ok, then changed', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      expect((await lead.call('retrieval.viewStart', { clipId: w.clipA })).lastFixity).toBeNull();
      await w.admin.call('footage.verify', { mode: 'full' });
      expect((await lead.call('retrieval.viewStart', { clipId: w.clipA })).lastFixity).toMatchObject({ outcome: 'ok' });
      const clip = await w.arch.call('footage.get', { id: w.clipA });
      flipByte(w.core.archive.store.pathOf(clip.sha256));
      await w.admin.call('footage.verify', { mode: 'full' });
      expect((await lead.call('retrieval.viewStart', { clipId: w.clipA })).lastFixity).toMatchObject({ outcome: 'changed' });
      expect((await lead.call('retrieval.viewStart', { clipId: w.clipB })).lastFixity).toMatchObject({ outcome: 'ok' });
    } finally {
      w.core.close();
    }
  });

  it('records play segments (merged, clamped to the clip), freezes a closed session, and lists it per clip and per person', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const v = await lead.call('retrieval.viewStart', { clipId: w.clipA });
      let s = await lead.call('retrieval.viewProgress', { viewId: v.viewId, segments: [[0, 1.2]] });
      expect(s.segments).toEqual([[0, 1.2]]);
      s = await lead.call('retrieval.viewProgress', {
        viewId: v.viewId,
        segments: [
          [1, 2],
          [3, 99],
        ],
      });
      // Overlaps joined, past the 4 s clip clamped.
      expect(s.segments).toEqual([
        [0, 2],
        [3, 4],
      ]);
      expect(s.totalSec).toBe(3);
      w.clock.advance(60_000);
      const end = await lead.call('retrieval.viewEnd', { viewId: v.viewId, segments: [[2, 2.5]] });
      expect(end.endedAt).toBe(w.clock.now().toISOString());
      expect(end.totalSec).toBe(3.5);
      const again = await lead.fail('retrieval.viewProgress', { viewId: v.viewId, segments: [[0, 4]] });
      expect(again.messageZh).toContain('已于');
      // Someone else's session is not theirs to write.
      const v2 = await w.admin.call('retrieval.viewStart', { clipId: w.clipA });
      expect((await lead.fail('retrieval.viewEnd', { viewId: v2.viewId })).code).toBe('not_found');
      // Bad segments are refused by the contract.
      expect((await lead.fail('retrieval.viewProgress', { viewId: v2.viewId, segments: [[-1, 2]] })).code).toBe('invalid_input');

      const clipLog = await lead.call('retrieval.log', { clipId: w.clipA });
      expect(clipLog.views.map((x) => [x.user, x.totalSec, x.endedAt !== null])).toEqual([
        ['管理员', 0, false],
        ['赵领导', 3.5, true],
      ]);
      expect(clipLog.people.map((p) => [p.user, p.sessions])).toEqual([
        ['管理员', 1],
        ['赵领导', 1],
      ]);
      const mine = await lead.call('retrieval.log', { username: 'lead' });
      expect(mine.views).toHaveLength(1);
      // An inspector reads only their own record.
      const insp = await w.login('insp');
      expect((await insp.call('retrieval.log', {})).views).toEqual([]);
      expect((await insp.fail('retrieval.log', { username: 'lead' })).code).toBe('forbidden');
      const audit = await w.admin.call('audit.list', {});
      expect(JSON.stringify(audit)).toContain('retrieval.viewEnd');
    } finally {
      w.core.close();
    }
  });

  it('marks a second with a note (领导, 评查员 with a grant), listed in order', async () => {
    const w = await retrievalWorld(tmpDir());
    try {
      const lead = await w.login('lead');
      const insp = await w.login('insp');
      await lead.call('retrieval.mark', { clipId: w.clipA, second: 2.5, note: '出示证件' });
      await lead.call('retrieval.mark', { clipId: w.clipA, second: 1, note: '告知权利' });
      expect((await w.arch.fail('retrieval.mark', { clipId: w.clipA, second: 1, note: '档案员不能标记' })).code).toBe('forbidden');
      expect((await insp.fail('retrieval.mark', { clipId: w.clipA, second: 1, note: '无授权' })).messageZh).toContain('无权调阅');
      expect((await lead.fail('retrieval.mark', { clipId: w.clipA, second: 30, note: '超出' })).messageZh).toContain('超出音像记录 A001.mp4 的时长');
      const marks = await w.arch.call('retrieval.marks', { clipId: w.clipA });
      expect(marks.map((m) => [m.second, m.note, m.by])).toEqual([
        [1, '告知权利', '赵领导'],
        [2.5, '出示证件', '赵领导'],
      ]);
    } finally {
      w.core.close();
    }
  });

  it('writes the 调阅登记表 for a period as PDF/A that poppler reads back, listing sessions and refusals', async () => {
    const dir = tmpDir();
    const w = await retrievalWorld(dir);
    try {
      const lead = await w.login('lead');
      const v = await lead.call('retrieval.viewStart', { clipId: w.clipA });
      await lead.call('retrieval.viewEnd', { viewId: v.viewId, segments: [[0, 3]] });
      await w.arch.fail('retrieval.viewStart', { clipId: w.clipB });
      const target = path.join(dir, 'out', '调阅登记表.pdf');
      execFileSync('mkdir', ['-p', path.dirname(target)]);
      const r = await lead.call('retrieval.registerPdf', { from: '2026-12-01', to: '2026-12-02', target });
      expect(r.sessions).toBe(1);
      expect(existsSync(target)).toBe(true);
      expect(readdirSync(path.dirname(target))).toEqual(['调阅登记表.pdf']);
      const text = execFileSync('pdftotext', ['-layout', target, '-']).toString('utf8');
      for (const s of ['调阅登记表', '赵领导', 'A001.mp4', '实时调阅', '00:00–00:03', '孙档案', 'A002.mp4', '没有覆盖该音像记录的调阅授权'])
        expect(text, s).toContain(s);
      expect(text.replace(/\s+/g, '')).toContain('第1页共1页');
      const info = execFileSync('pdfinfo', [target]).toString('utf8');
      expect(info).toMatch(/Pages:\s+1/);
      expect(r.pages).toBe(1);
      // A period without sessions says so; a bad path is refused.
      const empty = path.join(dir, 'out', 'empty.pdf');
      await lead.call('retrieval.registerPdf', { from: '2025-01-01', to: '2025-01-31', target: empty });
      expect(execFileSync('pdftotext', [empty, '-']).toString('utf8')).toContain('本期间无调阅记录');
      expect((await lead.fail('retrieval.registerPdf', { from: '2026-12-01', to: '2026-12-02', target: 'relative.pdf' })).code).toBe('invalid_input');
      expect((await w.login('insp').then((i) => i.fail('retrieval.registerPdf', { from: '2026-12-01', to: '2026-12-02', target }))).code).toBe('forbidden');
    } finally {
      w.core.close();
    }
  });
});
