import { FileExclamationOutlined } from '@ant-design/icons';
import { App, Checkbox, Image, Segmented, Spin, Tag, Tooltip } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { PageInfo, PageSide } from '../../../src/api/types';
import { invoke, mediaUrl } from '../../bridge/client';
import { useI18n } from '../../i18n/I18nProvider';
import { PageTextButton } from '../ocr/PageText';
import { renderPdfPage } from './pdf-render';

const FRAME_W = 122;
const FRAME_H = 166;
/** Types a browser can show as the full-size preview (TIFF originals preview the thumbnail). */
const VIEWABLE = new Set(['image/jpeg', 'image/png']);

/** One page: its image (or the PDF page drawn by pdf.js), 正面/背面 and 空白. */
export function PageThumb({
  page,
  canWrite,
  onChange,
  docTitle,
}: {
  page: PageInfo;
  canWrite: boolean;
  onChange: (p: PageInfo) => void;
  /** The document's title, for the page's text view (识别文字). */
  docTitle?: string;
}) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const label = t('page.label', { n: page.seq });

  const update = async (patch: { side?: PageSide; blank?: boolean }) => {
    setBusy(true);
    try {
      onChange(await invoke('page.update', { id: page.id, ...patch }));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const isPdf = page.mediaType === 'application/pdf' && !page.hasThumb;
  return (
    <div className={`thumb-card${page.blank ? ' is-blank' : ''}`} data-page-id={page.id}>
      <div className="thumb-frame">
        {isPdf ? (
          <PdfThumb fileId={page.fileId} pageNumber={page.sourcePage + 1} label={label} />
        ) : page.hasThumb ? (
          <Image
            src={mediaUrl('page-thumb', page.id)}
            alt={label}
            className="thumb-img"
            preview={{ src: VIEWABLE.has(page.mediaType) ? mediaUrl('file', page.fileId) : mediaUrl('page-thumb', page.id) }}
          />
        ) : (
          <FileExclamationOutlined style={{ fontSize: 28, color: '#bfbfbf' }} />
        )}
      </div>
      <div className="thumb-meta">
        <span>{label}</span>
        <PageTextButton page={page} {...(docTitle ? { docTitle } : {})} />
        {page.blankSuggested && !page.blank && (
          <Tooltip title={t('page.blankSuggested')}>
            <Tag color="warning" style={{ marginInlineEnd: 0 }}>
              {t('page.blankSuggested')}
            </Tag>
          </Tooltip>
        )}
      </div>
      <div className="thumb-controls">
        <Segmented<PageSide>
          size="small"
          value={page.side}
          disabled={!canWrite || busy}
          onChange={(side) => void update({ side })}
          options={[
            { value: 'front', label: t('page.front') },
            { value: 'back', label: t('page.back') },
          ]}
        />
        <Checkbox checked={page.blank} disabled={!canWrite || busy} onChange={(e) => void update({ blank: e.target.checked })}>
          {t('page.blank')}
        </Checkbox>
      </div>
    </div>
  );
}

/** Draws a PDF page when it scrolls into view. */
function PdfThumb({ fileId, pageNumber, label }: { fileId: number; pageNumber: number; label: string }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'waiting' | 'drawing' | 'done' | 'failed'>('waiting');

  useEffect(() => {
    const el = canvas.current;
    const watched = box.current;
    if (!el || !watched) return;
    let cancelled = false;
    const draw = () => {
      setState('drawing');
      renderPdfPage(mediaUrl('file', fileId), pageNumber, el, FRAME_W, FRAME_H)
        .then(() => !cancelled && setState('done'))
        .catch(() => !cancelled && setState('failed'));
    };
    if (typeof IntersectionObserver === 'undefined') {
      draw();
      return () => {
        cancelled = true;
      };
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        draw();
      }
    });
    io.observe(watched);
    return () => {
      cancelled = true;
      io.disconnect();
    };
  }, [fileId, pageNumber]);

  return (
    <div ref={box} className="thumb-pdf-box">
      <canvas ref={canvas} aria-label={label} className="thumb-pdf" style={{ display: state === 'done' ? 'block' : 'none' }} />
      {state === 'drawing' && <Spin size="small" />}
      {state === 'failed' && (
        <Tooltip title={t('page.pdfPage', { n: pageNumber })}>
          <span className="muted">{t('page.renderFailed')}</span>
        </Tooltip>
      )}
      {state === 'waiting' && <span className="muted">{t('page.pdfPage', { n: pageNumber })}</span>}
    </div>
  );
}
