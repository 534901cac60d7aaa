import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { ClientError, unwrapEnvelope } from '../../../renderer/bridge/envelope.js';
import { caseToForm, emptyCaseForm, fieldIssues, formToCaseInput, type CaseFormValues } from '../../../renderer/features/cases/case-form-values.js';
import { movedDocuments, moveItem } from '../../../renderer/features/dossier/dossier-order.js';
import { formatBytes, formatDuration, formatLocalWithOffset, jobPercent, shortDigest } from '../../../renderer/features/footage/footage-format.js';

describe('case-form-values', () => {
  const filled: CaseFormValues = {
    caseNo: ' 青综执罚〔2024〕12号 ',
    title: '某某超范围经营案',
    cause: '超范围经营',
    procedure: 'general',
    decisionNo: '  ',
    parties: [
      { type: 'person', name: ' 张三 ', idNumber: '11010519491231002x', phone: '' },
      { type: 'organisation', name: '某某商店', creditCode: '91110000abc', legalRepresentative: '李四' },
    ],
    officers: [{ name: '王五', certNo: '11000001', roles: [' 承办人 ', ''] }],
    dates: { filed: dayjs('2024-03-01'), closed: dayjs('2024-05-20') },
  };

  it('turns form values into the contract input: trimmed, blanks to null, ID and credit codes upper-cased, dates as YYYY-MM-DD', () => {
    const input = formToCaseInput(filled);
    expect(input.caseNo).toBe('青综执罚〔2024〕12号');
    expect(input.decisionNo).toBeNull();
    expect(input.parties[0]).toMatchObject({ type: 'person', name: '张三', idNumber: '11010519491231002X', phone: null });
    expect(input.parties[1]).toMatchObject({ type: 'organisation', creditCode: '91110000ABC', legalRepresentative: '李四' });
    expect(input.officers[0]?.roles).toEqual(['承办人']);
    expect(input.dates.filed).toBe('2024-03-01');
    expect(input.dates.served).toBeNull();
    expect(input.dates.closed).toBe('2024-05-20');
  });

  it('starts a new case with two officer rows (行政处罚法 第42条) and round-trips dates through caseToForm', () => {
    expect(emptyCaseForm().officers).toHaveLength(2);
    const input = formToCaseInput(filled);
    const back = caseToForm({ ...input, id: 1, dates: { ...input.dates } } as unknown as Parameters<typeof caseToForm>[0]);
    expect(back.dates.filed?.format('YYYY-MM-DD')).toBe('2024-03-01');
    expect(back.dates.decision).toBeNull();
  });

  it('reads invalid_input details into form field paths, dropping the prefix', () => {
    const issues = fieldIssues(
      [{ path: ['parties', 0, 'idNumber'], message: 'Bad ID', messageZh: '身份证号码有误' }, { path: 'case.officers[1].certNo', message: 'Bad cert' }, 'junk'],
      'case',
    );
    expect(issues).toEqual([
      { name: ['parties', 0, 'idNumber'], message: 'Bad ID', messageZh: '身份证号码有误' },
      { name: ['officers', 1, 'certNo'], message: 'Bad cert', messageZh: 'Bad cert' },
    ]);
    expect(fieldIssues(null)).toEqual([]);
  });
});

describe('dossier-order', () => {
  it('counts as moved only the documents outside a longest common subsequence', () => {
    expect([...movedDocuments([1, 2, 3, 4], [1, 2, 3, 4])]).toEqual([]);
    expect([...movedDocuments([1, 2, 3, 4], [1, 4, 2, 3])]).toEqual([4]);
    expect(movedDocuments([1, 2, 3, 4], [4, 3, 2, 1]).size).toBe(3);
  });
  it('moves an item to the index it ends up at, leaving the input untouched', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moveItem(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moveItem(list, 9, 0)).toEqual(list);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('footage-format', () => {
  it('formats durations rounded before splitting (59.7 s is 1:00, never 0:60)', () => {
    expect(formatDuration(59.7)).toBe('1:00');
    expect(formatDuration(42)).toBe('0:42');
    expect(formatDuration(3723)).toBe('1:02:03');
    expect(formatDuration(null)).toBe('—');
  });
  it('keeps a camera-local time in its own offset, and shortens sizes and digests', () => {
    expect(formatLocalWithOffset('2024-03-11T09:40:32+08:00')).toBe('2024-03-11 09:40:32 +08:00');
    expect(formatLocalWithOffset('2024-03-11T01:40:32Z')).toBe('2024-03-11 01:40:32 +00:00');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(500)).toBe('500 B');
    expect(shortDigest('a'.repeat(8) + 'b'.repeat(52) + 'cdef')).toBe('aaaaaaaa…cdef');
  });
  it('reports job progress by bytes when known, else by items, within 0–100', () => {
    expect(jobPercent({ bytesDone: 50, bytesTotal: 200, itemsDone: 9, itemsTotal: 10 })).toBe(25);
    expect(jobPercent({ bytesDone: 0, bytesTotal: 0, itemsDone: 1, itemsTotal: 4 })).toBe(25);
    expect(jobPercent(null)).toBe(0);
  });
});

describe("the client's unwrap", () => {
  it('gives the value of an ok envelope', () => {
    expect(unwrapEnvelope<number>({ ok: true, value: 7 })).toBe(7);
  });
  it('throws a ClientError carrying the contract error, and reports a lost session', () => {
    let lost = 0;
    const err = { ok: false, error: { code: 'unauthenticated', message: 'Sign in', messageZh: '请登录' } };
    expect(() => unwrapEnvelope(err, () => lost++)).toThrow(ClientError);
    expect(lost).toBe(1);
    try {
      unwrapEnvelope({ ok: false, error: { code: 'not_found', message: 'No case 9', messageZh: '案件 9 不存在', item: '9' } }, () => lost++);
      expect.unreachable();
    } catch (e) {
      expect((e as ClientError).code).toBe('not_found');
      expect((e as ClientError).payload.messageZh).toBe('案件 9 不存在');
    }
    expect(lost).toBe(1);
  });
  it('turns a malformed answer or error into an internal ClientError with a Chinese message', () => {
    expect(() => unwrapEnvelope('nonsense')).toThrow(/Malformed answer/);
    try {
      unwrapEnvelope({ ok: false, error: 'x' });
      expect.unreachable();
    } catch (e) {
      expect((e as ClientError).code).toBe('internal');
      expect((e as ClientError).payload.messageZh).toBe('核心返回了无法识别的错误');
    }
  });
});
