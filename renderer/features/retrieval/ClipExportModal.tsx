import { CheckCircleFilled, ScissorOutlined } from '@ant-design/icons';
import { App, Checkbox, Descriptions, Form, Input, Modal, Progress, Space, Table } from 'antd';
import { useEffect, useState } from 'react';
import type { ClipExportFile, ClipExportResultInfo } from '../../../src/api/types-clip';
import { ClientError, invoke } from '../../bridge/client';
import { useJob } from '../../bridge/use-job';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { digestColumn, fileSize } from '../../components/export-columns';
import { FolderField } from '../../components/FolderField';
import { JobDialogFooter } from '../../components/JobDialogFooter';
import { useI18n } from '../../i18n/I18nProvider';
import { suggestedExportFolder } from '../dossier/ExportModal';

/** `65.5` → `00:01:05.500`. */
function timecode(sec: number): string {
  const ms = Math.max(0, Math.round(sec * 1000));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const frac = ms % 1000 ? `.${p(ms % 1000, 3)}` : '';
  return `${p(Math.floor(ms / 3_600_000))}:${p(Math.floor((ms % 3_600_000) / 60_000))}:${p(Math.floor((ms % 60_000) / 1000))}${frac}`;
}

/** `00:01:05`, `01:05`, `65`, `00:01:05.5` → seconds; null when it is none of these. */
function parseTime(s: string): number | null {
  const t = s.trim();
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]?\d(?:\.\d+)?)$/.exec(t);
  return m ? Number(m[1] ?? 0) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

const STEPS = ['cut', 'original', 'note', 'manifests'] as const;

/**
 * 复制/提取: in/out points (prefilled from the player), stream copy or a watermarked re-encode,
 * optionally the whole original, a reason and the folder to save into. Runs as a job with progress
 * and 取消 (the core then leaves nothing); on success shows the folder, the actual in/out after
 * key-frame snapping and every file with its SHA-256 / SM3.
 */
export function ClipExportModal({ clipId, open, onClose, inSec, outSec }: { clipId: number; open: boolean; onClose(): void; inSec?: number; outSec?: number }) {
  const { t, errorText } = useI18n();
  const { message } = App.useApp();
  const info = useQuery('archive.info', {}, { skip: !open });
  const clip = useQuery('footage.get', { id: clipId }, { skip: !open });
  const [inText, setIn] = useState(timecode(inSec ?? 0));
  const [outText, setOut] = useState<string | null>(outSec !== undefined ? timecode(outSec) : null);
  const [reencode, setReencode] = useState(false);
  const [whole, setWhole] = useState(false);
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState<string | undefined>();
  const { job, begin, end, cancel: cancelJob } = useJob();
  const [result, setResult] = useState<ClipExportResultInfo>();
  const [error, setError] = useState<unknown>();

  // A new clip or new points from the player start the dialog afresh.
  useEffect(() => {
    if (!open) return;
    setIn(timecode(inSec ?? 0));
    setOut(outSec !== undefined ? timecode(outSec) : null);
    setResult(undefined);
    setError(undefined);
  }, [open, clipId, inSec, outSec]);

  const duration = clip.data?.durationSec ?? null;
  const outValue = outText ?? (duration !== null ? timecode(duration) : '');
  const targetValue = target ?? (info.data ? suggestedExportFolder(info.data.path) : '');

  const start = async () => {
    const i = parseTime(inText);
    const o = parseTime(outValue);
    if (i === null) return setError(new Error(t('clip.export.badTime', { field: t('clip.export.in'), value: inText })));
    if (o === null) return setError(new Error(t('clip.export.badTime', { field: t('clip.export.out'), value: outValue })));
    if (reason.trim().length < 2) return setError(new Error(t('clip.export.reasonRequired')));
    if (!targetValue.trim()) return setError(new Error(t('clip.export.targetRequired')));
    const id = begin();
    setError(undefined);
    try {
      setResult(await invoke('clip.export', { clipId, inSec: i, outSec: o, reencode, whole, reason: reason.trim(), target: targetValue.trim(), jobId: id }));
    } catch (e) {
      if (e instanceof ClientError && e.code === 'cancelled') message.info(t('clip.export.cancelled'));
      else setError(e);
    } finally {
      end();
    }
  };

  const cancel = () => void cancelJob().catch((e: unknown) => message.error(errorText(e)));

  const p = job?.progress;
  const percent = p && p.itemsTotal > 0 ? Math.round((p.itemsDone / p.itemsTotal) * 100) : 0;
  const step = STEPS.find((s) => s === p?.item);

  const columns = [
    { key: 'file', title: t('clip.export.col.file'), render: (_: unknown, f: ClipExportFile) => <span className="jz-clip-export-file">{f.name}</span> },
    { key: 'role', title: t('clip.export.col.role'), width: 90, render: (_: unknown, f: ClipExportFile) => t(`clip.export.role.${f.role}`) },
    { key: 'size', title: t('clip.export.col.size'), width: 80, render: (_: unknown, f: ClipExportFile) => fileSize(f.size) },
    digestColumn<ClipExportFile>(t('clip.export.col.digests')),
  ];

  const footer = (
    <JobDialogFooter
      phase={result ? 'done' : job ? 'running' : 'ready'}
      cancelling={job?.cancelling ?? false}
      onStart={() => void start()}
      onCancel={cancel}
      onClose={onClose}
      labels={{ start: t('clip.export.start'), close: t('clip.export.close'), cancel: t('clip.export.cancel'), cancelling: t('clip.export.cancelling') }}
      startIcon={<ScissorOutlined />}
      classPrefix="jz-clip-export"
    />
  );

  const snapped = result && result.method === 'copy' ? result.requested.inSec - result.actual.inSec : 0;

  return (
    <Modal
      open={open}
      className="jz-clip-export-modal"
      title={t('clip.export.title', { name: clip.data?.originalName ?? String(clipId) })}
      width={820}
      onCancel={() => !job && onClose()}
      closable={!job}
      maskClosable={false}
      footer={footer}
      destroyOnHidden
    >
      {result ? (
        <div className="jz-clip-export-result">
          <p>
            <CheckCircleFilled style={{ color: '#52c41a' }} /> <b>{t('clip.export.done')}</b>
          </p>
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { whiteSpace: 'nowrap', width: 130 } }}
            items={[
              { key: 'folder', label: t('clip.export.folder'), children: <code className="jz-clip-export-folder">{result.folder}</code> },
              { key: 'method', label: t('clip.export.method'), children: t(`clip.export.method.${result.method}`) },
              { key: 'req', label: t('clip.export.requested'), children: `${timecode(result.requested.inSec)} – ${timecode(result.requested.outSec)}` },
              {
                key: 'actual',
                label: t('clip.export.actual'),
                children: (
                  <span className="jz-clip-export-actual">
                    {timecode(result.actual.inSec)} – {timecode(result.actual.outSec)}
                    {snapped > 0.0005 && <div className="muted">{t('clip.export.snapped', { s: snapped.toFixed(3) })}</div>}
                  </span>
                ),
              },
              {
                key: 'grant',
                label: t('clip.export.grant'),
                children: result.grantId === null ? t('clip.export.grantLive') : t('clip.export.grantNo', { id: result.grantId }),
              },
            ]}
          />
          <Table<ClipExportFile>
            className="jz-clip-export-files"
            style={{ marginTop: 12 }}
            size="small"
            pagination={false}
            rowKey="name"
            columns={columns}
            dataSource={result.files}
          />
          <p className="muted" style={{ marginTop: 8 }}>
            {t('clip.export.check')}
          </p>
        </div>
      ) : (
        <>
          <p className="muted">{t('clip.export.intro')}</p>
          <Form layout="vertical" disabled={!!job}>
            <Form.Item
              label={`${t('clip.export.in')} / ${t('clip.export.out')}`}
              extra={`${t('clip.export.timeHelp')}${duration !== null ? ` · ${t('clip.export.duration', { d: timecode(duration) })}` : ''}`}
              required
            >
              <Space>
                <Input
                  className="jz-clip-export-in"
                  aria-label={t('clip.export.in')}
                  value={inText}
                  onChange={(e) => setIn(e.target.value)}
                  style={{ width: 150 }}
                />
                <span>–</span>
                <Input
                  className="jz-clip-export-out"
                  aria-label={t('clip.export.out')}
                  value={outValue}
                  onChange={(e) => setOut(e.target.value)}
                  style={{ width: 150 }}
                />
              </Space>
            </Form.Item>
            <Form.Item extra={t('clip.export.reencodeHelp')} style={{ marginBottom: 8 }}>
              <Checkbox className="jz-clip-export-reencode" checked={reencode} onChange={(e) => setReencode(e.target.checked)}>
                {t('clip.export.reencode')}
              </Checkbox>
            </Form.Item>
            <Form.Item style={{ marginBottom: 12 }}>
              <Checkbox className="jz-clip-export-whole" checked={whole} onChange={(e) => setWhole(e.target.checked)}>
                {t('clip.export.whole')}
              </Checkbox>
            </Form.Item>
            <Form.Item label={t('clip.export.reason')} required>
              <Input.TextArea
                className="jz-clip-export-reason"
                aria-label={t('clip.export.reason')}
                value={reason}
                maxLength={500}
                autoSize={{ minRows: 2, maxRows: 4 }}
                placeholder={t('clip.export.reasonPlaceholder')}
                onChange={(e) => setReason(e.target.value)}
              />
            </Form.Item>
            <Form.Item label={t('clip.export.target')} extra={t('clip.export.targetHelp')} required>
              <FolderField
                purpose="export"
                className="jz-clip-export-target"
                value={targetValue}
                placeholder={t('clip.export.targetPlaceholder')}
                onChange={setTarget}
                aria-label={t('clip.export.target')}
              />
            </Form.Item>
          </Form>
          {job && (
            <div className="job-progress jz-clip-export-progress">
              <div className="muted">
                {t('clip.export.running')}
                {step ? ` · ${t(`clip.export.step.${step}`)}` : ''}
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
