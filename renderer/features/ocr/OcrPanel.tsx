import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Progress, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { DocumentInfo, PageInfo } from '../../../src/api/types';
import type { OcrFlaggedPage, OcrRunInfo } from '../../../src/api/types-ocr';
import { ClientError, invoke } from '../../bridge/client';
import { mayCall } from '../../bridge/permissions';
import { useJob, type JobState } from '../../bridge/use-job';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { confidenceText, PageTextModal } from './PageText';

interface PageRef {
  page: PageInfo;
  docTitle: string;
}

/** While a background run goes, the counts are re-read this often (a background run's progress events are not tied to this case). */
const BACKGROUND_POLL_MS = 3000;

/**
 * 扫描页文字识别 on the case page: how many of the case's scanned pages are read, 识别文字 (ocr.run as a
 * job with progress and 取消), the background run when one goes, and the pages a person should look
 * at, each opening its text. `?page=<pageId>` in the address opens that page's text.
 */
export function OcrPanel({ caseId, documents }: { caseId: number; documents: DocumentInfo[] }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const { job, begin, end, cancel } = useJob();
  const [last, setLast] = useState<OcrRunInfo>();
  const [error, setError] = useState<unknown>();
  const status = useQuery(
    'ocr.status',
    { caseId },
    {
      invalidateOn: (e) => (e.type === 'job.progress' && e.op === 'ocr.run') || (e.type === 'case.changed' && e.caseId === caseId),
      pollWhile: (s) => s.backgroundJobId !== null,
      pollMs: BACKGROUND_POLL_MS,
    },
  );
  const pages = useMemo(() => {
    const m = new Map<number, PageRef>();
    for (const d of documents) for (const p of d.pages) m.set(p.id, { page: p, docTitle: d.title });
    return m;
  }, [documents]);

  const opened = Number(params.get('page'));
  const openPage = (pageId: number) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('page', String(pageId));
        return next;
      },
      { replace: true },
    );
  const closePage = () =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const run = async () => {
    setError(undefined);
    setLast(undefined);
    const jobId = begin();
    try {
      const r = await invoke('ocr.run', { caseId, jobId });
      setLast(r);
      if (r.cancelled) message.info(t('ocr.panel.cancelled'));
    } catch (e) {
      if (e instanceof ClientError && e.code === 'cancelled') message.info(t('ocr.panel.cancelled'));
      else setError(e);
    } finally {
      end();
      status.refetch();
    }
  };

  const cancelBackground = async (jobId: string) => {
    try {
      await invoke('job.cancel', { jobId });
      status.refetch();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const s = status.data;
  const background = s?.backgroundJobId ?? null;
  const flaggedColumns: TableColumnsType<OcrFlaggedPage> = [
    { title: t('doc.col.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('doc.col.pages'),
      width: 90,
      render: (_, f) => t('ocr.panel.flaggedPage', { page: pages.get(f.pageId)?.page.seq ?? f.page }),
    },
    {
      title: t('ocr.page.text'),
      width: 260,
      render: (_, f) =>
        f.status === 'failed' ? (
          <Tag color="error">{f.error ? t('ocr.page.failedReason', { reason: f.error }) : t('ocr.page.failed')}</Tag>
        ) : (
          t('ocr.page.confidence', { value: confidenceText(f.confidence) })
        ),
    },
    {
      title: '',
      width: 100,
      render: (_, f) => (
        <Button size="small" type="link" onClick={() => openPage(f.pageId)}>
          {t('ocr.panel.open')}
        </Button>
      ),
    },
  ];

  const openedRef = pages.get(opened);
  return (
    <Card
      size="small"
      className="section-card ocr-panel"
      title={t('ocr.panel.title')}
      extra={
        mayCall(user?.role, 'ocr.run') && (
          <Button icon={<FileSearchOutlined />} disabled={!!job} loading={!!job} onClick={() => void run()}>
            {t('ocr.panel.run')}
          </Button>
        )
      }
    >
      <ErrorAlert error={error ?? (s ? undefined : status.error)} style={{ marginBottom: 8 }} />
      {!s ? (
        <Spin size="small" />
      ) : (
        <>
          <div className="ocr-summary">
            {s.pages === 0 ? (
              <span className="muted">{t('ocr.panel.noScans')}</span>
            ) : (
              <Space size={8} wrap>
                <span>{t('ocr.panel.summary', { done: s.done, pages: s.pages, pending: s.pending, flagged: s.flagged })}</span>
                {s.failed > 0 && <Tag color="error">{t('ocr.panel.failedCount', { failed: s.failed })}</Tag>}
              </Space>
            )}
          </div>
          <p className="muted" style={{ margin: '6px 0' }}>
            {t('ocr.panel.hint')}
          </p>
        </>
      )}
      {job && <OcrJobProgress job={job} onCancel={() => void cancel().catch((e: unknown) => message.error(errorText(e)))} />}
      {!job && background && (
        <div className="ocr-background">
          <Space>
            <Spin size="small" />
            <span>{t('ocr.panel.background')}</span>
            {/* Work no user started may be stopped by the writers (src/jobs/cancel-job.ts). */}
            {mayCall(user?.role, 'ocr.run') && (
              <Button size="small" danger onClick={() => void cancelBackground(background)}>
                {t('ocr.panel.cancelBackground')}
              </Button>
            )}
          </Space>
        </div>
      )}
      {last && !last.cancelled && (
        <Alert
          className="ocr-last-run"
          type="success"
          showIcon
          style={{ margin: '8px 0' }}
          title={last.pages === 0 ? t('ocr.panel.nothingToDo') : t('ocr.panel.finished', { pages: last.pages, flagged: last.flagged })}
        />
      )}
      {s && s.flaggedPages.length > 0 && (
        <>
          <h4 style={{ margin: '8px 0 6px' }}>{t('ocr.panel.flaggedTitle')}</h4>
          <Table<OcrFlaggedPage>
            className="ocr-flagged"
            rowKey="pageId"
            size="small"
            columns={flaggedColumns}
            dataSource={s.flaggedPages}
            pagination={s.flaggedPages.length > 20 ? { pageSize: 20, size: 'small' } : false}
            onRow={(f) => ({ onClick: () => openPage(f.pageId), style: { cursor: 'pointer' } })}
          />
        </>
      )}
      {opened > 0 && (
        <PageTextModal
          pageId={opened}
          {...(openedRef ? { page: openedRef.page } : {})}
          title={openedRef ? t('ocr.page.title', { title: openedRef.docTitle, page: openedRef.page.seq }) : t('ocr.page.titleNoDoc', { page: opened })}
          onClose={closePage}
        />
      )}
    </Card>
  );
}

/** Our own run: pages read of all, the page being read, and 取消. */
function OcrJobProgress({ job, onCancel }: { job: JobState; onCancel: () => void }) {
  const { t } = useI18n();
  const p = job.progress;
  const percent = p && p.itemsTotal > 0 ? Math.floor((p.itemsDone / p.itemsTotal) * 100) : 0;
  return (
    <div className="ocr-job-progress">
      <Space size={12} wrap>
        <span>{p ? t('ocr.panel.job.pages', { done: p.itemsDone, total: p.itemsTotal }) : t('ocr.panel.job.starting')}</span>
        {p?.active.map((a) => (
          <span key={a.name} className="muted">
            {t('ocr.panel.job.current', { item: a.name })}
          </span>
        ))}
      </Space>
      <Progress percent={percent} size="small" status={job.cancelling ? 'exception' : 'active'} />
      <div style={{ textAlign: 'right' }}>
        <Button danger size="small" onClick={onCancel} loading={job.cancelling}>
          {job.cancelling ? t('ocr.panel.job.cancelling') : t('ocr.panel.job.cancel')}
        </Button>
      </div>
    </div>
  );
}
