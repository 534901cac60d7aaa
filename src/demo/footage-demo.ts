import { execFile } from 'node:child_process';
import { mkdirSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { mediaTools } from '../footage/media-tools.js';
import { sansRegular } from '../resources/fonts.js';
import type { SampleBodycamClip, SampleCase } from './sample-cases.js';

/** Seconds of video per sample clip (the samples' real durations run to an hour). */
export const DEMO_CLIP_SECONDS = 3;

export interface DemoCameraFile {
  file: string;
  caseNo: string;
  clip: SampleBodycamClip;
}

/**
 * Writes the sample cases' body-cam clips into fake camera folders (`<dir>/<serial>/DCIM/100MEDIA/`),
 * one per device, each a real H.264/AAC MP4 of a few seconds with the burned-in time and device
 * caption real cameras have (GA/T 947.2 OSD), drawn with the bundled Noto Sans SC (never a system
 * font). The container's creation_time and the file's mtime match the sample's start and end.
 */
export async function writeDemoCameras(
  samples: readonly SampleCase[],
  dir: string,
  opts: { seconds?: number; log?: (line: string) => void } = {},
): Promise<DemoCameraFile[]> {
  const seconds = opts.seconds ?? DEMO_CLIP_SECONDS;
  const out: DemoCameraFile[] = [];
  for (const s of samples) {
    for (const clip of s.bodycam) {
      const folder = path.join(dir, clip.deviceSerial, 'DCIM', '100MEDIA');
      mkdirSync(folder, { recursive: true });
      const file = path.join(folder, clip.fileName);
      await renderClip(file, clip, seconds);
      const start = new Date(clip.start);
      const end = new Date(start.getTime() + clip.durationSec * 1000);
      utimesSync(file, end, end);
      out.push({ file, caseNo: s.case.caseNo, clip });
      opts.log?.(`  生成记录仪视频 ${clip.fileName}（${clip.activity}）`);
    }
  }
  return out;
}

/** A transport-neutral caller (the demo's `call`, a test client). */
export type DemoCall = (name: string, input: unknown) => Promise<unknown>;

export interface DemoFootageReport {
  cameras: number;
  clips: number;
  linked: number;
  devices: number;
  errors: number;
}

/**
 * The demo's footage: registers each camera to the officer the sample names (设备台账, explicit — never
 * inferred from the user number), generates the clips, ingests each camera folder, and links every
 * clip to its case, its activity and its officer. Call after the sample cases exist.
 */
export async function addDemoFootage(o: {
  call: DemoCall;
  samples: readonly SampleCase[];
  scratch: string;
  log?: (line: string) => void;
  seconds?: number;
}): Promise<DemoFootageReport> {
  const log = o.log ?? (() => undefined);
  const certOf = (s: SampleCase, name: string | undefined) => s.case.officers.find((x) => x.name === name)?.certNo;
  const devices = new Map<string, { certNo: string; name: string; userNo: string; from: string }>();
  for (const s of o.samples) {
    for (const c of s.bodycam) {
      const certNo = certOf(s, c.officer);
      if (!certNo) continue;
      const day = c.start.slice(0, 10);
      const cur = devices.get(c.deviceSerial);
      if (!cur || day < cur.from) devices.set(c.deviceSerial, { certNo, name: c.officer!, userNo: c.userNo, from: day });
    }
  }
  for (const [serial, d] of devices) {
    await o.call('device.register', {
      serial,
      certNo: d.certNo,
      officerName: d.name,
      userNo: d.userNo,
      from: `${d.from.slice(0, 4)}-01-01`,
      note: '演示数据：设备台账',
    });
  }
  log(`登记执法记录仪 ${devices.size} 台（设备台账）`);

  const root = path.join(o.scratch, 'cameras');
  const files = await writeDemoCameras(o.samples, root, { ...(o.seconds ? { seconds: o.seconds } : {}), log });
  let errors = 0;
  for (const serial of new Set(files.map((f) => f.clip.deviceSerial))) {
    const r = (await o.call('footage.ingest', { source: path.join(root, serial), derive: 'skip' })) as { new: number; errors: unknown[] };
    errors += r.errors.length;
    log(`导入记录仪 ${serial}：新增 ${r.new} 段`);
  }
  let linked = 0;
  for (const f of files) {
    const s = o.samples.find((x) => x.case.caseNo === f.caseNo)!;
    const list = (await o.call('footage.list', { deviceSerial: f.clip.deviceSerial, limit: 1000 })) as { items: { id: number; originalName: string }[] };
    const clip = list.items.find((i) => i.originalName === f.clip.fileName);
    if (!clip) continue;
    const certNo = certOf(s, f.clip.officer);
    await o.call('footage.link', { clipIds: [clip.id], caseNo: f.caseNo, activity: f.clip.activity, ...(certNo ? { certNo } : {}) });
    linked++;
  }
  log(`关联音像资料 ${linked} 段到案件`);
  // Thumbnails and contact sheets now, not in the background: the demo exports dossiers with them.
  const derived = (await o.call('footage.derive', {})) as { done: number; failed: number };
  log(`生成缩略图与联系表 ${derived.done} 段${derived.failed ? `，失败 ${derived.failed} 段` : ''}`);
  return { cameras: new Set(files.map((f) => f.clip.deviceSerial)).size, clips: files.length, linked, devices: devices.size, errors };
}

function renderClip(file: string, clip: SampleBodycamClip, seconds: number): Promise<void> {
  const start = new Date(clip.start);
  // The caption shows camera-local wall time: shift the epoch by the offset and format it as UTC.
  const offsetMin = offsetMinutes(clip.start);
  const wallEpoch = Math.floor(start.getTime() / 1000) + offsetMin * 60;
  const font = sansRegular.replace(/\\/g, '/').replace(/:/g, '\\:').replace(/'/g, "\\'");
  const caption = `执法记录仪 ${clip.deviceSerial}  警号 ${clip.userNo}  ${clip.activity}`;
  const vf = [
    `drawtext=fontfile='${font}':text='%{pts\\:gmtime\\:${wallEpoch}}':x=16:y=14:fontsize=22:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=6`,
    `drawtext=fontfile='${font}':text='${caption}':x=16:y=h-40:fontsize=20:fontcolor=white:box=1:boxcolor=black@0.55:boxborderw=6`,
  ].join(',');
  const args = [
    '-v',
    'error',
    '-y',
    '-nostdin',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=640x360:rate=15`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${300 + (Number(clip.deviceSerial.slice(-2)) % 40) * 10}:sample_rate=16000`,
    '-t',
    String(seconds),
    '-vf',
    vf,
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-b:a',
    '48k',
    '-metadata',
    `creation_time=${start.toISOString()}`,
    '-metadata',
    `comment=${clip.fileName}`,
    '-f',
    'mp4',
    file,
  ];
  return new Promise((resolve, reject) => {
    execFile(mediaTools().ffmpeg, args, { timeout: 120_000 }, (err, _o, stderr) =>
      err ? reject(new Error(`ffmpeg ${clip.fileName}: ${String(stderr).trim() || err.message}`)) : resolve(),
    );
  });
}

function offsetMinutes(iso: string): number {
  const m = /([+-])(\d{2}):?(\d{2})$/.exec(iso);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
