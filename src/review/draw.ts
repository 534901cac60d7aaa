import { createHash } from 'node:crypto';

/**
 * The sample draw of a 评查计划, reproducible from its recorded seed: a seeded PRNG (sfc32, state
 * from SHA-256 of the seed text), strata in name order, each stratum's dossiers sorted by 案号 and
 * shuffled with Fisher–Yates. Anyone with the seed and the list of a year's sealed dossiers can redo
 * the draw and get the same dossiers in the same order. Pure.
 */
export interface DrawCandidate {
  caseId: number;
  caseNo: string;
  stratum: string;
}

export type DrawSize = { mode: 'percent'; amount: number } | { mode: 'count'; amount: number };

export interface StratumDraw {
  stratum: string;
  population: number;
  drawn: number;
}

export interface DrawResult {
  seed: string;
  algorithm: 'sfc32-sha256/fisher-yates';
  strata: StratumDraw[];
  /** In draw order: rank 1 first. */
  picked: (DrawCandidate & { rank: number })[];
}

export function seededRandom(seed: string): () => number {
  const h = createHash('sha256').update(seed, 'utf8').digest();
  let a = h.readUInt32LE(0);
  let b = h.readUInt32LE(4);
  let c = h.readUInt32LE(8);
  let d = h.readUInt32LE(12);
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** How many to draw from each stratum: a percentage of each (rounded up), or a count split in proportion (largest remainder). */
export function quotas(sizes: readonly { stratum: string; population: number }[], size: DrawSize): number[] {
  const total = sizes.reduce((a, s) => a + s.population, 0);
  if (size.mode === 'percent') return sizes.map((s) => Math.min(s.population, Math.ceil((s.population * size.amount) / 100 - 1e-9)));
  const want = Math.min(total, Math.floor(size.amount));
  if (total === 0) return sizes.map(() => 0);
  const exact = sizes.map((s) => (s.population * want) / total);
  const q = exact.map(Math.floor);
  let left = want - q.reduce((a, n) => a + n, 0);
  const order = exact.map((e, i) => ({ i, rem: e - Math.floor(e) })).sort((x, y) => y.rem - x.rem || x.i - y.i);
  for (const o of order) {
    if (left <= 0) break;
    if (q[o.i]! < sizes[o.i]!.population) {
      q[o.i]! += 1;
      left--;
    }
  }
  return q;
}

export function drawSample(candidates: readonly DrawCandidate[], size: DrawSize, seed: string): DrawResult {
  const rand = seededRandom(seed);
  const byStratum = new Map<string, DrawCandidate[]>();
  for (const c of candidates) byStratum.set(c.stratum, [...(byStratum.get(c.stratum) ?? []), c]);
  const names = [...byStratum.keys()].sort();
  const sizes = names.map((s) => ({ stratum: s, population: byStratum.get(s)!.length }));
  const q = quotas(sizes, size);
  const picked: (DrawCandidate & { rank: number })[] = [];
  names.forEach((s, i) => {
    const pool = [...byStratum.get(s)!].sort((x, y) => (x.caseNo < y.caseNo ? -1 : x.caseNo > y.caseNo ? 1 : x.caseId - y.caseId));
    for (let j = pool.length - 1; j > 0; j--) {
      const k = Math.floor(rand() * (j + 1));
      [pool[j], pool[k]] = [pool[k]!, pool[j]!];
    }
    for (const c of pool.slice(0, q[i])) picked.push({ ...c, rank: picked.length + 1 });
  });
  return { seed, algorithm: 'sfc32-sha256/fisher-yates', strata: sizes.map((s, i) => ({ ...s, drawn: q[i]! })), picked };
}
