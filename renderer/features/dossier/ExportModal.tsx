import { CheckCircleFilled, ExportOutlined } from '@ant-design/icons';
import { App, Checkbox, Descriptions, Form, Modal, Progress, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { DossierView } from '../../../src/api/types-dossier';
import type { DossierExportResult, ExportedVolume } from '../../../src/api/types-export';
import { ClientError, invoke } from '../../bridge/client';
import { useJob } from '../../bridge/use-job';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { digestColumn, fileSize } from '../../components/export-columns';
import { FolderField } from '../../components/FolderField';
import { JobDialogFooter } from '../../components/JobDialogFooter';
import { useI18n } from '../../i18n/I18nProvider';
import { FournessResult } from '../fourness/FournessResult';

/** The folder beside the archive folder: `<parent of archive>/exports`, in the archive path's own separator. */
export function suggestedExportFolder(archivePath: string): string {
  const sep = archivePath.includes('\\') && !archivePath.includes('/') ? '\\' : '/';
  const trimmed = archivePath.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return cut > 0 ? `${trimmed.slice(0, cut)}${sep}exports` : '';
}

/**
 * 导出: a sealed dossier version to PDF/A-2b volume files (and optionally the 移交包) in a folder the
 * user names. Shows pages done / total while it runs, cancels on 取消 (the core then leaves nothing),
 * and on success the output folder and each file with its pages and SHA-256 / SM3.
 */
export function ExportModal({ view, onClose }: { view: DossierView; onClose: () => void }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const info = useQuery('archive.info', {});
  const [out, setOut] = useState<string | undefined>();
  const [pkg, setPkg] = useState(false);
  const { job, begin, end, cancel: cancelJob } = useJob();
  const [result, setResult] = useState<DossierExportResult>();
  const [error, setError] = useState<unknown>();

  const folderName = view.version?.archiveCode ?? view.caseNo ?? view.bound.title;
  const pagesTotal = useMemo(() => view.pages.volumes.reduce((n, v) => n + v.pages.length, 0), [view]);
  const outValue = out ?? (info.data ? suggestedExportFolder(info.data.path) : '');

  const start = async () => {
    const folder = outValue.trim();
    if (!folder) return setError(new Error(t('export.outRequired')));
    const id = begin();
    setError(undefined);
    try {
      const key =
        view.dossierId !== null ? { dossierId: view.dossierId, ...(view.version ? { versionNo: view.version.versionNo } : {}) } : { caseId: view.caseId! };
      setResult(await invoke('dossier.export', { ...key, out: folder, package: pkg, jobId: id }));
    } catch (e) {
      if (e instanceof ClientError && e.code === 'cancelled') message.info(t('export.cancelled'));
      else setError(e);
    } finally {
      end();
    }
  };

  const cancel = () => void cancelJob().catch((e: unknown) => message.error(errorText(e)));

  const p = job?.progress;
  const percent = p && p.itemsTotal > 0 ? Math.round((p.itemsDone / p.itemsTotal) * 100) : 0;
  const packing = p !== null && p !== undefined && p.itemsDone >= pagesTotal && p.itemsTotal > pagesTotal;

  const columns = [
    { key: 'file', title: t('export.col.file'), render: (_: unknown, v: ExportedVolume) => <span className="dz-export-file">{v.file}</span> },
    { key: 'pages', title: t('export.col.pages'), dataIndex: 'pages', width: 70 },
    { key: 'size', title: t('export.col.size'), width: 90, render: (_: unknown, v: ExportedVolume) => fileSize(v.bytes) },
    digestColumn<ExportedVolume>(t('export.col.digests'), 'hash dz-export-digests'),
  ];

  const footer = (
    <JobDialogFooter
      phase={result ? 'done' : job ? 'running' : 'ready'}
      cancelling={job?.cancelling ?? false}
      onStart={() => void start()}
      onCancel={cancel}
      onClose={onClose}
      labels={{ start: t('export.start'), close: t('export.close'), cancel: t('export.cancel'), cancelling: t('export.cancelling') }}
      startIcon={<ExportOutlined />}
      classPrefix="dz-export"
    />
  );

  return (
    <Modal
      open
      className="dz-export-modal"
      title={t('export.modalTitle', { name: folderName })}
      width={820}
      onCancel={() => !job && onClose()}
      closable={!job}
      maskClosable={false}
      footer={footer}
    >
      {result ? (
        <div className="dz-export-result">
          <p className="dz-export-done">
            <CheckCircleFilled style={{ color: '#52c41a' }} /> <b>{t('export.done')}</b>{' '}
            <span className="muted">{t('export.doneDesc', { volumes: result.volumes.length, pages: result.pages, seconds: result.seconds })}</span>
          </p>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { whiteSpace: 'nowrap', width: 150 } }}
            items={[
              { key: 'folder', label: t('export.folder'), children: <code className="dz-export-folder">{result.folder}</code> },
              ...(result.package
                ? [
                    { key: 'package', label: t('export.packageFolder'), children: <code className="dz-export-package">{result.package.folder}</code> },
                    {
                      key: 'oxum',
                      label: t('export.oxum'),
                      children: (
                        <span>
                          {result.package.payloadOxum} · {t('export.footage', { n: result.package.footage })}
                          {result.package.footageMissing.length > 0 && (
                            <div className="dz-text-warning">{t('export.footageMissing', { names: result.package.footageMissing.join('、') })}</div>
                          )}
                        </span>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {result.package?.fourness && <FournessResult summary={result.package.fourness} />}
          <Table<ExportedVolume>
            className="dz-export-volumes"
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey="path"
            columns={columns}
            dataSource={result.volumes}
          />
        </div>
      ) : (
        <>
          <p className="muted">{t('export.intro')}</p>
          <Form layout="vertical" disabled={!!job}>
            <Form.Item label={t('export.out')} extra={t('export.outHelp', { name: folderName })} required>
              <FolderField
                purpose="export"
                className="dz-export-out"
                value={outValue}
                placeholder={t('export.outPlaceholder')}
                onChange={setOut}
                onPressEnter={() => void start()}
                aria-label={t('export.out')}
              />
            </Form.Item>
            <Form.Item extra={t('export.packageHelp')} style={{ marginBottom: 8 }}>
              <Checkbox className="dz-export-package-check" checked={pkg} onChange={(e) => setPkg(e.target.checked)}>
                {t('export.package')}
              </Checkbox>
            </Form.Item>
          </Form>
          {job && (
            <div className="job-progress dz-export-progress">
              <div className="muted">
                {t('export.running')}
                {' · '}
                {packing
                  ? t('export.packing', { item: p?.item ?? '' })
                  : t('export.pages', { done: Math.min(p?.itemsDone ?? 0, pagesTotal), total: pagesTotal })}
              </div>
              <Progress percent={percent} size="small" status="active" />
            </div>
          )}
          <ErrorAlert error={error} style={{ marginTop: 8 }} />
        </>
      )}
    </Modal>
  );
}
