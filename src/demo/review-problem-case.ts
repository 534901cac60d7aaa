import path from 'node:path';
import { writeDemoCameras } from './footage-demo.js';
import { type DemoOpCall, enterSampleCase } from './enter-sample-case.js';
import type { SampleCase } from './sample-cases.js';

/**
 * A sealed demo dossier with true problems the automatic 评查 checks find, so the 评查 page shows a
 * dossier in review with findings pinned to a page and to a clip (the five sample cases are clean):
 * a seizure case like 青石综执罚立〔2024〕6号, but
 * - the 行政处罚决定书 of 2024-02-21 was served on 2024-03-04, past the 7 working days of
 *   行政处罚法 第六十一条 with 第八十五条 (the last day was 2024-03-01);
 * - the only clip linked as its 查封扣押 recording was shot on 2024-01-28, the day before the seizure
 *   (国办发〔2018〕118号 全程音像记录: the seizure itself has no recording).
 * Built from the app's own operations (case, documents, footage ingest and link, seal).
 */
export const PROBLEM_CASE_NO = '青石综执罚立〔2024〕58号';

/** The base sample and what changes: names and numbers (a different case), the late 送达回证, the clip. */
const BASE_CASE_NO = '青石综执罚立〔2024〕6号';
const RENAME: [string, string][] = [
  ['玉成副食店', '志强便利店'],
  ['冯玉成', '韩志强'],
  ['41159919791105XXXX', '41159919830614XXXX'],
  ['1979-11-05', '1983-06-14'],
  ['1979年11月5日', '1983年6月14日'],
  ['龙井村冯楼组21号', '龙井村韩庄组8号'],
  [BASE_CASE_NO, PROBLEM_CASE_NO],
  ['罚决〔2024〕4号', '罚决〔2024〕39号'],
  ['扣〔2024〕2号', '扣〔2024〕7号'],
  ['告〔2024〕4号', '告〔2024〕37号'],
  ['协〔2024〕1号', '协〔2024〕5号'],
  ['淮应急函〔2024〕9号', '淮应急函〔2024〕31号'],
  ['XXXX0088', 'XXXX0131'],
];
export const PROBLEM_DECIDED = '2024-02-21';
export const PROBLEM_SERVED = '2024-03-04';
const SERVICE_TITLE = '行政处罚决定书送达回证';

/** The problem case as a sample (pure): the base sample renamed, served late, with one wrong-day 查封扣押 clip. */
export function problemSample(samples: readonly SampleCase[]): SampleCase | null {
  const base = samples.find((s) => s.case.caseNo === BASE_CASE_NO);
  if (!base) return null;
  let text = JSON.stringify({ case: base.case, documents: base.documents });
  for (const [from, to] of RENAME) text = text.split(from).join(to);
  const copy = JSON.parse(text) as Pick<SampleCase, 'case' | 'documents'>;
  const documents = copy.documents.map((d) =>
    d.kind === 'SDHZ' && d.title === SERVICE_TITLE
      ? {
          ...d,
          date: PROBLEM_SERVED,
          body: d.body.map((l) =>
            l.startsWith('送达方式') ? '送达方式：直接送达（决定作出时当事人未到场，事后送达）' : l.split('2024年2月21日15时28分').join('2024年3月4日10时12分'),
          ),
        }
      : d,
  );
  const seizureClip = base.bodycam.find((c) => c.activity === '查封扣押');
  const bodycam = seizureClip
    ? [
        {
          ...seizureClip,
          start: '2024-01-28T16:05:10+08:00',
          durationSec: 600,
          fileName: seizureClip.fileName.replace(/_\d{14}_/, '_20240128160510_'),
          requirementNote: '误关联：该段为前一日巡查录像，扣押现场未见全程音像记录',
        },
      ]
    : [];
  return {
    case: { ...copy.case, title: '韩志强未经许可经营烟花爆竹案', dates: { ...copy.case.dates, served: PROBLEM_SERVED } },
    documents,
    bodycam,
  };
}

/**
 * Enters, links and seals the problem case (an archivist's session). Its clip is shot by a camera the
 * demo already registered. Returns its case and 归档号, or null when the base sample is missing.
 */
export async function addDemoProblemCase(o: {
  call: DemoOpCall;
  samples: readonly SampleCase[];
  scratch: string;
  kindName: (code: string) => string;
  sealOptions: { checker: string; fondsNo: string; catalogNo: string };
  log: (line: string) => void;
}): Promise<{ caseNo: string; archiveNo: string } | null> {
  const sample = problemSample(o.samples);
  if (!sample) return null;
  const detail = await enterSampleCase({ call: o.call, sample, scratch: o.scratch, kindName: o.kindName });
  o.log(`登记案件 ${detail.caseNo} ${detail.title}（评查演示：送达超期、扣押现场无当日音像记录）`);
  const root = path.join(o.scratch, 'problem-cameras');
  const files = await writeDemoCameras([sample], root);
  for (const serial of new Set(files.map((f) => f.clip.deviceSerial))) await o.call('footage.ingest', { source: path.join(root, serial), derive: 'skip' });
  for (const f of files) {
    const list = await o.call('footage.list', { deviceSerial: f.clip.deviceSerial, limit: 1000 });
    const clip = list.items.find((i) => i.originalName === f.clip.fileName);
    const certNo = sample.case.officers.find((x) => x.name === f.clip.officer)?.certNo;
    if (clip) await o.call('footage.link', { clipIds: [clip.id], caseNo: detail.caseNo, activity: f.clip.activity, ...(certNo ? { certNo } : {}) });
  }
  await o.call('footage.derive', {});
  const preview = await o.call('dossier.preview', { caseId: detail.id });
  for (const w of preview.blockers.filter((i) => i.severity === 'warning'))
    await o.call('dossier.acknowledge', { caseId: detail.id, warning: w.key, reason: '演示数据：按原卷归档，问题留待评查' });
  const sealed = await o.call('dossier.seal', { caseId: detail.id, ...o.sealOptions });
  o.log(`  归档 ${detail.caseNo} 归档号 ${sealed.version?.archiveNo ?? ''}`);
  return { caseNo: detail.caseNo, archiveNo: sealed.version?.archiveNo ?? '' };
}
