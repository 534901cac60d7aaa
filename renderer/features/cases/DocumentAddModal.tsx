import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Progress, Row, Select, Upload, type UploadFile, type UploadProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { JobProgressEvent } from '../../../src/api/events';
import type { CaseDetail, DocumentInfo, StagedUpload } from '../../../src/api/types';
import { ClientError, invoke, newJobId, onAppEvent, stageFile } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';

interface DocValues {
  kind?: string;
  title?: string;
  docNo?: string;
  responsible?: string;
  date?: Dayjs | null;
}

const ACCEPT = '.jpg,.jpeg,.png,.tif,.tiff,.pdf,image/jpeg,image/png,image/tiff,application/pdf';
const ALLOWED = /\.(jpe?g|png|tiff?|pdf)$/i;
const ALLOWED_TYPES = new Set(['image/jpeg', 'image/png', 'image/tiff', 'application/pdf']);

/** 添加文书: metadata + scans; uploads each file, then imports them as one document (a job). */
export function DocumentAddModal({
  open,
  caseDetail,
  onClose,
  onAdded,
}: {
  open: boolean;
  caseDetail: CaseDetail;
  onClose: () => void;
  onAdded: (d: DocumentInfo) => void;
}) {
  const { t, locale, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<DocValues>();
  const profile = useQuery('profile.current', {});
  const [files, setFiles] = useState<UploadFile<StagedUpload>[]>([]);
  const [job, setJob] = useState<{ id: string; progress: JobProgressEvent | null } | null>(null);
  const [error, setError] = useState<unknown>();
  const jobRef = useRef<string | null>(null);
  const autoTitle = useRef<string>('');
  const kindCode = Form.useWatch('kind', form);

  // Listen from the moment the dialog opens, so the job's first events are not missed.
  useEffect(
    () =>
      onAppEvent((e) => {
        if (e.type === 'job.progress' && e.jobId === jobRef.current) setJob((j) => (j && j.id === e.jobId ? { ...j, progress: e } : j));
      }),
    [],
  );

  const kinds = useMemo(() => profile.data?.documentKinds ?? [], [profile.data]);
  const kindOptions = useMemo(() => {
    const p = profile.data;
    if (!p) return [];
    return p.stages
      .map((s) => ({
        label: s.name,
        title: s.name,
        options: p.documentKinds
          .filter((k) => k.stage === s.id)
          .map((k) => ({ value: k.code, label: k.name, search: [k.name, k.code, ...k.aliases].join(' ').toLowerCase() })),
      }))
      .filter((g) => g.options.length > 0);
  }, [profile.data]);
  const kind = kinds.find((k) => k.code === kindCode);

  const discard = (list: UploadFile<StagedUpload>[]) => {
    for (const f of list) {
      const id = f.response?.stagedId;
      if (id) void invoke('upload.discard', { stagedId: id }).catch(() => undefined);
    }
  };

  const customRequest: UploadProps<StagedUpload>['customRequest'] = (opts) => {
    const file = opts.file as File;
    const ctrl = new AbortController();
    stageFile(file, (percent) => opts.onProgress?.({ percent }), ctrl.signal)
      .then((staged) => opts.onSuccess?.(staged))
      .catch((e: unknown) => {
        if (e instanceof ClientError && e.code === 'cancelled') return;
        message.error(errorText(e));
        opts.onError?.(new Error(errorText(e)));
      });
    return { abort: () => ctrl.abort() };
  };

  const beforeUpload: UploadProps['beforeUpload'] = (file) => {
    if (!ALLOWED.test(file.name) && !ALLOWED_TYPES.has(file.type)) {
      message.error(t('doc.badType', { name: file.name }));
      return Upload.LIST_IGNORE;
    }
    return true;
  };

  const submit = async () => {
    let v: DocValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (files.length === 0) return setError(new Error(t('doc.needFile')));
    if (files.some((f) => f.status === 'uploading')) return void message.warning(t('doc.waitUpload'));
    if (files.some((f) => f.status !== 'done' || !f.response)) return setError(new Error(t('doc.uploadFailed')));
    const id = newJobId();
    jobRef.current = id;
    setJob({ id, progress: null });
    setError(undefined);
    try {
      const doc = await invoke('document.add', {
        caseId: caseDetail.id,
        kind: v.kind ?? '',
        title: (v.title ?? '').trim(),
        docNo: v.docNo?.trim() || null,
        responsible: v.responsible?.trim() || null,
        date: v.date ? v.date.format('YYYY-MM-DD') : null,
        files: files.map((f) => ({ stagedId: f.response!.stagedId })),
        jobId: id,
      });
      message.success(t('doc.added', { title: doc.title, pages: doc.pageCount }));
      setFiles([]);
      onAdded(doc);
    } catch (e) {
      if (e instanceof ClientError && e.code === 'cancelled') message.info(t('doc.cancelled'));
      else {
        setError(e);
        // Mark the file the core complained about, so the user knows which one to remove.
        const item = e instanceof ClientError ? e.payload.item : undefined;
        if (item) setFiles((list) => list.map((f) => (f.name === item ? { ...f, status: 'error' } : f)));
      }
    } finally {
      jobRef.current = null;
      setJob(null);
    }
  };

  const cancelJob = () => {
    if (job) void invoke('job.cancel', { jobId: job.id }).catch((e: unknown) => message.error(errorText(e)));
  };

  const close = () => {
    if (job) return;
    discard(files);
    onClose();
  };

  const p = job?.progress;
  const percent = p ? Math.round(p.bytesTotal > 0 ? (p.bytesDone / p.bytesTotal) * 100 : p.itemsTotal > 0 ? (p.itemsDone / p.itemsTotal) * 100 : 0) : 0;
  const fileError = error instanceof ClientError && error.payload.item ? error.payload : null;

  return (
    <Modal
      open={open}
      title={`${t('doc.add')} · ${caseDetail.caseNo}`}
      width={760}
      destroyOnHidden
      mask={{ closable: false }}
      closable={!job}
      onCancel={close}
      footer={
        job
          ? [
              <Button key="cancelJob" danger onClick={cancelJob}>
                {t('doc.cancelImport')}
              </Button>,
            ]
          : [
              <Button key="cancel" onClick={close}>
                {t('common.cancel')}
              </Button>,
              <Button key="ok" type="primary" onClick={() => void submit()} disabled={files.some((f) => f.status === 'uploading')}>
                {t('doc.submit')}
              </Button>,
            ]
      }
    >
      <ErrorAlert error={profile.error} style={{ marginBottom: 12 }} />
      <Form<DocValues>
        form={form}
        name="docForm"
        layout="horizontal"
        labelCol={{ flex: '84px' }}
        wrapperCol={{ flex: 'auto' }}
        initialValues={{ responsible: caseDetail.organ ?? caseDetail.unit ?? '' }}
        disabled={!!job}
        className="doc-form"
        onValuesChange={(changed: DocValues) => {
          if (changed.kind === undefined) return;
          const name = kinds.find((k) => k.code === changed.kind)?.name ?? '';
          const current = (form.getFieldValue('title') as string | undefined) ?? '';
          if (!current.trim() || current === autoTitle.current) {
            form.setFieldValue('title', name);
            autoTitle.current = name;
          }
        }}
      >
        <Form.Item name="kind" label={t('doc.col.kind')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('doc.col.kind') }) }]}>
          <Select
            showSearch={{ optionFilterProp: 'search' }}
            placeholder={t('doc.kindPlaceholder')}
            options={kindOptions}
            loading={profile.loading}
            listHeight={360}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('doc.col.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('doc.col.title') }) }, { max: 300 }]}
        >
          <Input />
        </Form.Item>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="docNo" label={t('doc.col.docNo')} rules={[{ max: 100 }]} extra={kind?.hasDocNo ? t('doc.docNoHint') : undefined}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="date" label={t('doc.col.date')} labelCol={{ flex: '56px' }}>
              <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="responsible" label={t('doc.col.responsible')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('doc.files')} required>
          <Upload.Dragger<StagedUpload>
            multiple
            accept={ACCEPT}
            fileList={files}
            customRequest={customRequest}
            beforeUpload={beforeUpload}
            onChange={(info) => setFiles(info.fileList)}
            onRemove={(f) => {
              discard([f]);
              return true;
            }}
            disabled={!!job}
          >
            <p className="ant-upload-drag-icon" style={{ marginBottom: 4 }}>
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('doc.dragger')}</p>
            <p className="ant-upload-hint">{t('doc.draggerHint')}</p>
          </Upload.Dragger>
        </Form.Item>
      </Form>
      {job && (
        <div className="job-progress">
          <div className="muted">
            {t('doc.importing')}
            {p ? ` · ${t('doc.progress', { done: p.itemsDone, total: p.itemsTotal })}` : ''}
            {p?.item ? ` · ${t('doc.progressItem', { item: p.item })}` : ''}
          </div>
          <Progress percent={percent} size="small" status="active" />
        </div>
      )}
      {fileError ? (
        <Alert
          type="error"
          showIcon
          title={t('doc.fileError', {
            item: fileError.item ?? '',
            message: withoutItem(locale === 'zh-CN' ? fileError.messageZh : fileError.message, fileError.item ?? ''),
          })}
        />
      ) : (
        <ErrorAlert error={error} />
      )}
    </Modal>
  );
}

/** "a.jpg：not a JPEG" → "not a JPEG" when the file name is shown separately. */
function withoutItem(text: string, item: string): string {
  for (const sep of ['：', ': ', ':']) if (item && text.startsWith(item + sep)) return text.slice(item.length + sep.length);
  return text;
}
