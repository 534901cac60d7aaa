import { describe, expect, it } from 'vitest';
import { requiredDocuments } from '../../../src/review/rules/completeness.js';
import { announcementBeforeDemolition, reminderBeforeEnforcement } from '../../../src/review/rules/enforcement.js';
import { fullRecording } from '../../../src/review/rules/footage.js';
import { certificateValid, twoOfficers } from '../../../src/review/rules/officers.js';
import { collectiveDiscussion, legalReview, noticeBeforeDecision, serviceAfterDocument, summaryLimits } from '../../../src/review/rules/procedure.js';
import { facts, outcomes, registration, run, type Spec } from './facts.js';

describe('completeness.required-documents (profile, by procedure and condition)', () => {
  it('finds the 立案审批表 missing from a 一般程序 file, and the 查封扣押 documents when a seizure was used', () => {
    const f = facts({
      docs: [
        ['XWBL', '2025-03-01'],
        ['DCZJBG', '2025-03-05'],
        ['SXGZ', '2025-03-06'],
        ['JDSPB', '2025-03-12'],
        ['CFJDS', '2025-03-12'],
        ['SDHZ', '2025-03-12'],
        ['JASPB', '2025-03-20'],
        ['KYJDS', '2025-03-01'],
      ],
    });
    const titles = outcomes(run(requiredDocuments, f));
    expect(titles).toContain('fail: 缺少文书：行政处罚案件立案审批表');
    expect(titles).toContain('fail: 缺少文书：查封(扣押)财物清单');
    expect(titles).not.toContain('fail: 缺少文书：行政处罚决定书（或不予行政处罚决定书、限期拆除决定书）');
  });

  it('passes a complete 简易程序 file', () => {
    const f = facts({
      procedure: 'summary',
      docs: [
        ['DCCF', '2025-06-18'],
        ['DCBA', '2025-06-19'],
        ['JASPB', '2025-06-20'],
      ],
      extra: { penalty: { fineYuan: 100 } },
    });
    expect(run(requiredDocuments, f).filter((x) => !x.titleZh.includes('罚没款'))).toEqual([]);
  });
});

describe('procedure.two-officers and officer.certificate-valid (第四十二条, 强制法 第十八条)', () => {
  const expiredLiu = registration([{ certNo: '豫S1', issuer: '河南省人民政府', validFrom: '2019-08-01', validTo: '2024-07-31' }]);
  const twoOn = (officers: Spec['officers'], kind = 'XWBL') => facts({ officers, docs: [[kind, '2024-08-21', '询问笔录']] });

  it('passes two officers certified on the day', () => {
    const f = twoOn(undefined);
    expect(run(twoOfficers, f)).toEqual([]);
    expect(run(certificateValid, f)).toEqual([]);
  });

  it('fails when a certificate had expired before the 笔录 was made, naming the officer, the day and the page', () => {
    const f = twoOn([
      { name: '刘振国', certNo: '豫S1', registered: expiredLiu },
      { name: '孙浩', certNo: '豫S2' },
    ]);
    const [two] = run(twoOfficers, f);
    expect(two?.titleZh).toBe('询问笔录持证执法人员不足两人');
    expect(two?.places).toEqual([{ kind: 'document', documentId: 1, title: '询问笔录', page: 2 }]);
    const [cert] = run(certificateValid, f);
    expect(cert?.outcome).toBe('fail');
    expect(cert?.detailZh).toContain('刘振国的执法证 豫S1 已于 2024-07-31 到期，2024-08-21不具有执法资格');
  });

  it('applies 强制法 第十八条 at a seizure, counting the officer whose role is 扣押', () => {
    const f = twoOn(
      [
        { name: '王晓东', certNo: '豫S3' },
        { name: '周立新', certNo: '豫S4', roles: ['扣押现场负责', '执法大队审核'] },
      ],
      'KYJDS',
    );
    expect(run(twoOfficers, f)).toEqual([]);
    const alone = twoOn(
      [
        { name: '王晓东', certNo: '豫S3' },
        { name: '赵雪梅', certNo: '豫S5', roles: ['法制审核'] },
      ],
      'KYJDS',
    );
    const [x] = run(twoOfficers, alone);
    expect(x?.basis).toEqual({ law: '行政强制法', article: '第十八条' });
  });

  it('fails an officer who had retired; is undecided for one not in the register', () => {
    const retired = registration(
      [{ certNo: '豫S6', issuer: '河南省人民政府', validFrom: '2020-01-01', validTo: '2028-12-31' }],
      [
        { status: 'active', from: '2020-01-01' },
        { status: 'retired', from: '2024-06-01' },
      ],
    );
    const f = twoOn([
      { name: '吴建军', certNo: '豫S6', registered: retired },
      { name: '孙浩', certNo: '豫S2' },
    ]);
    expect(outcomes(run(certificateValid, f))).toEqual(['fail: 吴建军执法时未持有效执法证']);
    expect(run(certificateValid, f)[0]?.detailZh).toContain('已退休');
    const g = twoOn([
      { name: '新人', certNo: '豫S7', registered: null },
      { name: '孙浩', certNo: '豫S2' },
    ]);
    expect(outcomes(run(certificateValid, g))).toEqual(['undecided: 新人（豫S7）未在执法人员名册中登记，无法核对执法证']);
    expect(run(twoOfficers, g)).toEqual([]);
  });
});

describe('procedure.notice-before-decision (第四十四条、第四十五条、第六十二条)', () => {
  const notice = (docs: [string, string][], extra?: Record<string, unknown>) => facts({ dates: { filed: '2025-01-02' }, docs, ...(extra ? { extra } : {}) });

  it('passes 告知 then 陈述申辩 then decision', () => {
    expect(
      run(
        noticeBeforeDecision,
        notice([
          ['SXGZ', '2025-02-01'],
          ['CSSB', '2025-02-03'],
          ['CFJDS', '2025-02-12'],
        ]),
      ),
    ).toEqual([]);
  });

  it('fails a decision without 事先告知, or on the same day', () => {
    expect(outcomes(run(noticeBeforeDecision, notice([['CFJDS', '2025-02-12']])))).toEqual(['fail: 未经事先告知作出处罚决定']);
    expect(
      outcomes(
        run(
          noticeBeforeDecision,
          notice([
            ['SXGZ', '2025-02-12'],
            ['CSSB', '2025-02-12'],
            ['CFJDS', '2025-02-12'],
          ]),
        ),
      ),
    ).toEqual(['fail: 处罚决定未在事先告知之后作出']);
  });

  it('is undecided when the file does not show the party was heard, unless the case records a waiver', () => {
    expect(
      outcomes(
        run(
          noticeBeforeDecision,
          notice([
            ['SXGZ', '2025-02-01'],
            ['CFJDS', '2025-02-12'],
          ]),
        ),
      ),
    ).toEqual(['undecided: 卷内未反映当事人陈述申辩情况']);
    expect(
      run(
        noticeBeforeDecision,
        notice(
          [
            ['SXGZ', '2025-02-01'],
            ['CFJDS', '2025-02-12'],
          ],
          { penalty: { hearing: '当事人逾期未提出陈述申辩' } },
        ),
      ),
    ).toEqual([]);
  });

  it('fails a fine heavier than the one proposed (第四十五条)', () => {
    const f = notice(
      [
        ['SXGZ', '2025-02-01'],
        ['CSSB', '2025-02-03'],
        ['CFJDS', '2025-02-12'],
      ],
      { penalty: { proposedFineYuan: 20000, fineYuan: 25000 } },
    );
    const [x] = run(noticeBeforeDecision, f);
    expect(x?.titleZh).toBe('处罚决定的罚款高于事先告知的拟处罚款');
    expect(x?.basis).toEqual({ law: '行政处罚法', article: '第四十五条' });
  });
});

describe('procedure.legal-review (第五十八条) and procedure.collective-discussion (第五十七条)', () => {
  it('requires 法制审核 before deciding after a hearing', () => {
    const held: [string, string][] = [
      ['TZBL', '2025-03-01'],
      ['CFJDS', '2025-03-10'],
    ];
    expect(outcomes(run(legalReview, facts({ docs: held })))).toEqual(['fail: 举行听证未经法制审核']);
    expect(run(legalReview, facts({ docs: [...held, ['FZSH', '2025-03-05']] }))).toEqual([]);
    expect(outcomes(run(legalReview, facts({ docs: [...held, ['FZSH', '2025-03-11']] })))).toEqual(['fail: 法制审核晚于处罚决定']);
  });

  it('requires 集体讨论 for a case marked 重大, before the decision', () => {
    expect(outcomes(run(collectiveDiscussion, facts({ docs: [['CFJDS', '2025-03-10']], extra: { major: true } })))).toEqual(['fail: 重大复杂案件未经集体讨论']);
    expect(
      run(
        collectiveDiscussion,
        facts({
          docs: [
            ['JTTL', '2025-03-08'],
            ['CFJDS', '2025-03-10'],
          ],
          extra: { major: true },
        }),
      ),
    ).toEqual([]);
    expect(run(collectiveDiscussion, facts({ docs: [['CFJDS', '2025-03-10']] }))).toEqual([]);
  });
});

describe('procedure.summary-limits (第五十一条)', () => {
  const summary = (fine: number | undefined, type: 'person' | 'organisation', types?: string[]) =>
    facts({
      procedure: 'summary',
      parties: [type === 'person' ? { type, name: '宋桂兰' } : { type, name: '悦家超市' }],
      docs: [['DCCF', '2025-06-18']],
      extra: fine === undefined && !types ? {} : { penalty: { ...(fine !== undefined ? { fineYuan: fine } : {}), ...(types ? { types } : {}) } },
    });

  it('allows ¥200 for a citizen and ¥3,000 for an organisation, and a 警告', () => {
    expect(run(summaryLimits, summary(200, 'person'))).toEqual([]);
    expect(run(summaryLimits, summary(3000, 'organisation'))).toEqual([]);
    expect(run(summaryLimits, summary(undefined, 'person', ['警告']))).toEqual([]);
  });

  it('fails ¥201 for a citizen, ¥3,001 for an organisation, and a 没收', () => {
    expect(outcomes(run(summaryLimits, summary(201, 'person')))).toEqual(['fail: 当场罚款超过200元']);
    expect(outcomes(run(summaryLimits, summary(3001, 'organisation')))).toEqual(['fail: 当场罚款超过3000元']);
    expect(outcomes(run(summaryLimits, summary(100, 'person', ['罚款', '没收违法所得'])))).toEqual(['fail: 简易程序适用了罚款、警告以外的处罚']);
  });

  it('is undecided when the penalty is not recorded', () => {
    expect(outcomes(run(summaryLimits, summary(undefined, 'person')))).toEqual(['undecided: 无法判断是否适用简易程序：未记录处罚种类和罚款数额']);
  });
});

describe('filing.service-after-document', () => {
  it('reads what a 送达回证 serves from its title, longest name first', () => {
    const ok = facts({
      docs: [
        ['BYCF', '2025-08-29'],
        ['SDHZ', '2025-08-29', '不予行政处罚决定书送达回证'],
        ['CFJDS', '2025-09-10'],
      ],
    });
    expect(run(serviceAfterDocument, ok)).toEqual([]);
    const early = facts({
      docs: [
        ['SDHZ', '2025-08-28', '行政处罚决定书送达回证'],
        ['CFJDS', '2025-08-29'],
      ],
    });
    const [x] = run(serviceAfterDocument, early);
    expect(x?.titleZh).toBe('送达回证早于所送达的文书');
    expect(x?.places.length).toBe(2);
  });

  it('is undecided for a receipt that names no document', () => {
    expect(outcomes(run(serviceAfterDocument, facts({ docs: [['SDHZ', '2025-08-28', '送达回证']] })))).toEqual(['undecided: 无法判断送达回证所送达的文书']);
  });
});

describe('催告 (强制法 第三十五条、第五十四条) and 公告 before demolition (强制法 第四十四条)', () => {
  it('requires a 催告书 before the 强制执行决定书', () => {
    expect(
      run(
        reminderBeforeEnforcement,
        facts({
          docs: [
            ['CGS', '2024-10-28'],
            ['QZJD', '2024-11-14'],
          ],
        }),
      ),
    ).toEqual([]);
    expect(outcomes(run(reminderBeforeEnforcement, facts({ docs: [['QZJD', '2024-11-14']] })))).toEqual(['fail: 作出强制执行决定前未书面催告']);
    expect(
      outcomes(
        run(
          reminderBeforeEnforcement,
          facts({
            docs: [
              ['QZJD', '2024-11-14'],
              ['CGS', '2024-11-20'],
            ],
          }),
        ),
      ),
    ).toEqual(['fail: 强制执行决定早于催告']);
  });

  it('applies to the court 10 working days after the 催告书 is served (国庆 2024 counted)', () => {
    const court = (day: string) =>
      facts({
        docs: [
          ['CGS', '2024-09-27'],
          ['QZSQ', day],
        ],
      });
    expect(run(reminderBeforeEnforcement, court('2024-10-16'))).toEqual([]);
    expect(outcomes(run(reminderBeforeEnforcement, court('2024-10-15')))).toEqual(['fail: 催告书送达不满十个工作日即申请强制执行']);
  });

  it('requires a 公告 before the demolition and the litigation period to have passed', () => {
    const demolish = (docs: [string, string, string?][]) => facts({ dates: { served: '2024-04-26' }, docs: [['XQCC', '2024-04-26'], ...docs] });
    expect(
      run(
        announcementBeforeDemolition,
        demolish([
          ['QCGG', '2024-11-14'],
          ['QCBL', '2024-11-28'],
        ]),
      ),
    ).toEqual([]);
    expect(outcomes(run(announcementBeforeDemolition, demolish([['QCBL', '2024-11-28']])))).toEqual(['fail: 强制拆除前未予公告']);
    expect(
      outcomes(
        run(
          announcementBeforeDemolition,
          demolish([
            ['QCGG', '2024-09-01'],
            ['QCBL', '2024-10-20'],
          ]),
        ),
      ),
    ).toEqual(['fail: 复议、诉讼期限届满前强制拆除']);
  });
});

describe('footage.full-recording (第四十七条; 音像记录事项清单)', () => {
  it('requires linked footage of a seizure, recorded on its day, and points at the clip', () => {
    const docs: [string, string][] = [
      ['KYJDS', '2024-01-29'],
      ['KYQD', '2024-01-29'],
    ];
    expect(outcomes(run(fullRecording, facts({ docs })))).toEqual(['fail: 查封扣押未见全程音像记录']);
    expect(run(fullRecording, facts({ docs, clips: [{ activities: ['查封扣押'], start: '2024-01-29T10:31:02' }] }))).toEqual([]);
    const [x] = run(fullRecording, facts({ docs, clips: [{ activities: ['CFKY'], start: '2024-01-30T09:00:00' }] }));
    expect(x?.titleZh).toBe('查封扣押的音像记录日期与文书不符');
    expect(x?.places[0]).toEqual({ kind: 'clip', clipId: 1, second: 0, fileName: 'clip-1.mp4' });
  });

  it('asks nothing of activities recorded only as needed', () => {
    expect(run(fullRecording, facts({ docs: [['XWBL', '2024-01-30']] }))).toEqual([]);
  });
});
