import { ClearOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useQuery } from '../../bridge/use-query';
import { useI18n } from '../../i18n/I18nProvider';
import { OfficerSelect } from './OfficerSelect';

/** The filters of `search.query` the panel sets (everything but text and paging). */
export interface SearchFilterValues {
  from?: string;
  to?: string;
  certNo?: string;
  deviceSerial?: string;
  activity?: string;
  status?: 'open' | 'sealed';
  linked?: boolean;
}

interface FormValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  certNo?: string;
  deviceSerial?: string;
  activity?: string;
  status?: 'open' | 'sealed';
  linked?: 'yes' | 'no';
}

const FMT = 'YYYY-MM-DDTHH:mm';

/** 时间范围 / 执法人员（picked from the register, sent as 执法证号） / 记录仪 / 事项 / 案件状态 / 关联: applied as they change. */
export function SearchFilters({ onChange }: { onChange: (f: SearchFilterValues) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const devices = useQuery('device.list', {});
  const checklist = useQuery('footage.checklist', {});
  const deviceOptions = useMemo(
    () => (devices.data ?? []).map((d) => ({ value: d.serial, label: d.model ? `${d.serial}（${d.model}）` : d.serial })),
    [devices.data],
  );
  const activityOptions = useMemo(() => (checklist.data?.activities ?? []).map((a) => ({ value: a.name, label: a.name })), [checklist.data]);

  const apply = (_: unknown, v: FormValues) => {
    const from = v.range?.[0];
    const to = v.range?.[1];
    onChange({
      ...(from ? { from: from.format(FMT) } : {}),
      ...(to ? { to: to.format(FMT) } : {}),
      ...(v.certNo ? { certNo: v.certNo } : {}),
      ...(v.deviceSerial ? { deviceSerial: v.deviceSerial } : {}),
      ...(v.activity ? { activity: v.activity } : {}),
      ...(v.status ? { status: v.status } : {}),
      ...(v.linked ? { linked: v.linked === 'yes' } : {}),
    });
  };

  return (
    <Form form={form} layout="inline" className="search-filters" onValuesChange={apply} title={t('search.filter.note')}>
      <Form.Item name="range">
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          placeholder={[t('search.filter.range'), t('search.filter.range')]}
          allowEmpty={[true, true]}
        />
      </Form.Item>
      <Form.Item name="certNo">
        <OfficerSelect placeholder={t('retrieval.filter.officer')} ariaLabel={t('search.filter.officer')} width={220} />
      </Form.Item>
      <Form.Item name="deviceSerial">
        <Select
          allowClear
          showSearch
          options={deviceOptions}
          placeholder={t('search.filter.device')}
          style={{ width: 170 }}
          aria-label={t('search.filter.device')}
        />
      </Form.Item>
      <Form.Item name="activity">
        <Select
          allowClear
          options={activityOptions}
          placeholder={t('search.filter.activity')}
          style={{ width: 130 }}
          aria-label={t('search.filter.activity')}
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t('search.filter.status')}
          style={{ width: 120 }}
          aria-label={t('search.filter.status')}
          options={[
            { value: 'open', label: t('search.open.status') },
            { value: 'sealed', label: t('search.sealed') },
          ]}
        />
      </Form.Item>
      <Form.Item name="linked">
        <Select
          allowClear
          placeholder={t('search.filter.linked')}
          style={{ width: 130 }}
          aria-label={t('search.filter.linked')}
          options={[
            { value: 'yes', label: t('search.filter.linked.yes') },
            { value: 'no', label: t('search.filter.linked.no') },
          ]}
        />
      </Form.Item>
      <Space>
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('search.filter.clear')}
        </Button>
      </Space>
    </Form>
  );
}
