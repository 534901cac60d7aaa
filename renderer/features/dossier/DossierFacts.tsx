import { Descriptions } from 'antd';
import type { DossierView } from '../../../src/api/types-dossier';
import { useI18n } from '../../i18n/I18nProvider';
import { archiveNumbers, dash } from './dossier-labels';

/** The dossier's facts: 案号, profile, 保管期限, 归档号/档号, totals, 归档期限, 立卷人/时间, 检查人. */
export function DossierFacts({ view }: { view: DossierView }) {
  const { t } = useI18n();
  const b = view.bound;
  const { archiveNo, archiveCode } = archiveNumbers(view);
  return (
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
  );
}
