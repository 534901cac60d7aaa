import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleCase } from '../helpers/fixtures.js';
import { tmpDir } from '../helpers/tmp.js';
import { openHarness, seedCase, setupUsers } from './helpers/harness.js';

const CHILD = path.join(import.meta.dirname, 'fixtures', 'seal-child.ts');

interface Line {
  caseId?: number;
  archiveNo?: string;
  error?: string;
  ready?: number;
  t0?: number;
  t1?: number;
}

function runChild(archive: string, go: string, ids: number[]): { lines: Line[]; ready: Promise<void>; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, archive, go, ids.join(',')], {
    stdio: ['ignore', 'pipe', 'pipe'],
    cwd: path.join(import.meta.dirname, '..', '..'),
  });
  const lines: Line[] = [];
  let buf = '';
  let stderr = '';
  let onReady: () => void = () => undefined;
  const ready = new Promise<void>((r) => (onReady = r));
  child.stdout.on('data', (d) => {
    buf += String(d);
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const l = JSON.parse(buf.slice(0, i)) as Line;
      buf = buf.slice(i + 1);
      if (l.ready) onReady();
      else lines.push(l);
    }
  });
  child.stderr.on('data', (d) => (stderr += String(d)));
  const done = new Promise<number | null>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 ? resolve(code) : reject(new Error(`child exited ${code}: ${stderr}`)))),
  );
  return { lines, ready, done };
}

describe('归档号 allocation under real concurrency', () => {
  it('two OS processes sealing 20 cases each get distinct, gap-free serials', async () => {
    const archive = path.join(tmpDir(), 'archive');
    const h = await openHarness(archive);
    await setupUsers(h);
    const ids: number[] = [];
    for (let i = 1; i <= 40; i++) {
      const day = `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 27)).padStart(2, '0')}`;
      const c = sampleCase({
        caseNo: `青石综执简〔2024〕${i}号`,
        procedure: 'summary',
        decisionNo: `青石综执当罚〔2024〕${i}号`,
        dates: { decision: day, closed: day },
      });
      ids.push(
        await seedCase(h, c, [
          { kind: 'DCCF', title: `当场行政处罚决定书${i}`, docNo: `青石综执当罚〔2024〕${i}号`, date: day, pages: 1 },
          { kind: 'DCBA', title: `当场行政处罚决定备案表${i}`, date: day, pages: 1 },
          { kind: 'JASPB', title: `结案审批表${i}`, date: day, pages: 1 },
        ]),
      );
    }
    await h.close();

    const go = path.join(tmpDir(), 'go');
    const a = runChild(
      archive,
      go,
      ids.filter((_, i) => i % 2 === 0),
    );
    const b = runChild(
      archive,
      go,
      ids.filter((_, i) => i % 2 === 1),
    );
    await Promise.all([a.ready, b.ready]);
    writeFileSync(go, 'go');
    await Promise.all([a.done, b.done]);

    const all = [...a.lines, ...b.lines];
    expect(all.filter((l) => l.error)).toEqual([]);
    expect(a.lines).toHaveLength(20);
    expect(b.lines).toHaveLength(20);
    const numbers = all.map((l) => l.archiveNo!).sort();
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => `2024${String(i + 1).padStart(4, '0')}`));
    // The two processes were sealing at the same time (SQLite's lock is not fair, so one may wait out
    // several of the other's seals; what matters is that their attempts overlapped).
    const span = (ls: Line[]) => [Math.min(...ls.map((l) => l.t0!)), Math.max(...ls.map((l) => l.t1!))] as const;
    const [a0, a1] = span(a.lines);
    const [b0, b1] = span(b.lines);
    expect(a0 < b1 && b0 < a1).toBe(true);

    const r = await openHarness(archive);
    const rows = r.archive.db.prepare('SELECT serial, dossier_id AS d FROM archive_numbers WHERE year = 2024 ORDER BY serial').all() as {
      serial: number;
      d: number;
    }[];
    expect(rows.map((x) => x.serial)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(rows.map((x) => x.d)).size).toBe(40);
    expect(r.archive.db.prepare('SELECT last_serial AS s FROM archive_serials WHERE year = 2024').get()).toEqual({ s: 40 });
    expect((r.archive.db.prepare("SELECT count(*) AS n FROM dossier_versions WHERE status = 'sealed'").get() as { n: number }).n).toBe(40);
    r.token = (await r.ok('auth.login', { username: 'dangan', password: 'secret-pass-1' })).token;
    expect((await r.ok('audit.verify', {})).ok).toBe(true);
    await r.close();
  });
});
