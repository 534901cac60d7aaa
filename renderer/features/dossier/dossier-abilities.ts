import type { DossierVersionInfo, DossierView } from '../../../src/api/types-dossier.js';

/** What the dossier page may show and offer for one view, given who is looking and what is chosen. */
export interface DossierAbilities {
  sealed: boolean;
  latestVersionNo: number | undefined;
  /** An older version than the latest is on screen (read-only). */
  viewingOld: boolean;
  /** The version that corrected the one on screen, when an old one is shown. */
  superseding: DossierVersionInfo | undefined;
  /** Write buttons (归档, reorder) apply: a writer, an unsealed case dossier, the latest version. */
  editable: boolean;
  /** Previewed on a profile other than the archive's current one (reorder/acknowledge not recordable). */
  foreignProfile: boolean;
  /** Reorder and acknowledge may be recorded. */
  canRecord: boolean;
  canExport: boolean;
  canCorrect: boolean;
}

export interface DossierChoice {
  canWrite: boolean;
  /** The role may call dossier.export. */
  mayExport: boolean;
  /** The version chosen in the version select (undefined: the latest). */
  versionNo: number | undefined;
  /** The profile chosen for the preview (undefined: the dossier's own). */
  profileId: string | undefined;
  currentProfileId: string | undefined;
}

export function dossierAbilities(view: Pick<DossierView, 'status' | 'scope' | 'version' | 'versions'>, c: DossierChoice): DossierAbilities {
  const latestVersionNo = view.versions.length ? view.versions[view.versions.length - 1]!.versionNo : undefined;
  const viewingOld = c.versionNo !== undefined && c.versionNo !== latestVersionNo;
  const sealed = view.status === 'sealed';
  const editable = c.canWrite && !sealed && view.scope === 'case' && !viewingOld;
  // dossier.reorder / dossier.acknowledge record against the archive's current profile only.
  const foreignProfile = !sealed && c.profileId !== undefined && c.currentProfileId !== undefined && c.profileId !== c.currentProfileId;
  return {
    sealed,
    latestVersionNo,
    viewingOld,
    superseding: viewingOld ? view.versions.find((v) => v.supersedesId === view.version?.id) : undefined,
    editable,
    foreignProfile,
    canRecord: editable && !foreignProfile,
    canExport: c.mayExport && sealed,
    canCorrect: c.canWrite && sealed && !viewingOld && view.scope === 'case',
  };
}
