import { lstat, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SM3_TAG_FILE } from '../export/bagit.js';

/** The report files a package carries beside its tag files (written before tagmanifest-sha256.txt). */
export const REPORT_XML = '四性检测报告.xml';
export const REPORT_PDF = '四性检测报告.pdf';

/** The tag files a Juanzong 移交包 has at its top level. */
export const TAG_FILES = ['bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', SM3_TAG_FILE, 'tagmanifest-sha256.txt', REPORT_XML, REPORT_PDF] as const;

/** A package folder as found on disk: its files, its tag files parsed. Nothing is trusted yet. */
export interface PackageFiles {
  dir: string;
  /** Every regular file, relative, `/`-separated, sorted; links and other non-files separately. */
  files: { path: string; size: number }[];
  odd: string[];
  bagit: string | null;
  bagInfo: Map<string, string>;
  /** `data/…` path → digest, in file order; lines that do not parse are kept as `bad`. */
  manifest: ManifestFile;
  sm3: ManifestFile;
  tagManifest: ManifestFile;
  metadataXml: string | null;
}

export interface ManifestFile {
  present: boolean;
  entries: Map<string, string>;
  duplicates: string[];
  bad: string[];
}

export async function readPackageFiles(dir: string): Promise<PackageFiles> {
  const files: PackageFiles['files'] = [];
  const odd: string[] = [];
  await walk(dir, '', files, odd);
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const read = (name: string) => readFile(path.join(dir, name), 'utf8').catch(() => null);
  const [bagit, info, manifest, sm3, tag, metadataXml] = await Promise.all([
    read('bagit.txt'),
    read('bag-info.txt'),
    read('manifest-sha256.txt'),
    read(SM3_TAG_FILE),
    read('tagmanifest-sha256.txt'),
    read('data/metadata.xml'),
  ]);
  return {
    dir,
    files,
    odd,
    bagit,
    bagInfo: parseInfo(info ?? ''),
    manifest: parseManifest(manifest),
    sm3: parseManifest(sm3),
    tagManifest: parseManifest(tag),
    metadataXml,
  };
}

async function walk(abs: string, rel: string, out: PackageFiles['files'], odd: string[]): Promise<void> {
  for (const e of await readdir(path.join(abs, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) await walk(abs, r, out, odd);
    else if (e.isFile()) out.push({ path: r, size: (await lstat(path.join(abs, r))).size });
    else odd.push(r);
  }
}

function parseInfo(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of text.split('\n')) {
    const i = line.indexOf(':');
    if (i > 0) m.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return m;
}

export function parseManifest(text: string | null): ManifestFile {
  const entries = new Map<string, string>();
  const duplicates: string[] = [];
  const bad: string[] = [];
  for (const l of (text ?? '').split('\n')) {
    if (!l.trim()) continue;
    const m = /^([0-9a-f]{64})\s+\*?(.+)$/.exec(l);
    if (!m) bad.push(l.slice(0, 200));
    else if (entries.has(m[2]!)) duplicates.push(m[2]!);
    else entries.set(m[2]!, m[1]!);
  }
  return { present: text !== null, entries, duplicates, bad };
}
