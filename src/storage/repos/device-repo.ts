import type { Db } from '../db.js';

export interface AssignmentRow {
  id: number;
  deviceId: number;
  serial: string;
  officerId: number;
  certNo: string;
  officerName: string;
  userNo: string | null;
  fromLocal: string;
  fromUtc: string;
  toLocal: string | null;
  toUtc: string | null;
  note: string | null;
}

const ASSIGN_SQL = `SELECT a.id, a.device_id AS deviceId, d.serial, a.officer_id AS officerId, o.cert_no AS certNo, o.name AS officerName, a.user_no AS userNo,
    a.from_local AS fromLocal, a.from_utc AS fromUtc, a.to_local AS toLocal, a.to_utc AS toUtc, a.note
  FROM device_assignments a JOIN devices d ON d.id = a.device_id JOIN officers o ON o.id = a.officer_id`;

/** The device register (设备台账): cameras, and which officer held which camera when. Append-only. */
export class DeviceRepo {
  constructor(private readonly db: Db) {}

  bySerial(serial: string): { id: number; serial: string; model: string | null; unitCode: string | null; note: string | null } | undefined {
    return this.db.prepare('SELECT id, serial, model, unit_code AS unitCode, note FROM devices WHERE serial = ?').get(serial) as
      { id: number; serial: string; model: string | null; unitCode: string | null; note: string | null } | undefined;
  }

  insertDevice(d: { serial: string; model: string | null; unitCode: string | null; note: string | null; now: string }): number {
    return Number(
      this.db.prepare('INSERT INTO devices (serial, model, unit_code, note, created_at) VALUES (@serial, @model, @unitCode, @note, @now)').run(d)
        .lastInsertRowid,
    );
  }

  devices(): { id: number; serial: string; model: string | null; unitCode: string | null; note: string | null }[] {
    return this.db.prepare('SELECT id, serial, model, unit_code AS unitCode, note FROM devices ORDER BY serial').all() as {
      id: number;
      serial: string;
      model: string | null;
      unitCode: string | null;
      note: string | null;
    }[];
  }

  assignments(deviceId: number): AssignmentRow[] {
    return this.db.prepare(`${ASSIGN_SQL} WHERE a.device_id = ? ORDER BY a.from_utc`).all(deviceId) as AssignmentRow[];
  }

  /** Entries of the device that overlap [fromUtc, toUtc) (toUtc null = open-ended). */
  overlapping(deviceId: number, fromUtc: string, toUtc: string | null): AssignmentRow[] {
    return this.db
      .prepare(
        `${ASSIGN_SQL} WHERE a.device_id = @deviceId AND (a.to_utc IS NULL OR a.to_utc > @fromUtc) AND (@toUtc IS NULL OR a.from_utc < @toUtc) ORDER BY a.from_utc`,
      )
      .all({ deviceId, fromUtc, toUtc }) as AssignmentRow[];
  }

  insertAssignment(a: {
    deviceId: number;
    officerId: number;
    userNo: string | null;
    fromLocal: string;
    fromUtc: string;
    toLocal: string | null;
    toUtc: string | null;
    note: string | null;
    by: number;
    now: string;
  }): number {
    return Number(
      this.db
        .prepare(
          `INSERT INTO device_assignments (device_id, officer_id, user_no, from_local, from_utc, to_local, to_utc, note, created_at, created_by)
           VALUES (@deviceId, @officerId, @userNo, @fromLocal, @fromUtc, @toLocal, @toUtc, @note, @now, @by)`,
        )
        .run(a).lastInsertRowid,
    );
  }

  /** Ends an open entry (handover). */
  close(id: number, toLocal: string, toUtc: string): void {
    this.db.prepare('UPDATE device_assignments SET to_local = ?, to_utc = ? WHERE id = ? AND to_utc IS NULL').run(toLocal, toUtc, id);
  }

  /** Who held the device at a UTC instant, per the register. */
  holderAt(serial: string, atUtc: string): AssignmentRow | undefined {
    return this.db
      .prepare(`${ASSIGN_SQL} WHERE d.serial = ? AND a.from_utc <= ? AND (a.to_utc IS NULL OR a.to_utc > ?) ORDER BY a.from_utc DESC LIMIT 1`)
      .get(serial, atUtc, atUtc) as AssignmentRow | undefined;
  }
}
