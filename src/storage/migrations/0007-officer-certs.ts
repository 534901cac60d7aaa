import type { Migration } from '../migration.js';

/**
 * 持证上岗: the officer register. `officers` (one row per 执法证号 since 0001, created by case.create)
 * gains who registered it and the issuing unit; each 行政执法证 an officer held is a row in
 * `officer_certificates` (number, issuing authority, valid from/to) and the officer's status over time
 * (在岗 / 调离 / 退休 / 注销) is `officer_status`: both append-only — a renewal is a new certificate,
 * a change of status a new row, so what held on the day an officer acted can always be shown.
 * `work_calendar_years` is the archive's override of the shipped working-day calendar
 * (resources/calendar/): an administrator enters a new year's 法定节假日 and 调休 days without a release.
 */
const appendOnly = (table: string) => `
  CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table}
    BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;`;

export const m0007OfficerCerts: Migration = {
  version: 7,
  name: '0007-officer-certs',
  up(db) {
    db.exec(`
      ALTER TABLE officers ADD COLUMN unit TEXT;
      ALTER TABLE officers ADD COLUMN registered_at TEXT;
      ALTER TABLE officers ADD COLUMN registered_by INTEGER REFERENCES users(id);

      CREATE TABLE officer_certificates (
        id INTEGER PRIMARY KEY,
        officer_id INTEGER NOT NULL REFERENCES officers(id),
        cert_no TEXT NOT NULL,
        issuer TEXT NOT NULL,
        valid_from TEXT NOT NULL CHECK (valid_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        valid_to TEXT NOT NULL CHECK (valid_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' AND valid_to >= valid_from),
        note TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id),
        UNIQUE (officer_id, cert_no, valid_from)
      ) STRICT;
      CREATE INDEX officer_certificates_officer ON officer_certificates(officer_id, valid_from);
      ${appendOnly('officer_certificates')}

      CREATE TABLE officer_status (
        id INTEGER PRIMARY KEY,
        officer_id INTEGER NOT NULL REFERENCES officers(id),
        status TEXT NOT NULL CHECK (status IN ('active','transferred','retired','revoked')),
        from_day TEXT NOT NULL CHECK (from_day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        reason TEXT,
        created_at TEXT NOT NULL,
        created_by INTEGER REFERENCES users(id)
      ) STRICT;
      CREATE INDEX officer_status_officer ON officer_status(officer_id, from_day);
      ${appendOnly('officer_status')}

      CREATE TABLE work_calendar_years (
        year INTEGER PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        off_days TEXT NOT NULL,
        work_days TEXT NOT NULL,
        source TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by INTEGER REFERENCES users(id)
      ) STRICT;
    `);
  },
};
