import { readFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * What a 采集站 (docking station) export says about a file, from a JSON sidecar next to it
 * (`CLIP.MP4.json` or `CLIP.json`). Vendors differ; the keys accepted are ours plus the Dahua
 * MEDIAFILE_MOBILE_ENFORCE_INFO names (szOriginalDeviceID, stuStartTime, …). Station data wins over
 * the file name. Times without an offset are camera-local.
 */
export interface StationInfo {
  file: string;
  deviceSerial: string | null;
  userNo: string | null;
  unitCode: string | null;
  start: string | null;
  end: string | null;
  important: boolean | null;
  integrityId: string | null;
}

const KEYS = {
  deviceSerial: ['deviceSerial', 'szOriginalDeviceID', 'device_serial', '产品序号'],
  userNo: ['userNo', 'szPoliceID', 'policeNo', 'user_no', '警号'],
  unitCode: ['unitCode', 'szUnitCode', 'unit_code', '单位编号'],
  start: ['start', 'startTime', 'stuStartTime', 'start_time', '开始时间'],
  end: ['end', 'endTime', 'stuEndTime', 'end_time', '结束时间'],
  important: ['important', 'bImportant', 'emRecordFlag', '重点标记'],
  integrityId: ['szIntegrityCheckID', 'integrityId', '完整性校验'],
} as const;

export async function readStationSidecar(clipPath: string): Promise<StationInfo | null> {
  const ext = path.extname(clipPath);
  for (const file of [`${clipPath}.json`, `${clipPath.slice(0, clipPath.length - ext.length)}.json`]) {
    let raw: unknown;
    try {
      raw = JSON.parse(await readFile(file, 'utf8'));
    } catch {
      continue;
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) continue;
    const o = raw as Record<string, unknown>;
    const pick = (keys: readonly string[]): string | null => {
      for (const k of keys) {
        const v = o[k];
        if (typeof v === 'string' && v.trim()) return v.trim();
        if (typeof v === 'number') return String(v);
      }
      return null;
    };
    const imp = pick(KEYS.important);
    return {
      file: path.basename(file),
      deviceSerial: pick(KEYS.deviceSerial),
      userNo: pick(KEYS.userNo),
      unitCode: pick(KEYS.unitCode),
      start: pick(KEYS.start),
      end: pick(KEYS.end),
      important: imp === null ? null : ['1', 'true', 'important', '重点'].includes(imp.toLowerCase()),
      integrityId: pick(KEYS.integrityId),
    };
  }
  return null;
}
