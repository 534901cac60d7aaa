import { Alert, Button, Form, Input, InputNumber, Modal, Space, Table, Tag, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { CalendarYearInfo } from '../../../src/api/types-calendar';
import { mayCall } from '../../bridge/permissions';
import { invoke } from '../../bridge/client';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { useUser } from '../auth/session';

type T = ReturnType<typeof useI18n>['t'];

/**
 * Pasted days → `MM-DD`: separated by lines, spaces, commas or 、；; written `MM-DD`, `M-D`,
 * `YYYY-MM-DD` (of that year), with `-`, `/`, `.` or 月日. Returns the days, or the first token it
 * cannot read (the core's checker then judges the days themselves: weekend, not a day, twice…).
 */
export function parseDays(text: string, year: number): { days: string[]; bad: string | null } {
  const days: string[] = [];
  for (const token of text.split(/[\s,，、;；]+/).filter(Boolean)) {
    const m = /^(?:(\d{4})[-/.年])?(\d{1,2})[-/.月](\d{1,2})日?$/.exec(token);
    if (!m || (m[1] !== undefined && Number(m[1]) !== year)) return { days, bad: token };
    days.push(`${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
  }
  return { days, bad: null };
}

interface Values {
  year: number;
  source: string;
  off: string;
  work: string;
}

/** 工作日历 (settings, administrators): the years the deadline rules count on, and a year's entry. */
export function CalendarTab() {
  const { t } = useI18n();
  const { user } = useUser();
  const q = useQuery('calendar.get', {});
  const [editing, setEditing] = useState<Partial<Values> | null>(null);
  const canEdit = mayCall(user.role, 'calendar.update');
  const years = q.data?.years ?? [];
  const next = (years.at(-1)?.year ?? new Date().getFullYear()) + 1;

  const columns: TableColumnsType<CalendarYearInfo> = [
    { title: t('settings.calendar.year'), dataIndex: 'year', width: 80 },
    {
      title: t('settings.calendar.origin'),
      dataIndex: 'origin',
      width: 130,
      render: (o: CalendarYearInfo['origin']) =>
        o === 'archive' ? <Tag color="blue">{t('settings.calendar.origin.archive')}</Tag> : <Tag>{t('settings.calendar.origin.shipped')}</Tag>,
    },
    { title: t('settings.calendar.off'), dataIndex: 'off', width: 110, render: (d: string[]) => t('settings.calendar.days', { n: d.length }) },
    { title: t('settings.calendar.work'), dataIndex: 'work', width: 110, render: (d: string[]) => t('settings.calendar.days', { n: d.length }) },
    { title: t('settings.calendar.source'), dataIndex: 'source', ellipsis: true },
    {
      title: t('settings.calendar.updated'),
      key: 'updated',
      width: 200,
      render: (_: unknown, y) => (y.updatedBy ? `${y.updatedBy} ${(y.updatedAt ?? '').slice(0, 16).replace('T', ' ')}` : '—'),
    },
    ...(canEdit
      ? [
          {
            title: '',
            key: 'edit',
            width: 80,
            render: (_: unknown, y: CalendarYearInfo) => (
              <Button
                size="small"
                data-testid={`calendar-edit-${y.year}`}
                onClick={() => setEditing({ year: y.year, source: y.source, off: y.off.join('\n'), work: y.work.join('\n') })}
              >
                {t('settings.calendar.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="calendar-tab">
      <Typography.Paragraph type="secondary">{t('settings.calendar.hint')}</Typography.Paragraph>
      <ErrorAlert error={q.error} />
      {canEdit && (
        <Button
          type="primary"
          style={{ marginBottom: 8 }}
          data-testid="calendar-add"
          onClick={() => setEditing({ year: next, source: t('settings.calendar.sourceDefault', { year: next }), off: '', work: '' })}
        >
          {t('settings.calendar.add')}
        </Button>
      )}
      <Table<CalendarYearInfo>
        size="small"
        rowKey="year"
        loading={q.loading}
        columns={columns}
        dataSource={years}
        pagination={false}
        expandable={{
          expandedRowRender: (y) => (
            <Space direction="vertical" size={2}>
              <span>
                {t('settings.calendar.off')}：{y.off.join(' ') || '—'}
              </span>
              <span>
                {t('settings.calendar.work')}：{y.work.join(' ') || '—'}
              </span>
            </Space>
          ),
        }}
      />
      {editing && <CalendarEditor initial={editing} known={years} onClose={() => setEditing(null)} onSaved={q.refetch} t={t} />}
    </div>
  );
}

function CalendarEditor({
  initial,
  known,
  onClose,
  onSaved,
  t,
}: {
  initial: Partial<Values>;
  known: CalendarYearInfo[];
  onClose: () => void;
  onSaved: () => void;
  t: T;
}) {
  const [form] = Form.useForm<Values>();
  const submit = useSubmit();
  const [unread, setUnread] = useState<string | null>(null);
  const year = Form.useWatch('year', form) ?? initial.year;
  const replaces = known.find((y) => y.year === year);

  const save = () =>
    void submit.run(async () => {
      const v = await form.validateFields();
      setUnread(null);
      const off = parseDays(v.off ?? '', v.year);
      const work = parseDays(v.work ?? '', v.year);
      const bad = off.bad ?? work.bad;
      if (bad !== null) {
        setUnread(t('settings.calendar.unreadable', { token: bad, year: v.year }));
        return;
      }
      await invoke('calendar.update', { year: v.year, source: v.source, off: off.days, work: work.days });
      onSaved();
      onClose();
    });

  return (
    <Modal
      open
      title={t('settings.calendar.editorTitle')}
      okText={t('settings.calendar.save')}
      confirmLoading={submit.busy !== null}
      onCancel={onClose}
      onOk={save}
      width={640}
      className="calendar-editor"
    >
      <ErrorAlert error={submit.error} style={{ marginBottom: 8 }} />
      {unread && <Alert type="error" showIcon title={unread} style={{ marginBottom: 8 }} data-testid="calendar-unreadable" />}
      {replaces && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          title={t(replaces.origin === 'shipped' ? 'settings.calendar.replacesShipped' : 'settings.calendar.replacesArchive', { year: replaces.year })}
        />
      )}
      <Form form={form} layout="vertical" initialValues={initial}>
        <Space align="start">
          <Form.Item name="year" label={t('settings.calendar.year')} rules={[{ required: true }]}>
            <InputNumber min={2000} max={2100} precision={0} data-testid="calendar-year" />
          </Form.Item>
          <Form.Item name="source" label={t('settings.calendar.source')} rules={[{ required: true, min: 2 }]} style={{ width: 460 }}>
            <Input data-testid="calendar-source" />
          </Form.Item>
        </Space>
        <Typography.Paragraph type="secondary">{t('settings.calendar.pasteHint')}</Typography.Paragraph>
        <Space align="start" style={{ width: '100%' }}>
          <Form.Item name="off" label={t('settings.calendar.off')} style={{ width: 290 }}>
            <Input.TextArea rows={8} data-testid="calendar-off" placeholder={'10-01\n10-04'} />
          </Form.Item>
          <Form.Item name="work" label={t('settings.calendar.work')} style={{ width: 290 }}>
            <Input.TextArea rows={8} data-testid="calendar-work" placeholder="10-09" />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
