import { ArrowLeftOutlined, FileTextOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Spin, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { PageInfo } from '../../../src/api/types';
import type { DossierView } from '../../../src/api/types-dossier';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { CaseReviewCard } from '../review/CaseReviewCard';
import { FindingsCard } from '../review/FindingsCard';
import { dossierAbilities } from './dossier-abilities';
import { dossierState } from './dossier-labels';
import { DossierBanners } from './DossierBanners';
import { DossierDialogs, type DossierDialog } from './DossierDialogs';
import { DossierFacts } from './DossierFacts';
import { DossierPreviewTab } from './DossierPreviewTab';
import { DossierToolbar } from './DossierToolbar';
import { DossierVolumes } from './DossierVolumes';
import { IssuesCard } from './IssuesCard';
import { usePrintWhenReady } from './use-print-when-ready';
import { useDossierView } from './use-dossier-view';
import './dossier.css';

type Tab = 'structure' | 'preview';

/**
 * 卷宗 of one case: the dossier as it will be bound (volumes, covers, 卷内目录 with page ranges, AV
 * sheets, 备考表), the checks before 归档, reorder, 归档 and 更正 with the version history, and an A4
 * print preview drawn from the page model. Read-only roles see the same without the write buttons.
 * The parts are their own components; this page holds the choices they share (tab, open dialog).
 */
export function DossierPage() {
  const { caseId: param } = useParams();
  const caseId = Number(param);
  const valid = Number.isInteger(caseId) && caseId > 0;
  const { t } = useI18n();
  const { canWrite, user } = useSession();
  const navigate = useNavigate();
  const [tab, setTab] = useState<Tab>('structure');
  const [dialog, setDialog] = useState<DossierDialog | null>(null);
  const { printing, print: startPrint } = usePrintWhenReady('.dz-sheets img');

  const dossier = useDossierView(caseId, valid);
  const { view, error } = dossier;
  const caseDetail = useQuery('case.get', { id: caseId }, { skip: !valid, invalidateOn: (e) => e.type === 'case.changed' && e.caseId === caseId });
  const profiles = useQuery('profile.list', {});

  const pageInfo = useMemo(() => {
    const m = new Map<number, PageInfo>();
    for (const d of caseDetail.data?.documents ?? []) for (const p of d.pages) m.set(p.id, p);
    return m;
  }, [caseDetail.data]);

  if (!valid) return <Result status="404" title={t('common.notFound')} />;
  if (error && !view) {
    return (
      <div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/dossier')} style={{ marginBottom: 12 }}>
          {t('dossier.backToList')}
        </Button>
        <ErrorAlert error={error} />
      </div>
    );
  }
  if (!view) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const state = dossierState(view);
  const can = dossierAbilities(view, {
    canWrite,
    mayExport: mayCall(user?.role, 'dossier.export'),
    versionNo: dossier.versionNo,
    profileId: dossier.profileId,
    currentProfileId: profiles.data?.find((p) => p.isCurrent)?.id,
  });
  const print = () => {
    setTab('preview');
    startPrint();
  };
  const written = (v: DossierView) => {
    setDialog(null);
    dossier.applyWrite(v);
  };

  return (
    <div className={`dossier-page${printing ? ' is-printing' : ''}`}>
      <DossierToolbar
        view={view}
        state={state}
        can={can}
        loading={dossier.loading}
        profiles={profiles.data}
        profileId={dossier.profileId}
        versionNo={dossier.versionNo}
        onProfile={dossier.setProfileId}
        onVersion={dossier.showVersion}
        onReload={dossier.reload}
        onPrint={print}
        onOpen={setDialog}
      />

      <div className="dz-no-print">
        <DossierBanners view={view} state={state} can={can} onBackToCurrent={() => dossier.showVersion(undefined)} />
        {error && <ErrorAlert error={error} style={{ marginBottom: 10 }} />}
        <DossierFacts view={view} />
        {can.foreignProfile && <Alert type="info" showIcon className="section-card" title={t('dossier.foreignProfile', { name: view.profile.name })} />}
        <IssuesCard view={view} editable={can.canRecord} onChanged={written} />
        {view.caseId !== null && <FindingsCard caseId={view.caseId} />}
        {view.caseId !== null && <CaseReviewCard caseId={view.caseId} />}
      </div>

      <Tabs
        className="dz-tabs"
        activeKey={tab}
        onChange={(k) => setTab(k as Tab)}
        items={[
          {
            key: 'structure',
            label: (
              <span>
                <FileTextOutlined /> {t('dossier.tab.structure')}
              </span>
            ),
            children: <DossierVolumes view={view} pageInfo={pageInfo} />,
          },
          {
            key: 'preview',
            label: (
              <span>
                <PrinterOutlined /> {t('dossier.tab.preview')}
              </span>
            ),
            children: <DossierPreviewTab view={view} pageInfo={pageInfo} printing={printing} onPrint={print} />,
          },
        ]}
      />

      {caseDetail.data === undefined && caseDetail.error && <ErrorAlert error={caseDetail.error} style={{ marginTop: 10 }} />}
      <DossierDialogs dialog={dialog} view={view} profileId={dossier.profileId} onClose={() => setDialog(null)} onWritten={written} />
    </div>
  );
}
