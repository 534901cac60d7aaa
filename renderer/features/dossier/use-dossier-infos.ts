import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CaseSummary } from '../../../src/api/types';
import type { DossierView, SealedDossierSummary } from '../../../src/api/types-dossier';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { archiveNumbers, dossierState, type DossierState } from './dossier-labels';

/** What the list shows of a case's dossier (sealed: dossier.sealedSummaries; others: dossier.get per case). */
export interface DossierInfo {
  state: DossierState;
  archiveNo: string | null;
  archiveCode: string | null;
  retention: string;
  volumes: number;
  pages: number;
  errors: number;
  warnings: number;
  batch: boolean;
}

const CONCURRENCY = 4;

function infoOf(v: DossierView): DossierInfo {
  const { archiveNo, archiveCode } = archiveNumbers(v);
  return {
    state: dossierState(v),
    archiveNo,
    archiveCode,
    retention: v.bound.retention.label,
    volumes: v.bound.totals.volumes,
    pages: v.bound.totals.pages,
    errors: v.blockers.filter((i) => i.severity === 'error').length,
    warnings: v.blockers.filter((i) => i.severity === 'warning').length,
    batch: v.scope === 'batch',
  };
}

function sealedInfo(d: SealedDossierSummary): DossierInfo {
  return {
    state: 'sealed',
    archiveNo: d.archiveNo,
    archiveCode: d.archiveCode,
    retention: d.retention,
    volumes: d.volumes,
    pages: d.pages,
    errors: 0,
    warnings: 0,
    batch: d.scope === 'batch',
  };
}

/**
 * The 卷宗 list's dossier column for `cases`: sealed dossiers from one catalogue query
 * (dossier.sealedSummaries); only the unsealed cases are bound one by
 * one (their errors and warnings need a live binding), a few at a time. `refetch` asks both afresh.
 */
export function useDossierInfos(cases: CaseSummary[] | undefined) {
  const sealedQuery = useQuery('dossier.sealedSummaries', {});
  const [drafts, setDrafts] = useState<Map<number, DossierInfo | 'failed'>>(new Map());
  const [tick, setTick] = useState(0);
  const sealedData = sealedQuery.data;
  // A failed catalogue query falls back to binding every case.
  const sealedReady = sealedData !== undefined || sealedQuery.error !== undefined;

  useEffect(() => {
    if (!cases || !sealedReady) return;
    let cancelled = false;
    setDrafts(new Map());
    const sealedIds = new Set((sealedData ?? []).map((d) => d.caseId));
    const queue = cases.filter((c) => !sealedIds.has(c.id));
    const worker = async () => {
      for (let c = queue.shift(); c && !cancelled; c = queue.shift()) {
        const id = c.id;
        let info: DossierInfo | 'failed';
        try {
          info = infoOf(await invoke('dossier.get', { caseId: id }));
        } catch {
          info = 'failed';
        }
        if (!cancelled) setDrafts((m) => new Map(m).set(id, info));
      }
    };
    void Promise.all(Array.from({ length: CONCURRENCY }, worker));
    return () => {
      cancelled = true;
    };
  }, [cases, sealedData, sealedReady, tick]);

  const infos = useMemo(() => {
    const m = new Map<number, DossierInfo | 'failed'>(drafts);
    for (const d of sealedData ?? []) m.set(d.caseId, sealedInfo(d));
    return m;
  }, [drafts, sealedData]);
  const { refetch: refetchSealed } = sealedQuery;
  const refetch = useCallback(() => {
    refetchSealed();
    setTick((n) => n + 1);
  }, [refetchSealed]);
  return { infos, refetch };
}
