import { useCallback, useEffect, useState } from 'react';
import type { OpInput } from '../../../src/api/contract';
import type { DossierView } from '../../../src/api/types-dossier';
import { useQuery } from '../../bridge/use-query';
import { sealedVersion } from './dossier-labels';

/** Which question the page asks: an older version, a preview on another profile, or the live dossier. */
type DossierRequest = { op: 'dossier.get'; input: OpInput<'dossier.get'> } | { op: 'dossier.preview'; input: OpInput<'dossier.preview'> };

interface OldVersion {
  dossierId: number;
  versionNo: number;
}

function dossierRequest(caseId: number, profileId: string | undefined, old: OldVersion | undefined): DossierRequest {
  if (old) return { op: 'dossier.get', input: old };
  if (profileId) return { op: 'dossier.preview', input: { caseId, profileId } };
  return { op: 'dossier.get', input: { caseId } };
}

/**
 * The dossier of one case as the page shows it, through useQuery: the live dossier, a preview on a
 * chosen profile, or an older version. A change to the case (core event) re-reads it unless an old
 * version is shown. A correction opens on the profile its sealed version used.
 */
export function useDossierView(caseId: number, valid: boolean) {
  const [profileId, setProfileId] = useState<string | undefined>();
  const [old, setOld] = useState<OldVersion | undefined>();
  const req = dossierRequest(caseId, profileId, old);
  const q = useQuery(req.op, req.input, {
    skip: !valid,
    invalidateOn: (e) => e.type === 'case.changed' && e.caseId === caseId && old === undefined,
  });
  const view: DossierView | undefined = q.data;
  const { refetch, setData } = q;

  // A correction is sealed on the profile its sealed version used: preview it on that one.
  useEffect(() => {
    if (!view || old !== undefined || profileId) return;
    const sealedOn = view.status === 'draft' ? sealedVersion(view)?.profileId : null;
    if (sealedOn && sealedOn !== view.profile.id) setProfileId(sealedOn);
    // Only a fresh answer is judged, not a change of choice (old/profileId are read as they are then).
  }, [view]);

  /** Shows version `n` (undefined or the latest: the current dossier). */
  const showVersion = useCallback(
    (n: number | undefined) => {
      const latest = view?.versions[view.versions.length - 1]?.versionNo;
      setOld(n === undefined || n === latest || !view?.dossierId ? undefined : { dossierId: view.dossierId, versionNo: n });
    },
    [view],
  );

  /** A write returns the live view on the draft's profile; re-preview when another profile is chosen. */
  const applyWrite = useCallback(
    (v: DossierView) => {
      setOld(undefined);
      if (profileId && v.status !== 'sealed' && v.profile.id !== profileId) refetch();
      else setData(v);
      if (v.status === 'sealed') setProfileId(undefined);
    },
    [profileId, refetch, setData],
  );

  return {
    view,
    error: q.error,
    loading: q.loading,
    reload: refetch,
    profileId,
    setProfileId,
    versionNo: old?.versionNo,
    showVersion,
    applyWrite,
  };
}
