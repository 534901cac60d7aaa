import { PrinterOutlined } from '@ant-design/icons';
import { Button, Empty, Segmented } from 'antd';
import { useState } from 'react';
import type { PageInfo } from '../../../src/api/types';
import type { DossierView } from '../../../src/api/types-dossier';
import { useI18n } from '../../i18n/I18nProvider';
import { PrintPreview, type PreviewFilter } from './PrintPreview';

const ZOOMS = [0.35, 0.5, 0.75, 1] as const;

/** The A4 print preview of one volume, with its volume, filter and zoom choices; printing draws at 100 %. */
export function DossierPreviewTab({
  view,
  pageInfo,
  printing,
  onPrint,
}: {
  view: DossierView;
  pageInfo: Map<number, PageInfo>;
  printing: boolean;
  onPrint: () => void;
}) {
  const { t } = useI18n();
  const [volume, setVolume] = useState(1);
  const [filter, setFilter] = useState<PreviewFilter>('all');
  const [zoom, setZoom] = useState(0.5);
  const pv = view.pages.volumes.find((v) => v.index === volume) ?? view.pages.volumes[0];
  return (
    <div className="dz-preview">
      <div className="dz-preview-bar dz-no-print">
        {view.pages.volumes.length > 1 && (
          <Segmented<number>
            size="small"
            value={pv?.index ?? 1}
            onChange={setVolume}
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
        <Segmented<number> size="small" value={zoom} onChange={setZoom} options={ZOOMS.map((z) => ({ value: z, label: `${Math.round(z * 100)}%` }))} />
        <span className="muted">
          {pv && t('dossier.preview.count', { sheets: pv.pages.length, numbered: pv.pages.filter((p) => p.number !== null).length })}
        </span>
        <Button size="small" type="primary" icon={<PrinterOutlined />} onClick={onPrint}>
          {t('dossier.print')}
        </Button>
      </div>
      {pv ? <PrintPreview volume={pv} filter={filter} zoom={printing ? 1 : zoom} pageInfo={pageInfo} /> : <Empty />}
    </div>
  );
}
