/**
 * The 提取说明 of a clip export names its approval: for a copy under an approved 调阅申请, the request
 * number, the requester, the supervisor who approved it, when, and the comment; for 领导's own
 * 实时调阅, that it was the supervisor in person. Read back from the PDF with pdftotext.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tmpDir } from '../helpers/tmp.js';
import { retrievalWorld } from './helpers.js';

const noteText = (folder: string) => execFileSync('pdftotext', [path.join(folder, '提取说明.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

describe('提取说明 names the approval', () => {
  it('a copy under an approved request prints 调阅申请 number, 申请人, 审批人, 审批时间 and the comment', async () => {
    const dir = tmpDir();
    const w = await retrievalWorld(dir);
    try {
      const req = await w.arch.call('retrieval.request', {
        reason: '核查群众投诉',
        purpose: 'complaint',
        scope: { clipIds: [w.clipA] },
        until: '2026-12-31',
        allowCopy: true,
      });
      const lead = await w.login('lead');
      w.clock.advance(40 * 60_000); // approved at 10:40 local (02:40Z)
      const approved = await lead.call('retrieval.approve', { id: req.id, comment: '同意复制，仅限投诉核查使用' });
      w.clock.advance(20 * 60_000);
      const r = await w.arch.call('clip.export', { clipId: w.clipA, inSec: 0, outSec: 2, target: path.join(dir, 'out'), reason: '投诉核查取证' });
      expect(r.grantId).toBe(approved.grant!.id);
      const note = noteText(r.folder);
      for (const s of [
        `调阅授权第${approved.grant!.id}号（允许复制`,
        '调阅申请',
        `第${req.id}号`,
        '申请人孙档案',
        '审批人赵领导',
        '审批时间2026-12-0210:40:00',
        '审批意见同意复制，仅限投诉核查使用',
      ])
        expect(note, s).toContain(s);
    } finally {
      w.core.close();
    }
  });

  it('a supervisor’s own 实时调阅 copy says so: 实时调阅，领导本人', async () => {
    const dir = tmpDir();
    const w = await retrievalWorld(dir);
    try {
      const lead = await w.login('lead');
      const r = await lead.call('clip.export', { clipId: w.clipB, inSec: 0, outSec: 1, target: path.join(dir, 'out'), reason: '监督检查' });
      expect(r.grantId).toBeNull();
      const note = noteText(r.folder);
      expect(note).toContain('实时调阅，领导本人');
      expect(note).not.toContain('调阅申请');
    } finally {
      w.core.close();
    }
  });
});
