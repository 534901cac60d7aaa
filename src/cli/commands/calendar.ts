import { readFileSync } from 'node:fs';
import type { CalendarYearInfo } from '../../api/types-calendar.js';
import { openSession, signIn } from '../cli-session.js';
import { fail, printJson, table } from '../output.js';
import type { Command } from './command.js';

/**
 * `juanzong calendar list | show YEAR | set YEAR --file F`: the working-day calendar (工作日历) the
 * 评查 deadline rules count on — operations calendar.get and calendar.update (administrator, audited).
 * F is JSON: { "source": "国务院办公厅关于2027年部分节假日安排的通知", "off": ["10-01", …], "work": ["10-09", …] };
 * days may be written MM-DD or YYYY-MM-DD (of that year).
 */
type Values = Record<string, string | boolean | string[] | undefined>;
const str = (v: Values, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : undefined);

const ORIGIN_ZH = { shipped: '随版本发布', archive: '本档案库录入' } as const;

function yearOf(arg: string | undefined, sub: string): number {
  const year = Number(arg);
  if (!arg || !/^\d{4}$/.test(arg)) fail(`calendar ${sub} needs a YEAR (e.g. 2027)`, `calendar ${sub} 需要年份（如 2027）`);
  return year;
}

/** A day of the file as MM-DD: `10-01` stays, `2027-10-01` loses its year; another year's day is refused. */
function toMmdd(day: unknown, year: number, where: string): string {
  if (typeof day !== 'string') fail(`${where}: not a date string`, `${where}：不是日期文字`);
  const m = /^(\d{4})-(\d{2}-\d{2})$/.exec(day.trim());
  if (!m) return day.trim();
  if (Number(m[1]) !== year) fail(`${where}: ${day} is not in ${year}`, `${where}：${day} 不在 ${year} 年`);
  return m[2]!;
}

interface YearFile {
  source: string;
  off: string[];
  work: string[];
}

export function readYearFile(file: string, year: number): YearFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`${file}: not readable JSON (${(e as Error).message})`, `${file}：无法读取为 JSON（${(e as Error).message}）`);
  }
  if (!raw || typeof raw !== 'object') fail(`${file}: expected an object with off, work and source`, `${file}：应为含 off、work、source 的对象`);
  const o = raw as Record<string, unknown>;
  const list = (k: 'off' | 'work'): string[] => {
    const v = o[k] ?? [];
    if (!Array.isArray(v)) fail(`${file}: ${k} must be a list of dates`, `${file}：${k} 应为日期列表`);
    return v.map((d, i) => toMmdd(d, year, `${k}[${i}]`));
  };
  const source = typeof o.source === 'string' && o.source.trim() ? o.source.trim() : `国务院办公厅关于${year}年部分节假日安排的通知`;
  return { source, off: list('off'), work: list('work') };
}

function printYear(y: CalendarYearInfo): void {
  process.stdout.write(`${y.year} 年工作日历（${ORIGIN_ZH[y.origin]}${y.updatedBy ? `，${y.updatedBy} ${y.updatedAt ?? ''}` : ''}）\n`);
  process.stdout.write(`  依据：${y.source}\n`);
  process.stdout.write(`  法定节假日（${y.off.length} 天）：${y.off.join(' ') || '—'}\n`);
  process.stdout.write(`  调休上班日（${y.work.length} 天）：${y.work.join(' ') || '—'}\n`);
}

export const calendarCommand: Command = {
  name: 'calendar',
  usage: 'calendar list --archive DIR --user NAME | calendar show YEAR --archive DIR --user NAME | calendar set YEAR --archive DIR --user 管理员 --file F.json',
  options: {
    archive: { type: 'string' },
    user: { type: 'string' },
    file: { type: 'string' },
  },
  async run({ positionals, values, json }) {
    const [sub, arg] = positionals;
    if (!['list', 'show', 'set'].includes(sub ?? ''))
      fail(`unknown sub-command "calendar ${positionals.join(' ')}" (list, show, set)`, `未知子命令 calendar ${positionals.join(' ')}（可用 list、show、set）`);
    const year = sub === 'list' ? 0 : yearOf(arg, sub!);
    const update = sub === 'set' ? readYearFile(str(values, 'file') ?? fail('calendar set needs --file F', 'calendar set 需要用 --file 指定文件'), year) : null;
    const s = await openSession(str(values, 'archive'));
    try {
      await signIn(s, str(values, 'user'));
      const info = update ? await s.call('calendar.update', { year, ...update }) : await s.call('calendar.get', {});
      if (sub === 'list') {
        if (json) return printJson(info.years);
        process.stdout.write(
          table(
            ['年份', '来源', '法定节假日', '调休上班', '依据', '录入'],
            info.years.map((y) => [
              y.year,
              ORIGIN_ZH[y.origin],
              y.off.length,
              y.work.length,
              y.source,
              y.updatedBy ? `${y.updatedBy} ${y.updatedAt ?? ''}` : '',
            ]),
          ) + '\n',
        );
        return;
      }
      const y = info.years.find((x) => x.year === year);
      if (!y)
        fail(
          `the calendar has no ${year} (working days fall back to Monday–Friday; enter it with calendar set)`,
          `工作日历中没有 ${year} 年（按周一至周五计算工作日；可用 calendar set 录入）`,
          'not_found',
        );
      if (json) return printJson(y);
      printYear(y);
    } finally {
      await s.core.close();
    }
  },
};
