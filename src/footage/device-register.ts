import { AppError } from '../api/errors.js';
import type { DeviceInfo } from '../api/types-footage.js';
import type { Db } from '../storage/db.js';
import { DeviceRepo } from '../storage/repos/device-repo.js';
import { FootageLinkRepo } from '../storage/repos/footage-link-repo.js';
import type { Tx } from '../archive/audited-change.js';
import { parseDateTime, zoned } from './local-time.js';

export interface RegisterInput {
  serial: string;
  model?: string | undefined;
  unitCode?: string | undefined;
  note?: string | undefined;
  certNo: string;
  officerName?: string | undefined;
  userNo?: string | undefined;
  from: string;
  to?: string | undefined;
}

/**
 * Records in the 设备台账 that an officer (by 执法证号) holds a camera from a time (until a time).
 * A new holder of a camera still open-ended for someone else closes that entry at the handover; any
 * other overlap is refused, naming the entry it collides with.
 */
export function registerDevice(db: Db, tx: Tx, input: RegisterInput, userId: number, tz: string, now: string): DeviceInfo {
  const from = parseDateTime(input.from, tz);
  const to = input.to ? parseDateTime(input.to, tz) : null;
  if (!from) throw new AppError('invalid_input', `from: ${input.from} is not a date-time`, `开始时间 ${input.from} 不是有效的日期时间`, { item: 'from' });
  if (input.to && !to) throw new AppError('invalid_input', `to: ${input.to} is not a date-time`, `结束时间 ${input.to} 不是有效的日期时间`, { item: 'to' });
  if (to && to <= from) throw new AppError('invalid_input', 'to: must be after from', '结束时间必须晚于开始时间', { item: 'to' });
  const devices = new DeviceRepo(db);
  const links = new FootageLinkRepo(db);
  const f = zoned(from, tz);
  const t = to ? zoned(to, tz) : null;
  const deviceId = tx(() => {
    let officer = links.officerByCertNo(input.certNo)?.id;
    if (officer === undefined) {
      if (!input.officerName) {
        throw new AppError(
          'not_found',
          `no officer with 执法证号 ${input.certNo} is known; give the officer's name to register them`,
          `执法证号 ${input.certNo} 对应的执法人员不存在；请同时填写姓名以登记`,
          { item: input.certNo },
        );
      }
      officer = links.ensureOfficer(input.certNo, input.officerName);
    }
    const existing = devices.bySerial(input.serial);
    const id =
      existing?.id ??
      devices.insertDevice({ serial: input.serial, model: input.model ?? null, unitCode: input.unitCode ?? null, note: input.note ?? null, now });
    const clash = devices.overlapping(id, f.utc, t?.utc ?? null);
    for (const c of clash) {
      const handover = c.toUtc === null && c.fromUtc < f.utc;
      if (!handover) {
        throw new AppError(
          'duplicate',
          `device ${input.serial} is registered to ${c.officerName} (${c.certNo}) from ${c.fromLocal}${c.toLocal ? ` to ${c.toLocal}` : ''}, which overlaps`,
          `记录仪 ${input.serial} 已登记由 ${c.officerName}（${c.certNo}）自 ${c.fromLocal}${c.toLocal ? ` 至 ${c.toLocal}` : ''} 使用，时间重叠`,
          {
            item: input.serial,
          },
        );
      }
      devices.close(c.id, f.local, f.utc);
    }
    const assignment = devices.insertAssignment({
      deviceId: id,
      officerId: officer,
      userNo: input.userNo ?? null,
      fromLocal: f.local,
      fromUtc: f.utc,
      toLocal: t?.local ?? null,
      toUtc: t?.utc ?? null,
      note: input.note ?? null,
      by: userId,
      now,
    });
    return {
      value: id,
      audit: [
        {
          action: 'device.register',
          targetType: 'device',
          targetId: id,
          after: { serial: input.serial, certNo: input.certNo, from: f.local, to: t?.local ?? null, userNo: input.userNo ?? null },
          detail: { assignment, closed: clash.map((c) => c.id), newDevice: !existing },
        },
      ],
    };
  });
  return deviceInfo(db, deviceId);
}

export function deviceInfo(db: Db, id: number): DeviceInfo {
  const repo = new DeviceRepo(db);
  const d = repo.devices().find((x) => x.id === id);
  if (!d) throw new AppError('not_found', `device ${id} not found`, `记录仪 ${id} 不存在`, { item: String(id) });
  return {
    ...d,
    assignments: repo
      .assignments(id)
      .map((a) => ({ id: a.id, certNo: a.certNo, officerName: a.officerName, userNo: a.userNo, from: a.fromLocal, to: a.toLocal, note: a.note })),
  };
}

export function deviceList(db: Db): DeviceInfo[] {
  return new DeviceRepo(db).devices().map((d) => deviceInfo(db, d.id));
}
