import type { SampleCase } from './sample-cases.js';

/**
 * 持证上岗 in the demo: every officer the sample cases name is entered in the register with a
 * 行政执法证 (fictional numbers, issued by 河南省人民政府 in the year the number shows). Two stories the
 * automatic checks then tell: 刘振国's first certificate ran out on 2024-07-31 and the renewal began
 * only on 2024-09-02, so the 笔录 of the unsealed case 青石综执罚立〔2024〕44号 (August 2024) show an
 * officer without a valid certificate; and 吴建军, retired in 2020, keeps his expired certificate on
 * record (the register is history, never rewritten).
 */
type Call = (name: string, input: unknown) => Promise<unknown>;

const ISSUER = '河南省人民政府';

interface DemoCert {
  validFrom: string;
  validTo: string;
  note?: string;
}

const SPECIAL: Record<string, DemoCert[]> = {
  豫S11520200033: [
    { validFrom: '2020-07-01', validTo: '2024-07-31' },
    { validFrom: '2024-09-02', validTo: '2029-09-01', note: '换证（原证 2024-07-31 到期）' },
  ],
};

/** The certificates an officer gets: from March of the year in the 执法证号 to the end of 2028, unless listed above. */
function certsFor(certNo: string): DemoCert[] {
  const special = SPECIAL[certNo];
  if (special) return special;
  const year = /^豫S\d{3}(\d{4})/.exec(certNo)?.[1] ?? '2020';
  return [{ validFrom: `${year}-03-01`, validTo: '2028-12-31' }];
}

export interface DemoOfficerReport {
  registered: number;
  certificates: number;
}

export async function addDemoOfficers(o: { call: Call; samples: readonly SampleCase[]; log: (line: string) => void }): Promise<DemoOfficerReport> {
  const seen = new Map<string, { name: string; post: string | null }>();
  for (const s of o.samples) for (const off of s.case.officers) if (!seen.has(off.certNo)) seen.set(off.certNo, { name: off.name, post: off.post ?? null });
  let certificates = 0;
  for (const [certNo, who] of seen) {
    const [first, ...more] = certsFor(certNo);
    const created = (await o.call('officer.create', {
      certNo,
      name: who.name,
      post: who.post && who.post.length <= 100 ? who.post.replace(/（.*$/, '') : null,
      unit: '青石镇综合行政执法大队',
      certificate: { issuer: ISSUER, ...first! },
    })) as { id: number };
    certificates++;
    for (const c of more) {
      await o.call('officer.certificate.add', { officerId: created.id, certificate: { issuer: ISSUER, ...c } });
      certificates++;
    }
  }
  // A retired officer: his certificate expired and he left; the register keeps both.
  const retired = (await o.call('officer.create', {
    certNo: '豫S11520150008',
    name: '吴建军',
    post: '执法队员',
    unit: '青石镇综合行政执法大队',
    certificate: { issuer: ISSUER, validFrom: '2015-03-01', validTo: '2020-02-29' },
  })) as { id: number };
  await o.call('officer.update', { id: retired.id, status: { status: 'retired', from: '2020-03-01', reason: '到龄退休' } });
  certificates++;
  o.log(`执法人员名册：${seen.size + 1} 人，执法证 ${certificates} 本（刘振国 2024-08 换证间隔，吴建军已退休、证件过期）`);
  return { registered: seen.size + 1, certificates };
}
