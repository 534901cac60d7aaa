import { type CaseFacts, docPlace, docsOf } from '../case-facts.js';
import type { Finding } from '../../domain/review-finding.js';
import { finding, law, type Rule } from './rule.js';

/**
 * 全程音像记录 (行政处罚法 第四十七条; 国办发〔2018〕118号): each activity the profile's 音像记录事项清单
 * marks `full`, and that the case's documents show took place, has linked footage — and a clip
 * recorded on a day the activity's documents carry (a clip of another day does not record it).
 */
export const fullRecording: Rule = {
  id: 'footage.full-recording',
  category: 'footage',
  basis: law.chufa('第四十七条'),
  name: 'Activities requiring full audio-visual recording have linked footage',
  nameZh: '应全程音像记录的执法环节有音像记录',
  check(f: CaseFacts) {
    const out: Finding[] = [];
    for (const a of f.checklist.activities) {
      if (a.recording !== 'full') continue;
      const docs = docsOf(f, a.indicatedBy);
      if (!docs.length) continue;
      const clips = f.clips.filter((c) => c.activities.includes(a.code) || c.activities.includes(a.name));
      if (!clips.length) {
        out.push(
          finding(this, 'fail', {
            title: `No footage of ${a.name} (full recording required)`,
            titleZh: `${a.name}未见全程音像记录`,
            detail: `The 音像记录事项清单 requires full recording of ${a.name}; the case shows it took place but no clip is linked for it.`,
            detailZh: `音像记录事项清单要求对“${a.name}”全程音像记录；卷内文书显示已实施，但未关联该环节的音像记录。`,
            places: docs.map(docPlace),
          }),
        );
        continue;
      }
      const days = new Set(docs.map((d) => d.date).filter((d): d is string => d !== null));
      const dated = clips.filter((c) => c.start);
      if (days.size === 0 || dated.length === 0) continue;
      if (dated.some((c) => days.has(c.start!.slice(0, 10)))) continue;
      out.push(
        finding(this, 'fail', {
          title: `Footage of ${a.name} is not from the day it took place`,
          titleZh: `${a.name}的音像记录日期与文书不符`,
          detail: `Documents of ${a.name}: ${[...days].join(', ')}; linked clips recorded ${dated.map((c) => c.start!.slice(0, 10)).join(', ')}.`,
          detailZh: `${a.name}文书日期为 ${[...days].join('、')}，关联的音像记录拍摄于 ${dated.map((c) => c.start!.slice(0, 10)).join('、')}。`,
          places: [...dated.map((c) => ({ kind: 'clip' as const, clipId: c.id, second: 0, fileName: c.fileName })), ...docs.map(docPlace)],
        }),
      );
    }
    return out;
  },
};
