import { Select } from 'antd';
import { useMemo } from 'react';
import { useQuery } from '../../bridge/use-query';

/**
 * A 执法人员 picker over the officers register: shows 姓名（执法证号）, finds by any part of the name or
 * the number, and gives the 执法证号 (what `search.query` and `footage.list` filter on). For a Form.Item.
 */
export function OfficerSelect(props: {
  value?: string;
  onChange?: (certNo: string | undefined) => void;
  placeholder: string;
  ariaLabel: string;
  width: number;
  disabled?: boolean;
}) {
  const officers = useQuery('officer.list', {});
  const options = useMemo(
    () =>
      (officers.data ?? []).map((o) => ({
        value: o.certNo,
        label: `${o.name}（${o.certNo}）`,
        search: `${o.name} ${o.certNo}`.toLowerCase(),
      })),
    [officers.data],
  );
  return (
    <Select
      allowClear
      showSearch
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v ?? undefined)}
      options={options}
      loading={officers.loading}
      filterOption={(input, o) => !!o && o.search.includes(input.trim().toLowerCase())}
      placeholder={props.placeholder}
      aria-label={props.ariaLabel}
      popupMatchSelectWidth={false}
      style={{ width: props.width }}
      className="officer-select"
      {...(props.disabled ? { disabled: true } : {})}
    />
  );
}
