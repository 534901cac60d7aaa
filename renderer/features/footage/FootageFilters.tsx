import { ClearOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useQuery } from '../../bridge/use-query';
import { useI18n } from '../../i18n/I18nProvider';
import { OfficerSelect } from '../retrieval/OfficerSelect';
import { opt } from './footage-format';
import type { ClipQuery } from './use-clips';

interface FilterValues {
  caseNo?: string;
  certNo?: string;
  deviceSerial?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  activity?: string;
  unlinked?: boolean;
}

/** 案号 / 执法证号 / 记录仪 / 日期 / 事项 / 未关联案件 → a `footage.list` query. */
export function FootageFilters({ onChange }: { onChange: (q: ClipQuery) => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<FilterValues>();
  const devices = useQuery('device.list', {});
  const checklist = useQuery('footage.checklist', {});
  const unlinked = Form.useWatch('unlinked', form);

  const deviceOptions = useMemo(
    () => (devices.data ?? []).map((d) => ({ value: d.serial, label: d.model ? `${d.serial}（${d.model}）` : d.serial })),
    [devices.data],
  );
  const activityOptions = useMemo(() => (checklist.data?.activities ?? []).map((a) => ({ value: a.name, label: a.name })), [checklist.data]);

  const apply = (v: FilterValues) => {
    const from = v.range?.[0];
    const to = v.range?.[1];
    onChange({
      ...(opt(v.caseNo) && !v.unlinked ? { caseNo: opt(v.caseNo) } : {}),
      ...(opt(v.certNo) ? { certNo: opt(v.certNo) } : {}),
      ...(opt(v.deviceSerial) ? { deviceSerial: opt(v.deviceSerial) } : {}),
      ...(from ? { from: from.format('YYYY-MM-DD') } : {}),
      ...(to ? { to: to.format('YYYY-MM-DD') } : {}),
      ...(opt(v.activity) ? { activity: opt(v.activity) } : {}),
      ...(v.unlinked ? { unlinked: true } : {}),
    });
  };

  return (
    <Form<FilterValues> form={form} name="footageFilter" layout="inline" className="footage-filters" onFinish={apply}>
      <Form.Item name="caseNo" label={t('footage.filter.caseNo')}>
        <Input allowClear style={{ width: 180 }} disabled={!!unlinked} placeholder={t('footage.filter.caseNoPlaceholder')} />
      </Form.Item>
      <Form.Item name="certNo" label={t('footage.filter.certNo')}>
        <OfficerSelect placeholder={t('retrieval.filter.officer')} ariaLabel={t('footage.filter.certNo')} width={200} />
      </Form.Item>
      <Form.Item name="deviceSerial" label={t('footage.filter.device')}>
        <AutoComplete allowClear style={{ width: 110 }} options={deviceOptions} />
      </Form.Item>
      <Form.Item name="range" label={t('footage.filter.dates')}>
        <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="activity" label={t('footage.filter.activity')}>
        <Select allowClear style={{ width: 110 }} options={activityOptions} />
      </Form.Item>
      <Form.Item name="unlinked" valuePropName="checked">
        <Checkbox>{t('footage.filter.unlinked')}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SearchOutlined />}>
          {t('common.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          icon={<ClearOutlined />}
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('footage.filter.reset')}
        </Button>
      </Form.Item>
    </Form>
  );
}
