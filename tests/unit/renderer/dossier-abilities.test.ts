import { describe, expect, it } from 'vitest';
import type { DossierVersionInfo, DossierView } from '../../../src/api/types-dossier.js';
import { dossierAbilities, type DossierChoice } from '../../../renderer/features/dossier/dossier-abilities.js';

const version = (versionNo: number, status: 'draft' | 'sealed', id = versionNo, supersedesId: number | null = null): DossierVersionInfo => ({
  id,
  versionNo,
  status,
  supersedesId,
  correctionReason: supersedesId ? '页号错误' : null,
  openedAt: '2024-09-01T08:00:00Z',
  openedBy: 'dangan',
  profileId: 'cn-default',
  profileVersion: '1',
  archiveNo: status === 'sealed' ? '20240005' : null,
  archiveCode: null,
  retention: null,
  appraisalDue: null,
  checker: null,
  sealedAt: status === 'sealed' ? '2024-09-02T08:00:00Z' : null,
  sealedBy: status === 'sealed' ? 'dangan' : null,
  boundSha256: null,
});

type ViewPart = Pick<DossierView, 'status' | 'scope' | 'version' | 'versions'>;
const writer: DossierChoice = { canWrite: true, mayExport: true, versionNo: undefined, profileId: undefined, currentProfileId: 'cn-default' };

describe('dossier page abilities (what the toolbar offers)', () => {
  const unbound: ViewPart = { status: 'unbound', scope: 'case', version: null, versions: [] };
  const sealedV1 = version(1, 'sealed');
  const sealed: ViewPart = { status: 'sealed', scope: 'case', version: sealedV1, versions: [sealedV1] };

  it('an archivist on an unsealed case dossier may reorder and seal, not export or correct', () => {
    const can = dossierAbilities(unbound, writer);
    expect(can).toMatchObject({ sealed: false, editable: true, canRecord: true, canExport: false, canCorrect: false, viewingOld: false });
    expect(can.latestVersionNo).toBeUndefined();
  });

  it('a sealed dossier offers export and correction to a writer, nothing to write to a reader', () => {
    expect(dossierAbilities(sealed, writer)).toMatchObject({ editable: false, canRecord: false, canExport: true, canCorrect: true });
    expect(dossierAbilities(sealed, { ...writer, canWrite: false, mayExport: false })).toMatchObject({ canExport: false, canCorrect: false, editable: false });
  });

  it('a batch (合订卷) dossier is never editable or correctable from the case page', () => {
    expect(dossierAbilities({ ...unbound, scope: 'batch' }, writer).editable).toBe(false);
    expect(dossierAbilities({ ...sealed, scope: 'batch' }, writer).canCorrect).toBe(false);
  });

  it('an older version is read-only and names the version that corrected it', () => {
    const v2 = version(2, 'sealed', 12, 1);
    const old: ViewPart = { status: 'sealed', scope: 'case', version: sealedV1, versions: [sealedV1, v2] };
    const can = dossierAbilities(old, { ...writer, versionNo: 1 });
    expect(can).toMatchObject({ viewingOld: true, latestVersionNo: 2, canCorrect: false, canExport: true });
    expect(can.superseding?.versionNo).toBe(2);
    // Choosing the latest version in the select is not "old".
    expect(dossierAbilities(old, { ...writer, versionNo: 2 }).viewingOld).toBe(false);
  });

  it('a preview on another profile than the current one may be sealed but not reordered or acknowledged', () => {
    const can = dossierAbilities(unbound, { ...writer, profileId: 'other-county' });
    expect(can).toMatchObject({ foreignProfile: true, editable: true, canRecord: false });
    expect(dossierAbilities(unbound, { ...writer, profileId: 'cn-default' }).foreignProfile).toBe(false);
    // Until the profile list has loaded, nothing is called foreign.
    expect(dossierAbilities(unbound, { ...writer, profileId: 'other-county', currentProfileId: undefined }).foreignProfile).toBe(false);
  });
});
