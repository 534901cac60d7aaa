import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { type FournessRow } from '../api/types-fourness.js';
import { row } from './items.js';

const run = promisify(execFile);

/** The scanner's name and version, or null when ClamAV's clamscan is not installed. */
export async function scannerVersion(): Promise<string | null> {
  const bin = process.env.JUANZONG_CLAMSCAN ?? 'clamscan';
  try {
    return (await run(bin, ['--version'], { timeout: 30_000 })).stdout.trim() || 'ClamAV';
  } catch {
    return null;
  }
}

/**
 * 4-1 and 4-2: whether a virus scanner is installed, and a scan of the given folder with it. Never
 * a pass without a scan: when clamscan is missing or cannot run, both rows say 不适用 and why.
 */
export async function virusRows(dir: string, signal?: AbortSignal): Promise<FournessRow[]> {
  const version = await scannerVersion();
  if (!version) {
    const why = '本机未安装病毒扫描程序（ClamAV 的 clamscan），未做病毒扫描；请在安装 ClamAV 的计算机上重新检测';
    return [
      row('antivirus', { outcome: 'na', checked: '查找病毒扫描程序 clamscan', reason: why }),
      row('virus', { outcome: 'na', checked: `病毒扫描 ${dir}`, reason: why }),
    ];
  }
  const antivirus = row('antivirus', { outcome: 'pass', checked: '查找病毒扫描程序 clamscan', evidence: [version] });
  const bin = process.env.JUANZONG_CLAMSCAN ?? 'clamscan';
  try {
    const r = await run(bin, ['-r', '--infected', '--no-summary', '--stdout', dir], { maxBuffer: 16 << 20, ...(signal ? { signal } : {}) });
    return [antivirus, row('virus', { outcome: 'pass', checked: `用 ${version} 扫描 ${dir} 的全部文件`, evidence: [r.stdout.trim() || '未发现病毒'] })];
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (err.code === 1) {
      const infected = (err.stdout ?? '')
        .split('\n')
        .map((l) => /^(.*): (.+) FOUND$/.exec(l.trim()))
        .filter((m): m is RegExpExecArray => !!m)
        .map((m) => `${m[1]!.startsWith(dir) ? m[1]!.slice(dir.length + 1) : m[1]!}（${m[2]!}）`);
      return [
        antivirus,
        row('virus', { outcome: 'fail', checked: `用 ${version} 扫描 ${dir} 的全部文件`, reason: `发现病毒：${infected.join('、')}`, failing: infected }),
      ];
    }
    const why = `病毒扫描未能完成：${(err.stderr ?? String(e)).trim().split('\n').pop() ?? ''}`;
    return [antivirus, row('virus', { outcome: 'na', checked: `用 ${version} 扫描 ${dir}`, reason: why })];
  }
}
