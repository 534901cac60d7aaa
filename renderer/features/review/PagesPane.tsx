import { Card, Select, Slider, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PageInfo } from '../../../src/api/types';
import type { PageModelVolume } from '../../../src/binding/page-model';
import { useI18n } from '../../i18n/I18nProvider';
import { PrintPreview } from '../dossier/PrintPreview';

/** Where to open the pages: a page number as bound (and its volume), or a document's first page; `seq` re-opens the same place. */
export interface PageTarget {
  page: number | null;
  volume?: number;
  documentId?: number;
  seq: number;
}

/** The volume and index of the sheet a target names, or null when the dossier has no such page. */
export function locatePage(volumes: readonly PageModelVolume[], t: PageTarget): { volume: number; index: number; number: number | null } | null {
  const ordered = t.volume === undefined ? volumes : [...volumes].sort((a, b) => (a.index === t.volume ? -1 : b.index === t.volume ? 1 : 0));
  for (const byDocument of [true, false]) {
    for (const v of ordered) {
      const index = v.pages.findIndex((p) =>
        byDocument
          ? t.documentId !== undefined && p.kind === 'document' && p.document.documentId === t.documentId && (t.page === null || p.number === t.page)
          : t.page !== null && p.number === t.page,
      );
      if (index >= 0) return { volume: v.index, index, number: v.pages[index]!.number };
    }
  }
  return null;
}

/**
 * The dossier's pages as bound (thumbnails of every sheet, zoom, the page numbers as stamped), opened
 * at a target: that sheet is scrolled into view and marked, and its number shown (第 N 页).
 */
export function PagesPane({
  volumes,
  pageInfo,
  target,
  title,
  height,
}: {
  volumes: readonly PageModelVolume[] | undefined;
  pageInfo: ReadonlyMap<number, PageInfo>;
  target: PageTarget | null;
  title: string;
  height: string;
}) {
  const { t } = useI18n();
  const [volume, setVolume] = useState(1);
  const [zoom, setZoom] = useState(0.5);
  const [at, setAt] = useState<{ volume: number; index: number; number: number | null } | null>(null);
  const pagesRef = useRef<HTMLDivElement>(null);
  const vol = volumes?.find((v) => v.index === volume) ?? volumes?.[0];

  useEffect(() => {
    if (!target || !volumes) return;
    const found = locatePage(volumes, target);
    setAt(found);
    if (found) setVolume(found.volume);
  }, [target, volumes]);

  // After the volume is drawn: scroll the target sheet into view and mark it.
  useEffect(() => {
    if (!at || vol?.index !== at.volume) return;
    const id = requestAnimationFrame(() => {
      const root = pagesRef.current;
      const el = root?.querySelectorAll('.dz-sheet-wrap')[at.index];
      root?.querySelectorAll('.rv-current').forEach((x) => x.classList.remove('rv-current'));
      if (el) {
        el.classList.add('rv-current');
        el.scrollIntoView({ block: 'start' });
      }
    });
    return () => cancelAnimationFrame(id);
  }, [at, vol]);

  return (
    <Card
      size="small"
      title={title}
      extra={
        <Space>
          {(volumes?.length ?? 0) > 1 && (
            <Select
              size="small"
              value={vol?.index}
              onChange={setVolume}
              options={volumes?.map((v) => ({ value: v.index, label: t('review.ws.volume', { n: v.index }) }))}
            />
          )}
          <span data-testid="current-page">{at ? t('review.ws.page', { page: at.number ?? '—' }) : target ? t('review.ws.noSuchPage') : ''}</span>
          <span>{t('review.ws.zoom')}</span>
          <Slider style={{ width: 100 }} min={0.25} max={1.2} step={0.05} value={zoom} onChange={setZoom} />
        </Space>
      }
    >
      <div ref={pagesRef} className="rv-pages" style={{ height, overflow: 'auto' }}>
        {vol ? <PrintPreview volume={vol} filter="all" zoom={zoom} pageInfo={pageInfo} /> : <Card loading />}
      </div>
    </Card>
  );
}
