import {
  ArrowLeftOutlined,
  DragOutlined,
  EditOutlined,
  ExportOutlined,
  FileTextOutlined,
  FolderOpenOutlined,
  LockOutlined,
  PrinterOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Alert, Button, Descriptions, Empty, Result, Segmented, Select, Space, Spin, Tabs, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { PageInfo } from '../../../src/api/types';
import type { DossierView } from '../../../src/api/types-dossier';
import { ClientError, invoke, onAppEvent } from '../../bridge/client';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PROCEDURE_KEYS } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { archiveNumbers, dash, dossierState, formatTime, sealedVersion, STATE_COLORS, STATE_KEYS } from './dossier-labels';
import { FindingsCard } from '../review/FindingsCard';
import { IssuesCard } from './IssuesCard';
import { PrintPreview, type PreviewFilter } from './PrintPreview';
import { ReorderModal } from './ReorderModal';
import { ExportModal } from './ExportModal';
import { CorrectModal, SealModal } from './SealModal';
import { VolumeCard } from './VolumeCard';
import './dossier.css';

type Tab = 'structure' | 'preview';

/**
 * 卷宗 of one case: the dossier as it will be bound (volumes, covers, 卷内目录 with page ranges, AV
 * sheets, 备考表), the checks before 归档, reorder, 归档 and 更正 with the version history, and an A4
 * print preview drawn from the page model. Read-only roles see the same without the write buttons.
 */
export function DossierPage() {
  const { caseId: param } = useParams();
  const caseId = Number(param);
  const valid = Number.isInteger(caseId) && caseId > 0;
  const { t, locale } = useI18n();
  const { canWrite, user } = useSession();
  const canExport = mayCall(user?.role, 'dossier.export');
  const navigate = useNavigate();

  const [profileId, setProfileId] = useState<string | undefined>();
  const [versionNo, setVersionNo] = useState<number | undefined>();
  const [view, setView] = useState<DossierView>();
  const [error, setError] = useState<ClientError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const [tab, setTab] = useState<Tab>('structure');
  const [modal, setModal] = useState<'reorder' | 'seal' | 'correct' | 'export' | null>(null);
  const [previewVolume, setPreviewVolume] = useState(1);
  const [filter, setFilter] = useState<PreviewFilter>('all');
  const [zoom, setZoom] = useState(0.5);
  const [printing, setPrinting] = useState(false);
  const seq = useRef(0);
  // Only needed (with versionNo) to read an older version; a ref keeps it out of the load's triggers.
  const dossierIdRef = useRef<number | null>(null);
  useEffect(() => {
    dossierIdRef.current = view?.dossierId ?? null;
  }, [view]);

  const caseDetail = useQuery('case.get', { id: caseId }, { skip: !valid });
  const reloadCase = caseDetail.refetch;
  const profiles = useQuery('profile.list', {});

  const reload = useCallback(() => setTick((n) => n + 1), []);

  useEffect(() => {
    if (!valid) return;
    const mine = ++seq.current;
    setLoading(true);
    const dossierId = dossierIdRef.current;
    const load =
      versionNo !== undefined && dossierId !== null
        ? invoke('dossier.get', { dossierId, versionNo })
        : profileId
          ? invoke('dossier.preview', { caseId, profileId })
          : invoke('dossier.get', { caseId });
    load
      .then((v) => {
        if (mine !== seq.current) return;
        setView(v);
        setError(undefined);
        // A correction is sealed on the profile its sealed version used: preview it on that one.
        const sealedOn = v.status === 'draft' ? sealedVersion(v)?.profileId : null;
        if (versionNo === undefined && !profileId && sealedOn && sealedOn !== v.profile.id) setProfileId(sealedOn);
      })
      .catch((e: unknown) => {
        if (mine !== seq.current) return;
        setError(e instanceof ClientError ? e : new ClientError({ code: 'internal', message: String(e), messageZh: String(e) }));
      })
      .finally(() => mine === seq.current && setLoading(false));
  }, [caseId, valid, profileId, versionNo, tick]);

  useEffect(
    () =>
      onAppEvent((e) => {
        if (e.type === 'case.changed' && e.caseId === caseId) {
          reloadCase();
          if (versionNo === undefined) reload();
        }
      }),
    [caseId, versionNo, reload, reloadCase],
  );

  /** A write returns the live view on the draft's profile; re-preview when another profile is chosen. */
  const applyWrite = (v: DossierView) => {
    setModal(null);
    setVersionNo(undefined);
    if (profileId && v.status !== 'sealed' && v.profile.id !== profileId) reload();
    else setView(v);
    if (v.status === 'sealed') setProfileId(undefined);
  };

  const pageInfo = useMemo(() => {
    const m = new Map<number, PageInfo>();
    for (const d of caseDetail.data?.documents ?? []) for (const p of d.pages) m.set(p.id, p);
    return m;
  }, [caseDetail.data]);

  // Print: show the preview, let its images load, then open the print dialog.
  useEffect(() => {
    if (!printing) return;
    let cancelled = false;
    const run = async () => {
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const imgs = [...document.querySelectorAll<HTMLImageElement>('.dz-sheets img')];
      imgs.forEach((i) => (i.loading = 'eager'));
      await Promise.race([
        Promise.all(imgs.map((i) => (i.complete ? null : new Promise((r) => ((i.onload = r), (i.onerror = r)))))),
        new Promise((r) => setTimeout(r, 8000)),
      ]);
      if (!cancelled) window.print();
      if (!cancelled) setPrinting(false);
    };
    void run();
    return () => {
      cancelled = true;
    };
  }, [printing]);

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
  const latestVersionNo = view.versions.length ? view.versions[view.versions.length - 1]!.versionNo : undefined;
  const viewingOld = versionNo !== undefined && versionNo !== latestVersionNo;
  const sealed = view.status === 'sealed';
  const editable = canWrite && !sealed && view.scope === 'case' && !viewingOld;
  // dossier.reorder / dossier.acknowledge record against the archive's current profile only.
  const currentProfileId = profiles.data?.find((p) => p.isCurrent)?.id;
  const foreignProfile = !sealed && profileId !== undefined && currentProfileId !== undefined && profileId !== currentProfileId;
  const canRecord = editable && !foreignProfile;
  const { archiveNo, archiveCode } = archiveNumbers(view);
  const b = view.bound;
  const c = caseDetail.data;
  const open = view.blockers.length;
  const pv = view.pages.volumes.find((v) => v.index === previewVolume) ?? view.pages.volumes[0];
  const superseding = viewingOld ? view.versions.find((v) => v.supersedesId === view.version?.id) : undefined;

  const versionOptions = view.versions.map((v) => ({
    value: v.versionNo,
    label: t(v.status === 'sealed' ? 'dossier.version.sealed' : 'dossier.version.draft', {
      n: v.versionNo,
      at: v.sealedAt ? formatTime(v.sealedAt, locale).slice(0, 10) : '',
    }),
  }));

  const print = () => {
    setTab('preview');
    setPrinting(true);
  };

  return (
    <div className={`dossier-page${printing ? ' is-printing' : ''}`}>
      <div className="page-toolbar dz-no-print">
        <div className="toolbar-left">
          <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate('/dossier')} aria-label={t('dossier.backToList')} />
          <h2 className="page-title">{t('dossier.pageTitle', { title: b.title })}</h2>
          <Tag color={STATE_COLORS[state]} className="dz-state-tag">
            {t(STATE_KEYS[state])}
          </Tag>
          <Tag color={b.procedure === 'general' ? 'geekblue' : 'default'}>{t(PROCEDURE_KEYS[b.procedure])}</Tag>
          {loading && <Spin size="small" />}
        </div>
        <Space wrap size={6}>
          {view.caseId !== null && (
            <Button icon={<FolderOpenOutlined />} onClick={() => navigate(`/cases/${view.caseId}`)}>
              {t('dossier.openCase')}
            </Button>
          )}
          {!sealed && !viewingOld && (profiles.data?.length ?? 0) > 1 && (
            <Select
              className="dz-profile-select"
              value={profileId ?? view.profile.id}
              style={{ width: 260 }}
              popupMatchSelectWidth={false}
              onChange={(v: string) => setProfileId(v)}
              aria-label={t('dossier.field.profile')}
              options={(profiles.data ?? []).filter((p) => p.hasBinding).map((p) => ({ value: p.id, label: `${p.name}（${p.version}）` }))}
            />
          )}
          {view.versions.length > 1 && (
            <Select
              className="dz-version-select"
              value={versionNo ?? latestVersionNo}
              style={{ width: 190 }}
              onChange={(v: number) => setVersionNo(v === latestVersionNo ? undefined : v)}
              aria-label={t('dossier.version.label')}
              options={versionOptions}
            />
          )}
          <Button icon={<ReloadOutlined />} onClick={reload} aria-label={t('dossier.refresh')} />
          <Button icon={<PrinterOutlined />} onClick={print}>
            {t('dossier.print')}
          </Button>
          {canExport && sealed && (
            <Tooltip title={t('export.openTip')}>
              <Button className="dz-btn-export" icon={<ExportOutlined />} onClick={() => setModal('export')}>
                {t('export.open')}
              </Button>
            </Tooltip>
          )}
          {canRecord && (
            <Button className="dz-btn-reorder" icon={<DragOutlined />} onClick={() => setModal('reorder')}>
              {t('dossier.reorder.open')}
            </Button>
          )}
          {editable && (
            <Tooltip title={view.canSeal ? undefined : t('dossier.seal.blockedTip', { n: open })}>
              <Button className="dz-btn-seal" type="primary" icon={<LockOutlined />} disabled={!view.canSeal} onClick={() => setModal('seal')}>
                {t('dossier.seal.open')}
              </Button>
            </Tooltip>
          )}
          {canWrite && sealed && !viewingOld && view.scope === 'case' && (
            <Button className="dz-btn-correct" icon={<EditOutlined />} onClick={() => setModal('correct')}>
              {t('dossier.correct.open')}
            </Button>
          )}
        </Space>
      </div>

      <div className="dz-no-print">
        {sealed && !viewingOld && (
          <Alert
            type="success"
            showIcon
            icon={<LockOutlined />}
            className="dz-sealed-banner section-card"
            title={t('dossier.sealedBanner', {
              archiveNo: archiveNo ?? '—',
              archiveCode: archiveCode ?? t('dossier.archiveCodePending'),
              at: formatTime(view.version?.sealedAt, locale),
              by: view.version?.sealedBy ?? '—',
            })}
            description={
              <span>
                {t('dossier.frozen')}
                {view.version?.boundSha256 && <span className="hash dz-sha"> SHA-256 {view.version.boundSha256}</span>}
              </span>
            }
          />
        )}
        {viewingOld && view.version && (
          <Alert
            type="info"
            showIcon
            className="section-card"
            title={t('dossier.version.oldBanner', { n: view.version.versionNo, next: superseding?.versionNo ?? latestVersionNo ?? '' })}
            description={superseding?.correctionReason ? t('dossier.version.reason', { reason: superseding.correctionReason }) : undefined}
            action={
              <Button size="small" onClick={() => setVersionNo(undefined)}>
                {t('dossier.version.backToCurrent')}
              </Button>
            }
          />
        )}
        {state === 'correcting' && view.version && (
          <Alert
            type="warning"
            showIcon
            className="section-card"
            title={t('dossier.correctingBanner', { n: view.version.versionNo, reason: view.version.correctionReason ?? '—', by: view.version.openedBy })}
          />
        )}
        {error && <ErrorAlert error={error} style={{ marginBottom: 10 }} />}

        <Descriptions
          size="small"
          bordered
          className="section-card dz-summary"
          column={{ xs: 1, md: 2, lg: 3, xl: 6 }}
          styles={{ label: { whiteSpace: 'nowrap' } }}
          items={[
            { key: 'caseNo', label: t('dossier.field.caseNo'), children: view.caseNo ?? '—' },
            {
              key: 'profile',
              label: t('dossier.field.profile'),
              span: 2,
              children: `${view.profile.name}（${view.profile.version}）`,
            },
            { key: 'retention', label: t('dossier.field.retention'), children: b.retention.label },
            { key: 'archiveNo', label: t('dossier.field.archiveNo'), children: <b className="dz-archive-no">{dash(archiveNo)}</b> },
            { key: 'archiveCode', label: t('dossier.field.archiveCode'), children: <b className="dz-archive-code">{dash(archiveCode)}</b> },
            {
              key: 'totals',
              label: t('dossier.field.totals'),
              span: 2,
              children: t('dossier.totalsVolumes', { volumes: b.totals.volumes, docs: b.totals.documents, av: b.totals.avItems, pages: b.totals.pages }),
            },
            { key: 'filingDue', label: t('dossier.field.filingDue'), children: dash(b.filingDue) },
            { key: 'preparer', label: t('dossier.field.preparer'), children: dash(b.volumes[0]?.beikao.preparer) },
            { key: 'preparedOn', label: t('dossier.field.preparedOn'), children: dash(b.preparedOn) },
            { key: 'checker', label: t('dossier.field.checker'), children: dash(view.version?.checker ?? b.volumes[0]?.beikao.checker) },
          ]}
        />

        {foreignProfile && <Alert type="info" showIcon className="section-card" title={t('dossier.foreignProfile', { name: view.profile.name })} />}
        <IssuesCard view={view} editable={canRecord} onChanged={applyWrite} />
        {view.caseId !== null && <FindingsCard caseId={view.caseId} />}
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
            children:
              b.volumes.length === 0 ? (
                <Empty description={t('dossier.noDocuments')} />
              ) : (
                b.volumes.map((v) => (
                  <VolumeCard key={v.index} volume={v} deviations={b.deviations} issues={b.issues} numbering={b.numbering} pageInfo={pageInfo} />
                ))
              ),
          },
          {
            key: 'preview',
            label: (
              <span>
                <PrinterOutlined /> {t('dossier.tab.preview')}
              </span>
            ),
            children: (
              <div className="dz-preview">
                <div className="dz-preview-bar dz-no-print">
                  {view.pages.volumes.length > 1 && (
                    <Segmented<number>
                      size="small"
                      value={pv?.index ?? 1}
                      onChange={setPreviewVolume}
                      options={view.pages.volumes.map((v) => ({ value: v.index, label: v.label || t('dossier.volume.n', { n: v.index }) }))}
                    />
                  )}
                  <Segmented<PreviewFilter>
                    size="small"
                    value={filter}
                    onChange={setFilter}
                    options={[
                      { value: 'all', label: t('dossier.preview.all') },
                      { value: 'sheets', label: t('dossier.preview.sheets') },
                    ]}
                  />
                  <Segmented<number>
                    size="small"
                    value={zoom}
                    onChange={setZoom}
                    options={[
                      { value: 0.35, label: '35%' },
                      { value: 0.5, label: '50%' },
                      { value: 0.75, label: '75%' },
                      { value: 1, label: '100%' },
                    ]}
                  />
                  <span className="muted">
                    {pv && t('dossier.preview.count', { sheets: pv.pages.length, numbered: pv.pages.filter((p) => p.number !== null).length })}
                  </span>
                  <Button size="small" type="primary" icon={<PrinterOutlined />} onClick={print}>
                    {t('dossier.print')}
                  </Button>
                </div>
                {pv ? <PrintPreview volume={pv} filter={filter} zoom={printing ? 1 : zoom} pageInfo={pageInfo} /> : <Empty />}
              </div>
            ),
          },
        ]}
      />

      {c === undefined && caseDetail.error && <ErrorAlert error={caseDetail.error} style={{ marginTop: 10 }} />}

      {modal === 'reorder' && <ReorderModal view={view} onClose={() => setModal(null)} onSaved={applyWrite} />}
      {modal === 'seal' && <SealModal view={view} profileId={profileId} onClose={() => setModal(null)} onSealed={applyWrite} />}
      {modal === 'export' && <ExportModal view={view} onClose={() => setModal(null)} />}
      {modal === 'correct' && <CorrectModal view={view} onClose={() => setModal(null)} onOpened={applyWrite} />}
    </div>
  );
}
