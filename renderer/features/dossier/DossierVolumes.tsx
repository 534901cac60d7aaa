import { Empty } from 'antd';
import type { PageInfo } from '../../../src/api/types';
import type { DossierView } from '../../../src/api/types-dossier';
import { useI18n } from '../../i18n/I18nProvider';
import { VolumeCard } from './VolumeCard';

/** The 卷宗结构 tab: one card per volume (cover facts, 卷内目录 with page ranges, AV items, 备考表). */
export function DossierVolumes({ view, pageInfo }: { view: DossierView; pageInfo: Map<number, PageInfo> }) {
  const { t } = useI18n();
  const b = view.bound;
  if (b.volumes.length === 0) return <Empty description={t('dossier.noDocuments')} />;
  return (
    <>
      {b.volumes.map((v) => (
        <VolumeCard key={v.index} volume={v} deviations={b.deviations} issues={b.issues} numbering={b.numbering} pageInfo={pageInfo} />
      ))}
    </>
  );
}
