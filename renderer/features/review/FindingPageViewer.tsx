import { Modal } from 'antd';
import { useMemo } from 'react';
import type { PageInfo } from '../../../src/api/types';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { type PageTarget, PagesPane } from './PagesPane';

/**
 * The page viewer a finding opens from the case or dossier page: the case's dossier as bound now
 * (the sealed version, or the draft as it would bind), opened at the finding's page.
 */
export function FindingPageViewer({ caseId, target, onClose }: { caseId: number; target: PageTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const dossier = useQuery('dossier.get', { caseId }, { skip: target === null });
  const kase = useQuery('case.get', { id: caseId }, { skip: target === null });
  const pageInfo = useMemo(() => {
    const m = new Map<number, PageInfo>();
    for (const d of kase.data?.documents ?? []) for (const p of d.pages) m.set(p.id, p);
    return m;
  }, [kase.data]);
  return (
    <Modal open={target !== null} onCancel={onClose} footer={null} width="90vw" destroyOnHidden title={t('findings.viewer')} className="finding-viewer">
      <ErrorAlert error={dossier.error ?? kase.error} />
      <PagesPane volumes={dossier.data?.pages.volumes} pageInfo={pageInfo} target={target} title={t('review.ws.pages')} height="70vh" />
    </Modal>
  );
}
