/** Pure formatting for the 音像 screens (no React, no i18n lookups). */

import { formatDurationClock } from '../../../src/domain/duration.js';

/** `1:02:03` / `0:42`; `—` when unknown: the core's one duration format, in its compact clock form. */
export const formatDuration = formatDurationClock;

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/** 1536 → `1.5 KB` (binary steps, one decimal above bytes). */
export function formatBytes(n: number): string {
  let v = Math.max(0, n);
  let u = 0;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${Math.round(v)} B` : `${v.toFixed(v >= 100 ? 0 : 1)} ${UNITS[u]}`;
}

/** Bytes per second as `12.3 MB/s`. */
export function formatRate(bytesPerSec: number): string {
  return `${(Math.max(0, bytesPerSec) / (1024 * 1024)).toFixed(1)} MB/s`;
}

/** Seconds left as `1:05` (or `1:02:03`). */
export function formatEta(sec: number | null): string {
  return sec === null ? '—' : formatDuration(sec);
}

/** `a1b2c3d4…9f0e` — enough to tell digests apart in a list; the full value is on hover/copy. */
export function shortDigest(hex: string): string {
  return hex.length > 16 ? `${hex.slice(0, 8)}…${hex.slice(-4)}` : hex;
}

/**
 * A camera-local time with its offset as recorded: `2024-03-11T09:40:32+08:00` →
 * `2024-03-11 09:40:32 +08:00`. Never converted to the viewer's zone.
 */
export function formatLocalWithOffset(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(iso);
  if (!m) return iso;
  const offset = m[3] === 'Z' ? '+00:00' : (m[3] ?? '');
  return `${m[1]} ${m[2]}${offset ? ` ${offset}` : ''}`;
}

/** An instant (ingest, link, audit time) in the viewer's locale. */
export function formatInstant(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { hour12: false });
}

/** Percent done of a job, by bytes when known, else by items. */
export function jobPercent(p: { bytesDone: number; bytesTotal: number; itemsDone: number; itemsTotal: number } | null | undefined): number {
  if (!p) return 0;
  const f = p.bytesTotal > 0 ? p.bytesDone / p.bytesTotal : p.itemsTotal > 0 ? p.itemsDone / p.itemsTotal : 0;
  return Math.min(100, Math.max(0, Math.floor(f * 100)));
}

/** Trims a form value; empty becomes undefined (optional contract fields). */
export function opt(s: string | null | undefined): string | undefined {
  const v = s?.trim();
  return v ? v : undefined;
}
