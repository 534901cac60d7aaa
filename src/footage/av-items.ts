import type { AvItem } from '../binding/types.js';
import type { Db } from '../storage/db.js';
import { DeviceRepo } from '../storage/repos/device-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import { FootageRepo } from '../storage/repos/footage-repo.js';

/**
 * A case's audio-visual evidence as binding takes it (one 视听资料证据 sheet each): every clip with an
 * active link to the case and not disposed of, oldest recording first. The officer is the one the
 * link names, else the holder of the camera at that time per the 设备台账 — never guessed from the
 * camera's user number. `id` is the clip id, so an export can find the original and its contact sheet.
 */
export function caseAvItems(db: Db, caseId: number): AvItem[] {
  const clips = new FootageRepo(db).list({ caseId }, 10_000, 0).rows;
  const links = new FootageLinkRepo(db);
  const devices = new DeviceRepo(db);
  return clips
    .map((c): AvItem => {
      const mine = links.forClip(c.id, true).filter((l) => l.caseId === caseId);
      const linked = mine.find((l) => l.officerName !== null);
      const holder = c.deviceSerial && c.startUtc ? devices.holderAt(c.deviceSerial, c.startUtc) : undefined;
      const officer = linked ? `${linked.officerName}（${linked.officerCertNo}）` : holder ? `${holder.officerName}（${holder.certNo}）` : '';
      const activities = [...new Set(mine.map((l) => l.activity).filter((a): a is string => a !== null))];
      return {
        id: String(c.id),
        fileName: c.originalName,
        durationSec: Math.round(c.durationSec ?? 0),
        device: c.deviceSerial ?? '',
        officer,
        recordedAt: c.startLocal ?? c.ingestedAt,
        sha256: c.sha256,
        sm3: c.sm3,
        carrier: null,
        proves: activities.length ? `${activities.join('、')}过程的音像记录` : null,
        activity: activities.join('、') || null,
        place: null,
      };
    })
    .sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || Number(a.id) - Number(b.id));
}
