import type { DossierVersionInfo, DossierView } from '../../../src/api/types-dossier';
import type { PagePosition } from '../../../src/domain/profile-binding';
import type { MessageKey } from '../../i18n/zh-CN';

/** What the archivist calls the state of a case's dossier. */
export type DossierState = 'unbound' | 'draft' | 'correcting' | 'sealed';

export function dossierState(v: Pick<DossierView, 'status' | 'versions'>): DossierState {
  if (v.status === 'sealed') return 'sealed';
  if (v.status === 'draft' && v.versions.some((x) => x.status === 'sealed')) return 'correcting';
  return v.status;
}

export const STATE_KEYS: Record<DossierState, MessageKey> = {
  unbound: 'dossier.state.unbound',
  draft: 'dossier.state.draft',
  correcting: 'dossier.state.correcting',
  sealed: 'dossier.state.sealed',
};

export const STATE_COLORS: Record<DossierState, string> = {
  unbound: 'default',
  draft: 'processing',
  correcting: 'warning',
  sealed: 'success',
};

export const POSITION_KEYS: Record<PagePosition, MessageKey> = {
  'top-right': 'dossier.pos.topRight',
  'top-left': 'dossier.pos.topLeft',
  'bottom-right': 'dossier.pos.bottomRight',
  'bottom-left': 'dossier.pos.bottomLeft',
  'bottom-center': 'dossier.pos.bottomCenter',
};

export const dash = (v: string | null | undefined): string => (v && v.trim() ? v : '—');

export function formatTime(iso: string | null | undefined, locale: string): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The sealed version this view shows, or the latest sealed one (what 归档号/档号 come from). */
export function sealedVersion(v: Pick<DossierView, 'version' | 'versions'>): DossierVersionInfo | null {
  if (v.version?.status === 'sealed') return v.version;
  return [...v.versions].reverse().find((x) => x.status === 'sealed') ?? null;
}

/** 归档号 and 档号 as far as known: the sealed version's, else what the binding carries. */
export function archiveNumbers(v: DossierView): { archiveNo: string | null; archiveCode: string | null } {
  const s = v.status === 'sealed' ? v.version : null;
  return {
    archiveNo: s?.archiveNo ?? v.bound.archiveNo ?? null,
    archiveCode: s?.archiveCode ?? v.bound.volumes.find((x) => x.archiveCode)?.archiveCode ?? null,
  };
}
