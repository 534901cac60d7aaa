import path from 'node:path';
import { AppError } from '../api/errors.js';
import { publish, syncDir } from '../archive/durable-file.js';
import { toIoError } from '../archive/object-store.js';
import { tmpName } from '../archive/tmp-names.js';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { checkPayloadPath } from './bag-paths.js';
import { copyHashed, type Hashed, writeHashed } from './copy-hashed.js';
import { type BagMetadata, metadataXml } from './metadata-xml.js';

/** The tag file with SM3 digests, in sha256sum layout. Not named manifest-*.txt, so BagIt tools that do not know SM3 ignore it. */
export const SM3_TAG_FILE = 'checksums-sm3.txt';

export interface BagPayloadFile {
  /** Path inside data/ (forward slashes), e.g. `volumes/正卷.pdf`, `footage/ZFY…MP4`. */
  path: string;
  /** The file to copy; it is streamed, never loaded whole. */
  source: string;
  /** Names the file in errors and progress. */
  label: string;
  /** Digests recorded elsewhere (the catalogue): the copy must match them. */
  expect?: { size?: number; sha256?: string; sm3?: string | null };
}

export interface BagInfo {
  sourceOrganization: string;
  /** 档号 of the dossier. */
  externalIdentifier: string;
  /** YYYY-MM-DD; defaults to today (local time). */
  baggingDate?: string;
  /** Extra bag-info lines (label, value), e.g. Internal-Sender-Description. */
  extra?: [string, string][];
}

export interface WriteBagOptions {
  /** The bag folder to create; must not exist. Built as a hidden sibling and renamed at the end. */
  dir: string;
  info: BagInfo;
  payload: BagPayloadFile[];
  metadata: BagMetadata;
  files?: FilePort;
  signal?: AbortSignal;
  onFile?: (done: number, total: number, label: string) => void;
  onBytes?: (n: number) => void;
  /** For the metadata.xml header; defaults to now. */
  now?: () => Date;
  /**
   * Runs on the finished payload and manifests, before the tag manifest is written: the tag files it
   * returns (the 四性检测 report) are written into the bag and listed in tagmanifest-sha256.txt.
   */
  beforeTagManifest?: BeforeTagManifest;
}

/** A tag file's name (top level of the bag) and content. */
export interface TagFileContent {
  name: string;
  bytes: Uint8Array;
}

export type BeforeTagManifest = (bag: {
  /** The hidden folder being written (renamed to `finalDir` when done). */
  workDir: string;
  finalDir: string;
  /** Payload and tag files as written, with the digests taken while writing. */
  written: readonly ({ path: string } & Hashed)[];
}) => Promise<TagFileContent[]>;

export interface WrittenBag {
  dir: string;
  payloadOxum: string;
  /** Every payload file with its digests, `data/…` paths. */
  payload: ({ path: string } & Hashed)[];
  tagFiles: ({ path: string } & Hashed)[];
}

/**
 * Writes a BagIt 1.0 bag (RFC 8493) as a transfer package: bagit.txt, bag-info.txt (Source-Organization,
 * Bagging-Date, Payload-Oxum, External-Identifier = 档号, Bag-Software-Agent), manifest-sha256.txt and
 * tagmanifest-sha256.txt, plus an SM3 tag file; payload = the given files (volume PDFs, original
 * footage) and data/metadata.xml. `sha256sum -c manifest-sha256.txt` passes from inside the bag. A
 * failure anywhere (disk full, a source that no longer matches its recorded digest) removes the
 * partial bag; the final folder appears only complete, by one rename.
 */
export async function writeBag(o: WriteBagOptions): Promise<WrittenBag> {
  const files = o.files ?? nodeFilePort;
  const dataPaths = o.payload.map((p) => checkPayloadPath(p.path));
  const dupe = dataPaths.find((p, i) => dataPaths.indexOf(p) !== i);
  if (dupe) throw new AppError('invalid_input', `two payload files share the path ${dupe}`, `移交包中有两个文件路径相同：${dupe}`, { item: dupe });
  const bagName = path.basename(o.dir);
  if (await files.stat(o.dir).catch(() => null)) throw new AppError('duplicate', `${o.dir} already exists`, `${o.dir} 已存在`, { item: o.dir });
  const parent = path.dirname(o.dir);
  const work = path.join(parent, `.${bagName}.${tmpName()}.part`);
  try {
    await files.mkdir(path.join(work, 'data'), { recursive: true });
    const dirs = new Set([work, path.join(work, 'data')]);
    const payload: WrittenBag['payload'] = [];
    for (let i = 0; i < o.payload.length; i++) {
      const p = o.payload[i]!;
      if (o.signal?.aborted) throw new AppError('cancelled', `${bagName}: cancelled`, `${bagName}：已取消`, { item: bagName });
      const rel = dataPaths[i]!;
      const dest = path.join(work, ...rel.split('/'));
      await files.mkdir(path.dirname(dest), { recursive: true });
      for (let d = path.dirname(dest); d.length > work.length; d = path.dirname(d)) dirs.add(d);
      const h = await copyHashed(files, p.source, dest, p.label, { ...(o.signal ? { signal: o.signal } : {}), ...(o.onBytes ? { onBytes: o.onBytes } : {}) });
      checkExpected(p, h);
      payload.push({ path: rel, ...h });
      o.onFile?.(i + 1, o.payload.length + 1, p.label);
    }
    const digests = new Map(payload.map((p) => [p.path, p]));
    const xml = metadataXml(o.metadata, digests, { at: (o.now?.() ?? new Date()).toISOString(), software: 'Juanzong' });
    payload.push({
      path: 'data/metadata.xml',
      ...(await writeHashed(files, path.join(work, 'data', 'metadata.xml'), Buffer.from(xml, 'utf8'), 'metadata.xml')),
    });
    o.onFile?.(o.payload.length + 1, o.payload.length + 1, 'metadata.xml');
    payload.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

    const oxum = `${payload.reduce((n, p) => n + p.size, 0)}.${payload.length}`;
    const tag = async (name: string, content: string) => ({
      path: name,
      ...(await writeHashed(files, path.join(work, name), Buffer.from(content, 'utf8'), name)),
    });
    const tagFiles = [
      await tag('bagit.txt', 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n'),
      await tag('bag-info.txt', bagInfo(o.info, oxum)),
      await tag('manifest-sha256.txt', manifestLines(payload, 'sha256')),
      await tag(SM3_TAG_FILE, manifestLines(payload, 'sm3')),
    ];
    if (o.beforeTagManifest) {
      for (const f of await o.beforeTagManifest({ workDir: work, finalDir: o.dir, written: [...payload, ...tagFiles] })) {
        if (!/^[^/\\\0]+$/.test(f.name) || f.name.startsWith('.') || tagFiles.some((t) => t.path === f.name) || f.name === 'tagmanifest-sha256.txt')
          throw new AppError('invalid_input', `tag file name ${f.name} is not allowed`, `标签文件名 ${f.name} 不允许`, { item: f.name });
        tagFiles.push({ path: f.name, ...(await writeHashed(files, path.join(work, f.name), f.bytes, f.name)) });
      }
    }
    await tag('tagmanifest-sha256.txt', manifestLines(tagFiles, 'sha256'));
    for (const d of [...dirs].sort((a, b) => b.length - a.length)) await syncDir(files, d);
    await publish(files, work, o.dir);
    return { dir: o.dir, payloadOxum: oxum, payload, tagFiles };
  } catch (e) {
    await files.rm(work, { recursive: true, force: true }).catch(() => undefined);
    throw e instanceof AppError ? e : toIoError(e, bagName);
  }
}

function checkExpected(p: BagPayloadFile, h: Hashed): void {
  const e = p.expect;
  if (!e) return;
  const wrong = (e.size !== undefined && e.size !== h.size) || (e.sha256 && e.sha256 !== h.sha256) || (e.sm3 && e.sm3 !== h.sm3);
  if (wrong) {
    throw new AppError(
      'io_error',
      `${p.label}: the file no longer matches its recorded digests (fixity failure); the package was not written`,
      `${p.label}：文件与登记的校验值不符（完整性校验失败），未生成移交包`,
      { item: p.label, details: { expected: e, actual: h } },
    );
  }
}

function manifestLines(items: readonly ({ path: string } & Hashed)[], alg: 'sha256' | 'sm3'): string {
  return items.map((f) => `${f[alg]}  ${f.path}\n`).join('');
}

/** bag-info.txt: one `Label: value` a line; values are kept on one line (line breaks become spaces). */
function bagInfo(info: BagInfo, oxum: string): string {
  const date = info.baggingDate ?? localDate(new Date());
  const lines: [string, string][] = [
    ['Source-Organization', info.sourceOrganization],
    ['Bagging-Date', date],
    ['Payload-Oxum', oxum],
    ['External-Identifier', info.externalIdentifier],
    ['Bag-Software-Agent', 'Juanzong'],
    ...(info.extra ?? []),
  ];
  return lines.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ').trim()}\n`).join('');
}

function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
