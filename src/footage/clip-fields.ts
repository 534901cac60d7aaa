import type { ProbeSummary } from './probe.js';
import { type NameMatch } from './name-patterns.js';
import { parseDateTime, wallToInstant, type ZonedTime, zoned } from './local-time.js';
import type { StationInfo } from './station-sidecar.js';

/** Where a clip's field came from. Station (采集站) data wins, then the container, then the name. */
export type FieldSource = 'station' | 'container' | 'name' | 'file-time';

export interface FieldConflict {
  field: string;
  chosen: { source: FieldSource; value: string };
  other: { source: FieldSource; value: string };
  /** For times: how far apart, in seconds. */
  diffSec?: number;
}

export interface ClipFields {
  deviceSerial: string | null;
  userNo: string | null;
  unitCode: string | null;
  seq: string | null;
  important: boolean;
  start: ZonedTime | null;
  end: ZonedTime | null;
  durationSec: number | null;
  sources: Partial<Record<'deviceSerial' | 'userNo' | 'unitCode' | 'important' | 'start' | 'end' | 'durationSec', FieldSource>>;
  conflicts: FieldConflict[];
}

/** Times closer than this are the same (cameras round; the container and the name differ by a frame). */
const SAME_TIME_SEC = 2;

/**
 * Merges what the 采集站, the container and the file name say about a clip. Each field records its
 * source; disagreements are kept (never silently dropped) so an archivist can see a camera whose clock
 * or time zone was wrong.
 */
export function mergeClipFields(i: {
  name: NameMatch | null;
  probe: ProbeSummary | null;
  station: StationInfo | null;
  fileMtimeMs: number | null;
  tz: string;
}): ClipFields {
  const f: ClipFields = {
    deviceSerial: null,
    userNo: null,
    unitCode: null,
    seq: i.name?.seq ?? null,
    important: false,
    start: null,
    end: null,
    durationSec: null,
    sources: {},
    conflicts: [],
  };
  const text = (field: 'deviceSerial' | 'userNo' | 'unitCode', fromStation: string | null, fromName: string | null) => {
    const chosen = fromStation ?? fromName;
    f[field] = chosen;
    if (chosen === null) return;
    f.sources[field] = fromStation !== null ? 'station' : 'name';
    if (fromStation !== null && fromName !== null && fromStation !== fromName)
      f.conflicts.push({ field, chosen: { source: 'station', value: fromStation }, other: { source: 'name', value: fromName } });
  };
  text('deviceSerial', i.station?.deviceSerial ?? null, i.name?.deviceSerial ?? null);
  text('userNo', i.station?.userNo ?? null, i.name?.userNo ?? null);
  text('unitCode', i.station?.unitCode ?? null, i.name?.unitCode ?? null);
  if (i.station?.important != null) {
    f.important = i.station.important;
    f.sources.important = 'station';
  } else if (i.name) {
    f.important = i.name.important;
    f.sources.important = 'name';
  }

  const candidates: { source: FieldSource; at: Date }[] = [];
  const stationStart = i.station?.start ? parseDateTime(i.station.start, i.tz) : null;
  if (stationStart) candidates.push({ source: 'station', at: stationStart });
  if (i.probe?.creationTime) candidates.push({ source: 'container', at: new Date(i.probe.creationTime) });
  if (i.name?.start) candidates.push({ source: 'name', at: wallToInstant(i.name.start, i.tz) });
  if (candidates.length === 0 && i.fileMtimeMs !== null) candidates.push({ source: 'file-time', at: new Date(i.fileMtimeMs) });
  const first = candidates[0];
  if (first) {
    f.start = zoned(first.at, i.tz);
    f.sources.start = first.source;
    for (const c of candidates.slice(1)) {
      const diff = Math.round((c.at.getTime() - first.at.getTime()) / 1000);
      if (Math.abs(diff) > SAME_TIME_SEC)
        f.conflicts.push({
          field: 'start',
          chosen: { source: first.source, value: f.start.local },
          other: { source: c.source, value: zoned(c.at, i.tz).local },
          diffSec: diff,
        });
    }
  }

  const dur = i.probe?.durationSec ?? null;
  if (dur !== null) {
    f.durationSec = Math.round(dur * 1000) / 1000;
    f.sources.durationSec = 'container';
  }
  const stationEnd = i.station?.end ? parseDateTime(i.station.end, i.tz) : null;
  if (stationEnd) {
    f.end = zoned(stationEnd, i.tz);
    f.sources.end = 'station';
  } else if (first && dur !== null) {
    f.end = zoned(new Date(first.at.getTime() + Math.round(dur * 1000)), i.tz);
    f.sources.end = f.sources.start === 'container' ? 'container' : (f.sources.start ?? 'container');
  }
  return f;
}
