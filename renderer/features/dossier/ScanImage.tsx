import { FileExclamationOutlined } from '@ant-design/icons';
import { useEffect, useRef, useState } from 'react';
import type { PageInfo } from '../../../src/api/types';
import { mediaUrl } from '../../bridge/client';
import { renderPdfPage } from '../cases/pdf-render';

/**
 * A stored page as a picture: its thumbnail, or — for a PDF page that has none — the page drawn by
 * pdf.js when it scrolls into view. `info` comes from the case's page list; without it (a page of
 * another case in a batch volume) the thumbnail is tried.
 */
export function ScanImage({ pageId, info, width, height, alt }: { pageId: number; info: PageInfo | undefined; width: number; height: number; alt: string }) {
  const [failed, setFailed] = useState(false);
  if (info && info.mediaType === 'application/pdf' && !info.hasThumb) {
    return <PdfCanvas fileId={info.fileId} pageNumber={info.sourcePage + 1} width={width} height={height} alt={alt} />;
  }
  if ((info && !info.hasThumb) || failed || pageId <= 0) {
    return <FileExclamationOutlined className="dz-scan-missing" />;
  }
  return <img src={mediaUrl('page-thumb', pageId)} alt={alt} loading="lazy" className="dz-scan-img" onError={() => setFailed(true)} />;
}

function PdfCanvas({ fileId, pageNumber, width, height, alt }: { fileId: number; pageNumber: number; width: number; height: number; alt: string }) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<'waiting' | 'done' | 'failed'>('waiting');

  useEffect(() => {
    const el = canvas.current;
    const watched = box.current;
    if (!el || !watched) return;
    let cancelled = false;
    const draw = () =>
      renderPdfPage(mediaUrl('file', fileId), pageNumber, el, width, height)
        .then(() => !cancelled && setState('done'))
        .catch(() => !cancelled && setState('failed'));
    if (typeof IntersectionObserver === 'undefined') {
      void draw();
      return () => {
        cancelled = true;
      };
    }
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        io.disconnect();
        void draw();
      }
    });
    io.observe(watched);
    return () => {
      cancelled = true;
      io.disconnect();
    };
  }, [fileId, pageNumber, width, height]);

  return (
    <div ref={box} className="dz-scan-pdf">
      <canvas ref={canvas} aria-label={alt} style={{ display: state === 'done' ? 'block' : 'none' }} />
      {state === 'failed' && <FileExclamationOutlined className="dz-scan-missing" />}
    </div>
  );
}
