import { AutoComplete, Form, Input, Modal, Select } from 'antd';
import { useMemo } from 'react';
import type { ClipSummary } from '../../../src/api/types-footage';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useI18n } from '../../i18n/I18nProvider';
import { opt } from './footage-format';
import { useSubmit } from '../../components/use-submit';

interface LinkValues {
  caseNo?: string;
  certNo?: string;
  activity?: string;
}

/** 关联: selected clips to a case (案号), an officer (执法证号) and an activity from the 音像记录事项清单. */
export function LinkModal({
  clipIds,
  initialCaseNo,
  onClose,
  onLinked,
}: {
  clipIds: number[];
  initialCaseNo?: string;
  onClose: () => void;
  onLinked: (clips: ClipSummary[]) => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<LinkValues>();
  const checklist = useQuery('footage.checklist', {});
  const cases = useQuery('case.list', {});
  const { busy, error, setError, run } = useSubmit();
  const caseNo = Form.useWatch('caseNo', form);

  const caseOptions = useMemo(() => (cases.data ?? []).map((c) => ({ value: c.caseNo, label: `${c.caseNo} · ${c.title}` })), [cases.data]);
  const known = (cases.data ?? []).find((c) => c.caseNo === caseNo?.trim());
  const detail = useQuery('case.get', { id: known?.id ?? 0 }, { skip: !known });
  const officerOptions = useMemo(
    () => (known && detail.data?.id === known.id ? detail.data.officers.map((o) => ({ value: o.certNo, label: `${o.certNo} · ${o.name}` })) : []),
    [known, detail.data],
  );
  const activityOptions = useMemo(
    () =>
      (checklist.data?.activities ?? []).map((a) => ({
        value: a.name,
        label: a.recording === 'full' ? `${a.name}（${t('footage.fullRecording')}）` : a.name,
      })),
    [checklist.data, t],
  );

  const submit = async () => {
    let v: LinkValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const input = { caseNo: opt(v.caseNo), certNo: opt(v.certNo), activity: opt(v.activity) };
    if (!input.caseNo && !input.certNo && !input.activity) return setError(new Error(t('footage.link.needTarget')));
    await run(async () => {
      onLinked(await invoke('footage.link', { clipIds, ...input }));
    });
  };

  return (
    <Modal
      open
      width={560}
      title={t('footage.link.title', { n: clipIds.length })}
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('footage.link.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy !== null}
    >
      <Form<LinkValues>
        form={form}
        name="linkForm"
        layout="horizontal"
        labelCol={{ flex: '84px' }}
        wrapperCol={{ flex: 'auto' }}
        initialValues={{ caseNo: initialCaseNo }}
      >
        <Form.Item name="caseNo" label={t('footage.field.caseNo')}>
          <AutoComplete
            allowClear
            options={caseOptions}
            showSearch={{ filterOption: (input, o) => String(o?.label ?? '').includes(input.trim()) }}
            placeholder={t('footage.link.casePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="certNo" label={t('footage.field.certNo')} extra={t('footage.link.certHint')}>
          {officerOptions.length ? <AutoComplete allowClear options={officerOptions} /> : <Input allowClear />}
        </Form.Item>
        <Form.Item name="activity" label={t('footage.field.activity')}>
          <Select allowClear options={activityOptions} loading={checklist.loading} placeholder={t('footage.link.activityPlaceholder')} />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
    </Modal>
  );
}
