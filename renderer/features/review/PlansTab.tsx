import { Button, Card, Empty, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AssignmentInfo, PlanSummary } from '../../../src/api/types-review';
import { mayCall } from '../../bridge/permissions';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';
import { statusTag } from './ReviewPage';

/** 评查计划: the list, the draw dialog, and per plan its dossiers with assignment and progress. */
export function PlansTab({ onOpen }: { onOpen: (assignmentId: number) => void }) {
  const { t } = useI18n();
  const { user } = useUser();
  const plans = useQuery('review.plan.list', {});
  const [creating, setCreating] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const canPlan = mayCall(user.role, 'review.plan.create');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card
        size="small"
        extra={
          <Space>
            {canPlan && (
              <Button type="primary" onClick={() => setCreating(true)}>
                {t('review.plan.create')}
              </Button>
            )}
            <Button onClick={plans.refetch}>{t('review.refresh')}</Button>
          </Space>
        }
      >
        <ErrorAlert error={plans.error} />
        <Table<PlanSummary>
          rowKey="id"
          size="small"
          loading={plans.loading}
          dataSource={plans.data ?? []}
          pagination={false}
          locale={{ emptyText: <Empty description={t('review.empty.plans')} /> }}
          onRow={(p) => ({ onClick: () => setSelected(p.id), style: { cursor: 'pointer' } })}
          rowClassName={(p) => (p.id === selected ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('review.col.plan'), dataIndex: 'title' },
            { title: t('review.col.year'), dataIndex: 'year' },
            { title: t('review.col.template'), render: (_, p) => p.template.name },
            { title: t('review.col.seed'), render: (_, p) => <Typography.Text code>{p.seed}</Typography.Text> },
            { title: t('review.col.progress'), render: (_, p) => t('review.progress', p.progress) },
          ]}
        />
      </Card>
      {selected !== null && <PlanDetailCard planId={selected} onOpen={onOpen} canAssign={canPlan} onChanged={plans.refetch} />}
      {creating && (
        <CreatePlanDialog
          onClose={(id) => {
            setCreating(false);
            if (id) {
              plans.refetch();
              setSelected(id);
            }
          }}
        />
      )}
    </Space>
  );
}

function PlanDetailCard({ planId, onOpen, canAssign, onChanged }: { planId: number; onOpen: (id: number) => void; canAssign: boolean; onChanged: () => void }) {
  const { t } = useI18n();
  const plan = useQuery('review.plan.get', { planId });
  const inspectors = useQuery('review.inspectors', {}, { skip: !canAssign });
  const [picked, setPicked] = useState<number[]>([]);
  const [who, setWho] = useState<number | undefined>();
  const submit = useSubmit();
  const p = plan.data;
  const assign = () =>
    submit.run(async () => {
      if (!who) return;
      plan.setData(await invoke('review.plan.assign', { planId, items: picked.map((assignmentId) => ({ assignmentId, inspectorId: who })) }));
      setPicked([]);
      onChanged();
    });
  return (
    <Card size="small" title={p ? `${p.title}（${p.year}）` : ''} loading={plan.loading && !p}>
      <ErrorAlert error={plan.error ?? submit.error} />
      {p && (
        <Typography.Paragraph type="secondary">
          {t('review.plan.strata', { strata: p.strata.map((s) => `${s.label} ${s.drawn}/${s.population}`).join('，') })} · {p.algorithm} · seed {p.seed}
        </Typography.Paragraph>
      )}
      {canAssign && (
        <Space style={{ marginBottom: 8 }}>
          <Select
            style={{ width: 200 }}
            placeholder={t('review.plan.assignTo')}
            value={who}
            onChange={setWho}
            options={(inspectors.data ?? []).map((u) => ({ value: u.id, label: `${u.name}（${u.username}）` }))}
          />
          <Button disabled={!who || picked.length === 0} loading={submit.busy !== null} onClick={() => void assign()}>
            {t('review.plan.assign')}
          </Button>
        </Space>
      )}
      <Table<AssignmentInfo>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={p?.assignments ?? []}
        rowSelection={canAssign ? { selectedRowKeys: picked, onChange: (k) => setPicked(k as number[]) } : undefined}
        columns={[
          { title: '#', dataIndex: 'rank', width: 40 },
          { title: t('review.col.case'), dataIndex: 'caseNo' },
          { title: t('review.col.title'), dataIndex: 'caseTitle' },
          { title: t('review.col.stratum'), render: (_, a) => p?.strata.find((s) => s.stratum === a.stratum)?.label ?? a.stratum },
          { title: t('review.col.inspector'), render: (_, a) => a.inspector?.name ?? t('review.unassigned') },
          { title: t('review.col.status'), render: (_, a) => statusTag(a, t) },
          {
            title: '',
            render: (_, a) =>
              a.review ? (
                <Button size="small" onClick={() => onOpen(a.id)}>
                  {t('review.view')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}

function CreatePlanDialog({ onClose }: { onClose: (planId: number | null) => void }) {
  const { t } = useI18n();
  const templates = useQuery('review.templates', {});
  const submit = useSubmit();
  const [form] = Form.useForm<{ title: string; year: number; templateId: string; mode: 'percent' | 'count'; amount: number; seed?: string }>();
  const draw = () =>
    submit.run(async () => {
      const v = await form.validateFields();
      const p = await invoke('review.plan.create', { ...v, ...(v.seed ? { seed: v.seed } : {}) });
      onClose(p.id);
    });
  return (
    <Modal
      open
      title={t('review.plan.create')}
      okText={t('review.plan.draw')}
      onOk={() => void draw()}
      confirmLoading={submit.busy !== null}
      onCancel={() => onClose(null)}
    >
      <ErrorAlert error={submit.error ?? templates.error} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear(), mode: 'percent', amount: 20, title: `${new Date().getFullYear()}年度案卷评查` }}
      >
        <Form.Item name="title" label={t('review.plan.titleField')} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="year" label={t('review.plan.year')} rules={[{ required: true }]}>
          <InputNumber min={1990} max={2100} />
        </Form.Item>
        <Form.Item name="templateId" label={t('review.plan.template')} rules={[{ required: true }]}>
          <Select options={(templates.data ?? []).map((x) => ({ value: x.id, label: `${x.name}（${x.version}）` }))} />
        </Form.Item>
        <Form.Item name="mode" label={t('review.plan.mode')}>
          <Radio.Group
            options={[
              { value: 'percent', label: t('review.plan.percent') },
              { value: 'count', label: t('review.plan.count') },
            ]}
          />
        </Form.Item>
        <Form.Item name="amount" label={t('review.plan.amount')} rules={[{ required: true }]}>
          <InputNumber min={0.1} max={100000} />
        </Form.Item>
        <Form.Item name="seed" label={t('review.plan.seed')}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
