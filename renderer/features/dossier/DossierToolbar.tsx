import {
  ArrowLeftOutlined,
  DragOutlined,
  EditOutlined,
  ExportOutlined,
  FolderOpenOutlined,
  LockOutlined,
  PrinterOutlined,
  ReloadOutlined,
} from '@ant-design/icons';
import { Button, Select, Space, Spin, Tag, Tooltip } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { DossierView, ProfileSummary } from '../../../src/api/types-dossier';
import { PROCEDURE_KEYS } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import type { DossierAbilities } from './dossier-abilities';
import { formatTime, STATE_COLORS, STATE_KEYS, type DossierState } from './dossier-labels';
import type { DossierDialog } from './DossierDialogs';

export interface DossierToolbarProps {
  view: DossierView;
  state: DossierState;
  can: DossierAbilities;
  loading: boolean;
  profiles: ProfileSummary[] | undefined;
  profileId: string | undefined;
  versionNo: number | undefined;
  onProfile: (id: string) => void;
  onVersion: (n: number) => void;
  onReload: () => void;
  onPrint: () => void;
  onOpen: (dialog: DossierDialog) => void;
}

/** The page's title line: state and procedure tags, profile and version selects, and the actions the role may take. */
export function DossierToolbar({
  view,
  state,
  can,
  loading,
  profiles,
  profileId,
  versionNo,
  onProfile,
  onVersion,
  onReload,
  onPrint,
  onOpen,
}: DossierToolbarProps) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const b = view.bound;
  const versionOptions = view.versions.map((v) => ({
    value: v.versionNo,
    label: t(v.status === 'sealed' ? 'dossier.version.sealed' : 'dossier.version.draft', {
      n: v.versionNo,
      at: v.sealedAt ? formatTime(v.sealedAt, locale).slice(0, 10) : '',
    }),
  }));
  return (
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
        {!can.sealed && !can.viewingOld && (profiles?.length ?? 0) > 1 && (
          <Select
            className="dz-profile-select"
            value={profileId ?? view.profile.id}
            style={{ width: 260 }}
            popupMatchSelectWidth={false}
            onChange={onProfile}
            aria-label={t('dossier.field.profile')}
            options={(profiles ?? []).filter((p) => p.hasBinding).map((p) => ({ value: p.id, label: `${p.name}（${p.version}）` }))}
          />
        )}
        {view.versions.length > 1 && (
          <Select
            className="dz-version-select"
            value={versionNo ?? can.latestVersionNo}
            style={{ width: 190 }}
            onChange={onVersion}
            aria-label={t('dossier.version.label')}
            options={versionOptions}
          />
        )}
        <Button icon={<ReloadOutlined />} onClick={onReload} aria-label={t('dossier.refresh')} />
        <Button icon={<PrinterOutlined />} onClick={onPrint}>
          {t('dossier.print')}
        </Button>
        {can.canExport && (
          <Tooltip title={t('export.openTip')}>
            <Button className="dz-btn-export" icon={<ExportOutlined />} onClick={() => onOpen('export')}>
              {t('export.open')}
            </Button>
          </Tooltip>
        )}
        {can.canRecord && (
          <Button className="dz-btn-reorder" icon={<DragOutlined />} onClick={() => onOpen('reorder')}>
            {t('dossier.reorder.open')}
          </Button>
        )}
        {can.editable && (
          <Tooltip title={view.canSeal ? undefined : t('dossier.seal.blockedTip', { n: view.blockers.length })}>
            <Button className="dz-btn-seal" type="primary" icon={<LockOutlined />} disabled={!view.canSeal} onClick={() => onOpen('seal')}>
              {t('dossier.seal.open')}
            </Button>
          </Tooltip>
        )}
        {can.canCorrect && (
          <Button className="dz-btn-correct" icon={<EditOutlined />} onClick={() => onOpen('correct')}>
            {t('dossier.correct.open')}
          </Button>
        )}
      </Space>
    </div>
  );
}
