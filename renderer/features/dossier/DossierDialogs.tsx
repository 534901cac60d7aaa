import type { DossierView } from '../../../src/api/types-dossier';
import { ExportModal } from './ExportModal';
import { ReorderModal } from './ReorderModal';
import { CorrectModal, SealModal } from './SealModal';

export type DossierDialog = 'reorder' | 'seal' | 'correct' | 'export';

/** The one dialog open on the dossier page; a write hands back the fresh view. */
export function DossierDialogs({
  dialog,
  view,
  profileId,
  onClose,
  onWritten,
}: {
  dialog: DossierDialog | null;
  view: DossierView;
  profileId: string | undefined;
  onClose: () => void;
  onWritten: (v: DossierView) => void;
}) {
  switch (dialog) {
    case 'reorder':
      return <ReorderModal view={view} onClose={onClose} onSaved={onWritten} />;
    case 'seal':
      return <SealModal view={view} profileId={profileId} onClose={onClose} onSealed={onWritten} />;
    case 'export':
      return <ExportModal view={view} onClose={onClose} />;
    case 'correct':
      return <CorrectModal view={view} onClose={onClose} onOpened={onWritten} />;
    default:
      return null;
  }
}
