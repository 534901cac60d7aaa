import { Button, Form, Input, InputNumber, Radio, Select, Space } from 'antd';
import { useState } from 'react';
import type { ReviewView } from '../../../src/api/types-review';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';

interface Values {
  itemId: string;
  points: number;
  title: string;
  comment?: string;
  kind: 'document' | 'clip' | 'case';
  page?: number;
  volume?: number;
  clipId?: number;
  second?: number;
}

/** The inspector's own finding: an item of the score sheet, the points within its range, pinned to a page or a clip second. */
export function AddFindingForm({ view, onChange }: { view: ReviewView; onChange: (v: ReviewView) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [open, setOpen] = useState(false);
  const submit = useSubmit();
  const kind = Form.useWatch('kind', form) ?? 'document';
  const itemId = Form.useWatch('itemId', form);
  const items = [
    ...view.template.veto.map((v) => ({ value: v.id, label: `【${t('review.ws.veto')}】${v.title}`, min: 0, max: 0 })),
    ...view.template.sections.flatMap((s) =>
      s.items.map((i) => ({ value: i.id, label: `${s.title} · ${i.title}（${i.deduct.min}–${i.deduct.max}）`, min: i.deduct.min, max: i.deduct.max })),
    ),
  ];
  const item = items.find((i) => i.value === itemId);
  if (!open)
    return (
      <Button onClick={() => setOpen(true)} data-testid="add-finding">
        {t('review.ws.add')}
      </Button>
    );
  const save = () =>
    submit.run(async () => {
      const v = await form.validateFields();
      const place =
        v.kind === 'document'
          ? { kind: 'document' as const, page: v.page ?? 0, ...(v.volume ? { volume: v.volume } : {}) }
          : v.kind === 'clip'
            ? { kind: 'clip' as const, clipId: v.clipId ?? 0, second: v.second ?? 0 }
            : { kind: 'case' as const };
      onChange(await invoke('review.addFinding', { reviewId: view.id, itemId: v.itemId, points: v.points, title: v.title, comment: v.comment ?? null, place }));
      form.resetFields();
      setOpen(false);
    });
  return (
    <div className="rv-add" data-testid="add-finding-form">
      <ErrorAlert error={submit.error} />
      <Form form={form} layout="vertical" size="small" initialValues={{ kind: 'document', points: 0 }}>
        <Form.Item name="itemId" label={t('review.ws.item')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={items}
            onChange={(id: string) => form.setFieldValue('points', items.find((i) => i.value === id)?.min ?? 0)}
            data-testid="finding-item"
          />
        </Form.Item>
        <Form.Item name="points" label={t('review.ws.deduct')} rules={[{ required: true }]}>
          <InputNumber min={item?.min ?? 0} max={item?.max ?? 100} step={0.5} disabled={item !== undefined && item.max === 0} />
        </Form.Item>
        <Form.Item name="title" label={t('review.ws.problem')} rules={[{ required: true }]}>
          <Input data-testid="finding-title" />
        </Form.Item>
        <Form.Item name="comment" label={t('review.ws.comment')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item name="kind" label={t('review.ws.placeKind')}>
          <Radio.Group
            options={[
              { value: 'document', label: t('review.ws.placePage') },
              { value: 'clip', label: t('review.ws.placeClip') },
              { value: 'case', label: t('review.ws.placeCase') },
            ]}
          />
        </Form.Item>
        {kind === 'document' && (
          <Space>
            <Form.Item name="page" label={t('review.ws.pageNo')} rules={[{ required: true }]}>
              <InputNumber min={1} data-testid="finding-page" />
            </Form.Item>
            {view.template && (
              <Form.Item name="volume" label={t('review.ws.volume', { n: '' })}>
                <InputNumber min={1} />
              </Form.Item>
            )}
          </Space>
        )}
        {kind === 'clip' && (
          <Space>
            <Form.Item name="clipId" label={t('review.ws.clipId')} rules={[{ required: true }]}>
              <InputNumber min={1} />
            </Form.Item>
            <Form.Item name="second" label={t('review.ws.second')} rules={[{ required: true }]}>
              <InputNumber min={0} />
            </Form.Item>
          </Space>
        )}
        <Space>
          <Button type="primary" loading={submit.busy !== null} onClick={() => void save()} data-testid="finding-save">
            {t('review.ws.add')}
          </Button>
          <Button onClick={() => setOpen(false)}>{t('review.ws.back')}</Button>
        </Space>
      </Form>
    </div>
  );
}
