import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runAsCaller } from '../../src/jobs/job-owner.js';
import { sampleCase, scanJpeg } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { probeBridge, sleep } from './bridge-harness.js';

type Probe = Awaited<ReturnType<typeof probeBridge>>;

describe('bridge probe: events and jobs follow roles', () => {
  let p: Probe;
  afterEach(async () => p.close());

  it('a tab that has not signed in gets no event stream (401), and an expired or unknown session neither', async () => {
    p = await probeBridge();
    const anon = await p.events();
    expect(anon.status).toBe(401);
    expect(anon.text()).toContain('请先登录');
    await anon.close();
    const forged = await p.events('not-a-session');
    expect(forged.status).toBe(401);
    await forged.close();
  });

  it("an archivist's document job reaches the archivist and the administrator, not the inspector; case changes reach every role", async () => {
    p = await probeBridge();
    const t = await p.accounts({ dangan: 'archivist', pingcha: 'inspector' });
    const streams = { dangan: await p.events(t.dangan), admin: await p.events(t.admin), pingcha: await p.events(t.pingcha) };
    expect(Object.values(streams).map((s) => s.status)).toEqual([200, 200, 200]);

    const created = await p.post('case.create', sampleCase(), t.dangan);
    expect(created.status).toBe(200);
    const scan = await scanJpeg(path.join(tmpDir(), '询问笔录-第1页.jpg'));
    const up = await fetch(`${p.base}/upload?name=${encodeURIComponent(path.basename(scan))}`, {
      method: 'POST',
      headers: { ...p.launch, Authorization: `Bearer ${t.dangan}` },
      body: readFileSync(scan),
    });
    const staged = (await up.json()) as { ok: true; value: { stagedId: string } };
    const caseId = (created.body as { ok: true; value: { id: number } }).value.id;
    const added = await p.post(
      'document.add',
      { caseId, kind: 'XWBL', title: '询问笔录', files: [{ stagedId: staged.value.stagedId }], jobId: 'job-archivist-0001' },
      t.dangan,
    );
    expect(added.status).toBe(200);
    await sleep(300);
    for (const s of Object.values(streams)) await s.close();

    const jobsOf = (s: { received: Record<string, unknown>[] }) => s.received.filter((e) => e.type === 'job.progress');
    expect(jobsOf(streams.dangan).length).toBeGreaterThan(0);
    expect(jobsOf(streams.dangan).some((e) => e.item === '询问笔录-第1页.jpg')).toBe(true);
    expect(jobsOf(streams.admin).length).toBe(jobsOf(streams.dangan).length);
    expect(jobsOf(streams.pingcha)).toEqual([]);
    expect(JSON.stringify(streams.pingcha.received)).not.toContain('询问笔录-第1页');
    for (const s of Object.values(streams)) expect(s.received.some((e) => e.type === 'case.changed')).toBe(true);
  });

  it("an inspector cannot cancel an archivist's job; the owner can, and the cancel is audited with who", async () => {
    p = await probeBridge();
    const t = await p.accounts({ dangan: 'archivist', pingcha: 'inspector' });
    const danganId = p.core.archive.db.prepare("SELECT id FROM users WHERE username = 'dangan'").get() as { id: number };
    // A long job the archivist started (as an ingest would be), waiting until it is cancelled.
    let aborted = false;
    const running = runAsCaller(danganId.id, () =>
      p.core.deps.jobs.run('footage.ingest', { items: 1, bytes: 0 }, 'ingest-of-dangan-01', async (job) => {
        job.startItem('FILE0001.MP4');
        await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
        aborted = true;
        throw new Error('cancelled');
      }),
    ).catch(() => undefined);

    const byInspector = await p.post('job.cancel', { jobId: 'ingest-of-dangan-01' }, t.pingcha);
    expect(byInspector.status).toBe(403);
    expect(byInspector.body.ok ? '' : byInspector.body.error.messageZh).toBe('该任务由他人发起，只有发起人或管理员可以取消');
    expect(aborted).toBe(false);

    const byOwner = await p.post('job.cancel', { jobId: 'ingest-of-dangan-01' }, t.dangan);
    expect(byOwner.body).toEqual({ ok: true, value: { ok: true } });
    await running;
    expect(aborted).toBe(true);
    const audit = p.core.archive.db.prepare("SELECT actor, target_id AS targetId, detail FROM audit_log WHERE action = 'job.cancel'").all() as {
      actor: string;
      targetId: string;
      detail: string;
    }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'dangan(dangan)', targetId: 'ingest-of-dangan-01' });
    expect(JSON.parse(audit[0]!.detail)).toEqual({ op: 'footage.ingest', ownerId: danganId.id });
  });

  it('work no user started (background OCR) may be stopped by an archivist, not by an inspector', async () => {
    p = await probeBridge();
    const t = await p.accounts({ dangan: 'archivist', pingcha: 'inspector' });
    // Outside any call, as the background OCR after an import runs: the job has no owner.
    const running = p.core.deps.jobs
      .run(
        'ocr.run',
        { items: 1, bytes: 0 },
        'background-ocr-0001',
        (job) => new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(new Error('x')))),
      )
      .catch(() => 'cancelled');
    const byInspector = await p.post('job.cancel', { jobId: 'background-ocr-0001' }, t.pingcha);
    expect(byInspector.status).toBe(403);
    const byArchivist = await p.post('job.cancel', { jobId: 'background-ocr-0001' }, t.dangan);
    expect(byArchivist.body).toEqual({ ok: true, value: { ok: true } });
    expect(await running).toBe('cancelled');
    const audit = p.core.archive.db.prepare("SELECT actor, detail FROM audit_log WHERE action = 'job.cancel'").all() as { actor: string; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actor).toBe('dangan(dangan)');
    expect(JSON.parse(audit[0]!.detail)).toEqual({ op: 'ocr.run', ownerId: null });
  });

  it('an administrator may cancel anyone’s job', async () => {
    p = await probeBridge();
    const t = await p.accounts({ dangan: 'archivist' });
    const danganId = (p.core.archive.db.prepare("SELECT id FROM users WHERE username = 'dangan'").get() as { id: number }).id;
    const running = runAsCaller(danganId, () =>
      p.core.deps.jobs.run(
        'dossier.export',
        { items: 1, bytes: 0 },
        'export-of-dangan-1',
        (job) => new Promise((_, reject) => job.signal.addEventListener('abort', () => reject(new Error('x')))),
      ),
    ).catch(() => 'cancelled');
    const r = await p.post('job.cancel', { jobId: 'export-of-dangan-1' }, t.admin);
    expect(r.body).toEqual({ ok: true, value: { ok: true } });
    expect(await running).toBe('cancelled');
  });
});
