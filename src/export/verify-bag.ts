import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type FilePort, nodeFilePort } from '../ports/file-port.js';
import { SM3_TAG_FILE } from './bagit.js';
import { digestOf } from './digest-file.js';

export interface BagCheck {
  ok: boolean;
  files: number;
  bytes: number;
  problems: string[];
}

/**
 * Validates a bag as a receiving archive would (RFC 8493 §3): bagit.txt, Payload-Oxum, every line of
 * manifest-sha256.txt and tagmanifest-sha256.txt, no payload file missing from the manifest, and the
 * SM3 tag file. Streams every file; reports every problem rather than stopping at the first.
 */
export async function verifyBag(dir: string, files: FilePort = nodeFilePort): Promise<BagCheck> {
  const problems: string[] = [];
  const read = (name: string) => readFile(path.join(dir, name), 'utf8').catch(() => null);
  const bagit = await read('bagit.txt');
  if (!bagit || !/^BagIt-Version: 1\.0$/m.test(bagit)) problems.push('bagit.txt missing or not BagIt 1.0');
  const info = (await read('bag-info.txt')) ?? '';
  const oxum = /^Payload-Oxum: (\d+)\.(\d+)$/m.exec(info);
  if (!oxum) problems.push('bag-info.txt has no Payload-Oxum');
  const manifest = parseManifest((await read('manifest-sha256.txt')) ?? '');
  if (manifest.length === 0) problems.push('manifest-sha256.txt missing or empty');
  let bytes = 0;
  for (const [want, rel] of manifest) {
    const got = await digestOf(files, path.join(dir, ...rel.split('/')), ['sha256']).catch(() => null);
    if (!got) problems.push(`${rel}: missing`);
    else {
      bytes += got.size;
      if (got.sha256 !== want) problems.push(`${rel}: SHA-256 does not match the manifest`);
    }
  }
  if (oxum && (Number(oxum[1]) !== bytes || Number(oxum[2]) !== manifest.length))
    problems.push(`Payload-Oxum ${oxum[1]}.${oxum[2]} ≠ ${bytes}.${manifest.length}`);
  const listed = new Set(manifest.map(([, p]) => p));
  for (const f of await walk(path.join(dir, 'data'), 'data')) if (!listed.has(f)) problems.push(`${f}: in the payload but not in the manifest`);
  for (const [want, rel] of parseManifest((await read('tagmanifest-sha256.txt')) ?? '')) {
    const got = await digestOf(files, path.join(dir, rel), ['sha256']).catch(() => null);
    if (!got || got.sha256 !== want) problems.push(`${rel}: tag file missing or SHA-256 does not match the tag manifest`);
  }
  for (const [want, rel] of parseManifest((await read(SM3_TAG_FILE)) ?? '')) {
    const got = await digestOf(files, path.join(dir, ...rel.split('/')), ['sm3']).catch(() => null);
    if (!got || got.sm3 !== want) problems.push(`${rel}: SM3 does not match ${SM3_TAG_FILE}`);
  }
  return { ok: problems.length === 0, files: manifest.length, bytes, problems };
}

function parseManifest(text: string): [string, string][] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const m = /^([0-9a-f]+)\s+\*?(.+)$/.exec(l);
      return m ? ([m[1]!, m[2]!] as [string, string]) : (['', l] as [string, string]);
    });
}

async function walk(abs: string, rel: string): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const out: string[] = [];
  for (const e of await readdir(abs, { withFileTypes: true }).catch(() => [])) {
    if (e.isDirectory()) out.push(...(await walk(path.join(abs, e.name), `${rel}/${e.name}`)));
    else out.push(`${rel}/${e.name}`);
  }
  return out;
}
