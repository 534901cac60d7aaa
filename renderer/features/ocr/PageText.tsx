import { FileTextOutlined } from '@ant-design/icons';
import { Button, Col, Modal, Row, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { PageInfo } from '../../../src/api/types';
import type { OcrPageTextInfo } from '../../../src/api/types-ocr';
import { mediaUrl } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

/** Types a browser can show at full size (a TIFF page shows its thumbnail). */
const VIEWABLE = new Set(['image/jpeg', 'image/png']);

/** What ocr.pageText says of a PDF page (PDF pages carry their own text and are not read). */
const FROM_PDF = /^not a scanned image/;

export function confidenceText(value: number | null): string {
  return value === null ? '—' : `${(Math.round(value * 10) / 10).toFixed(1)}%`;
}

/** A page's recognised text: 已识别 / 未识别 / 识别失败（原因）, its confidence, 需人工查看 when flagged, the text. */
export function PageTextView({ pageId }: { pageId: number }) {
  const { t } = useI18n();
  const q = useQuery('ocr.pageText', { pageId }, { invalidateOn: (e) => e.type === 'job.progress' && e.op === 'ocr.run' && e.state !== 'running' });
  if (q.error && !q.data) return <ErrorAlert error={q.error} />;
  const r = q.data;
  if (!r) return <Spin />;
  return (
    <div className="ocr-page-text" data-ocr-status={r.status}>
      <Space size={6} wrap style={{ marginBottom: 8 }}>
        <StatusTag info={r} />
        {r.status === 'done' && <span className="muted">{t('ocr.page.confidence', { value: confidenceText(r.confidence) })}</span>}
        {r.flagged && (
          <Tooltip title={t('ocr.page.flaggedHint')}>
            <Tag color="warning" className="ocr-flagged-tag">
              {t('ocr.page.flagged')}
            </Tag>
          </Tooltip>
        )}
      </Space>
      {r.status === 'pending' && <p className="muted">{t('ocr.page.pendingHint')}</p>}
      {r.status === 'done' && (
        <Typography.Paragraph className="ocr-text-body" style={{ whiteSpace: 'pre-wrap', maxHeight: 560, overflow: 'auto', marginBottom: 8 }}>
          {r.text.trim() ? r.text : <span className="muted">{t('ocr.page.empty')}</span>}
        </Typography.Paragraph>
      )}
      {r.engine && <div className="muted ocr-engine">{t('ocr.page.engine', { engine: r.engine })}</div>}
    </div>
  );
}

function StatusTag({ info }: { info: OcrPageTextInfo }) {
  const { t } = useI18n();
  if (info.status === 'done') return <Tag color="success">{t('ocr.page.done')}</Tag>;
  if (info.status === 'pending') return <Tag>{t('ocr.page.pending')}</Tag>;
  if (info.error && FROM_PDF.test(info.error)) return <Tag>{t('ocr.page.pdf')}</Tag>;
  return <Tag color="error">{info.error ? t('ocr.page.failedReason', { reason: info.error }) : t('ocr.page.failed')}</Tag>;
}

/** One page opened: its image beside its recognised text. */
export function PageTextModal({ pageId, page, title, onClose }: { pageId: number; page?: PageInfo; title: string; onClose: () => void }) {
  const { t } = useI18n();
  const src = page && page.hasThumb && VIEWABLE.has(page.mediaType) ? mediaUrl('file', page.fileId) : mediaUrl('page-thumb', pageId);
  return (
    <Modal open title={title} width={1100} footer={null} onCancel={onClose} destroyOnHidden className="ocr-page-modal">
      <Row gutter={16}>
        <Col span={12}>
          <img src={src} alt={title} style={{ width: '100%', border: '1px solid #f0f0f0' }} />
        </Col>
        <Col span={12}>
          <h4 style={{ marginTop: 0 }}>{t('ocr.page.text')}</h4>
          <PageTextView pageId={pageId} />
        </Col>
      </Row>
    </Modal>
  );
}

/** The 文字 button under a scanned page's thumbnail: opens the page with its recognised text. */
export function PageTextButton({ page, docTitle }: { page: PageInfo; docTitle?: string }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  if (!page.mediaType.startsWith('image/')) return null;
  return (
    <>
      <Tooltip title={t('ocr.page.buttonTip')}>
        <Button size="small" type="link" icon={<FileTextOutlined />} className="ocr-page-button" onClick={() => setOpen(true)} style={{ paddingInline: 2 }}>
          {t('ocr.page.button')}
        </Button>
      </Tooltip>
      {open && (
        <PageTextModal
          pageId={page.id}
          page={page}
          title={docTitle ? t('ocr.page.title', { title: docTitle, page: page.seq }) : t('ocr.page.titleNoDoc', { page: page.seq })}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
