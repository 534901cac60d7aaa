import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeClipFields } from '../../src/footage/clip-fields.js';
import { caseCoverage } from '../../src/footage/coverage.js';
import { DigestPool } from '../../src/footage/digest-pool.js';
import { digestBytes, nodeHasSm3 } from '../../src/ports/digests.js';
import { footageProfileOf } from '../../src/footage/footage-profile.js';
import { loadProfile } from '../../src/profiles/load-profile.js';
import { parseDateTime, wallToInstant, zoned } from '../../src/footage/local-time.js';
import { sniff } from '../../src/footage/media-sniff.js';
import { loadNamePatterns, matchName } from '../../src/footage/name-patterns.js';
import { addMonths, retentionOf } from '../../src/footage/retention.js';
import { digestFile } from '../../src/footage/copy-with-digests.js';
import { nodeFilePort } from '../../src/ports/file-port.js';
import { resourcesDir } from '../../src/resources/paths.js';
import { tmpDir } from '../helpers/tmp.js';

const patterns = loadNamePatterns(resourcesDir());

describe('vendor file-name patterns', () => {
  it.each([
    ['ZFY5130047_115007_20240311094032_0001.MP4', 'zfy-underscore', { deviceSerial: '5130047', userNo: '115007', seq: '0001', important: false }],
    ['ZFY5130041_115001_20241128083105_0002_IMP.MP4', 'zfy-underscore', { deviceSerial: '5130041', important: true }],
    ['411522000000_5130047_115007_20240311094032_0001.MP4', 'station-unit-prefixed', { unitCode: '411522000000', deviceSerial: '5130047' }],
    ['5130047-115007-20240311094032-0001.MP4', 'dashed', { deviceSerial: '5130047', userNo: '115007' }],
    ['5130047115007202403110940320001.MP4', 'concatenated', { deviceSerial: '5130047', userNo: '115007', seq: '0001' }],
    ['IMP_5130047_115007_20240311094032_0001.MP4', 'important-prefixed', { important: true }],
    ['VID_20240311_094032.mp4', 'datetime-only', { deviceSerial: null, userNo: null }],
  ])('%s → %s', (name, id, fields) => {
    const m = matchName(patterns, name);
    expect(m?.patternId).toBe(id);
    expect(m).toMatchObject(fields);
    expect(m?.start).toEqual({
      year: 2024,
      month: expect.any(Number),
      day: expect.any(Number),
      hour: expect.any(Number),
      minute: expect.any(Number),
      second: expect.any(Number),
    });
  });

  it('does not take an impossible date for a time, and leaves unknown names alone', () => {
    expect(matchName(patterns, 'ZFY5130047_115007_20241399094032_0001.MP4')).toBeNull();
    expect(matchName(patterns, 'holiday.mp4')).toBeNull();
  });
});

describe('camera time', () => {
  it('keeps camera-local time with its offset and in UTC', () => {
    const at = wallToInstant({ year: 2024, month: 3, day: 11, hour: 9, minute: 40, second: 32 }, 'Asia/Shanghai');
    expect(zoned(at, 'Asia/Shanghai')).toEqual({ local: '2024-03-11T09:40:32+08:00', utc: '2024-03-11T01:40:32Z' });
    expect(zoned(wallToInstant({ year: 2024, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, 'Europe/Berlin'), 'Europe/Berlin').local).toBe(
      '2024-07-01T12:00:00+02:00',
    );
    expect(parseDateTime('2024-03-11T09:40:32+08:00', 'UTC')?.toISOString()).toBe('2024-03-11T01:40:32.000Z');
    expect(parseDateTime('2024-03-11', 'Asia/Shanghai')?.toISOString()).toBe('2024-03-10T16:00:00.000Z');
    expect(parseDateTime('2024-02-30', 'Asia/Shanghai')).toBeNull();
  });

  it('prefers 采集站 over container over name, records each source and keeps disagreements', () => {
    const name = matchName(patterns, 'ZFY5130047_115007_20240311094032_0001.MP4');
    const probe = { formatName: 'mov,mp4', durationSec: 60, bitRate: null, creationTime: '2024-03-11T09:40:32Z', video: null, audio: null, tags: {} };
    // A camera that wrote local time as if it were UTC: container and name 8 h apart.
    const f = mergeClipFields({ name, probe, station: null, fileMtimeMs: null, tz: 'Asia/Shanghai' });
    expect(f.start?.local).toBe('2024-03-11T17:40:32+08:00');
    expect(f.sources).toMatchObject({ start: 'container', deviceSerial: 'name', durationSec: 'container' });
    expect(f.conflicts).toEqual([
      {
        field: 'start',
        chosen: { source: 'container', value: '2024-03-11T17:40:32+08:00' },
        other: { source: 'name', value: '2024-03-11T09:40:32+08:00' },
        diffSec: -28800,
      },
    ]);
    expect(f.end?.local).toBe('2024-03-11T17:41:32+08:00');
    const s = mergeClipFields({
      name,
      probe,
      station: {
        file: 'x.json',
        deviceSerial: '5130099',
        userNo: null,
        unitCode: '411522000000',
        start: '2024-03-11 09:40:33',
        end: null,
        important: true,
        integrityId: null,
      },
      fileMtimeMs: null,
      tz: 'Asia/Shanghai',
    });
    expect(s).toMatchObject({ deviceSerial: '5130099', unitCode: '411522000000', important: true, start: { local: '2024-03-11T09:40:33+08:00' } });
    expect(s.sources).toMatchObject({ deviceSerial: 'station', userNo: 'name', start: 'station' });
    expect(s.conflicts.map((c) => c.field)).toEqual(['deviceSerial', 'start']);
  });
});

describe('content sniffing', () => {
  it('knows the containers by their first bytes, not their names', () => {
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom')]);
    expect(sniff(ftyp)?.container).toBe('mp4');
    expect(sniff(Buffer.concat([Buffer.from([0, 0, 0, 0x14]), Buffer.from('ftypqt  ')]))?.container).toBe('mov');
    expect(sniff(Buffer.from('RIFF\0\0\0\0AVI LIST'))?.container).toBe('avi');
    expect(sniff(Buffer.from('RIFF\0\0\0\0WAVEfmt '))?.kind).toBe('audio');
    expect(sniff(Buffer.from('#!AMR\n\x3c'))?.mediaType).toBe('audio/amr');
    expect(sniff(Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 1, 2]))?.container).toBe('mkv');
    const ts = Buffer.alloc(188 * 3);
    for (let i = 0; i < 3; i++) ts[i * 188] = 0x47;
    expect(sniff(ts)?.container).toBe('mpegts');
    expect(sniff(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))?.kind).toBe('photo');
    expect(sniff(Buffer.from('巡查记录：这不是视频文件'))).toBeNull();
    expect(sniff(Buffer.from('ab'))).toBeNull();
  });
});

describe('retention and required recordings', () => {
  const rules = { ordinaryMonths: 6, evidence: 'permanent' as const, note: '' };
  it('keeps evidence for good and ordinary footage at least six months', () => {
    expect(retentionOf({ evidence: true, startLocal: '2020-01-01T00:00:00+08:00', ingestedAt: '2020-01-02', rules, today: '2030-01-01' })).toEqual({
      class: 'evidence',
      keepUntil: null,
      due: false,
    });
    expect(retentionOf({ evidence: false, startLocal: '2024-08-31T10:00:00+08:00', ingestedAt: '2024-09-01', rules, today: '2025-02-27' })).toEqual({
      class: 'ordinary',
      keepUntil: '2025-02-28',
      due: false,
    });
    expect(retentionOf({ evidence: false, startLocal: null, ingestedAt: '2024-09-01T00:00:00.000Z', rules, today: '2025-03-01' }).due).toBe(true);
    expect(addMonths('2024-12-15', 3)).toBe('2025-03-15');
  });

  it('flags a missing 全程音像记录 for 查封扣押 and 强制拆除 when the documents show they happened', () => {
    const checklist = footageProfileOf(loadProfile(resourcesDir(), 'henan-township-2016'));
    expect(checklist.activities.filter((a) => a.recording === 'full').map((a) => a.name)).toEqual(expect.arrayContaining(['查封扣押', '强制拆除']));
    const cov = caseCoverage({
      caseId: 1,
      caseNo: 'X',
      checklist,
      documentKinds: new Set(['KYJDS', 'QCBL', 'XWBL']),
      clipsByActivity: new Map([['强制拆除', 2]]),
    });
    expect(cov.missing).toEqual(['查封扣押']);
    expect(cov.items.find((i) => i.name === '询问')?.status).toBe('not-recorded');
    expect(cov.items.find((i) => i.name === '听证')?.status).toBe('not-applicable');
    expect(cov.items.find((i) => i.name === '强制拆除')).toMatchObject({ status: 'present', clips: 2 });
  });
});

describe('digest port', () => {
  it('Node SM3 and the hash-wasm fallback agree with each other and with openssl, on worker threads and in-thread', async () => {
    expect(nodeHasSm3()).toBe(true);
    const dir = tmpDir();
    for (const size of [0, 1, 63, 64, 65, 4 * 1024 * 1024 + 3, 9 * 1024 * 1024]) {
      const f = path.join(dir, `f${size}`);
      writeFileSync(f, randomBytes(size));
      const want = /= ([0-9a-f]{64})/.exec(execFileSync('openssl', ['dgst', '-sm3', f]).toString())![1];
      const sha = execFileSync('sha256sum', [f]).toString().split(' ')[0];
      for (const backend of ['node', 'hash-wasm'] as const) {
        for (const threads of [2, 0]) {
          const pool = new DigestPool({ threads, backend, chunkSize: 1024 * 1024 });
          const r = await digestFile(nodeFilePort, pool, f, ['sha256', 'sm3'], f);
          await pool.close();
          expect(r.digests, `${size} ${backend} ${threads}`).toEqual({ sha256: sha, sm3: want });
        }
      }
      const small = await digestBytes(Buffer.alloc(0), ['sm3'], 'hash-wasm');
      expect(small.sm3).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
    }
  });
});
