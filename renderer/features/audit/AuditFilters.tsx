import { AutoComplete, Button, DatePicker, Input, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { AUDIT_ACTIONS } from '../../../src/domain/audit-actions';
import { mayCall } from '../../bridge/permissions';
import { useQuery } from '../../bridge/use-query';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';

/** What the 审计日志 is filtered by (audit.list's optional fields). */
export interface AuditFilterValue {
  actor?: string;
  action?: string;
  targetText?: string;
  from?: string;
  to?: string;
  hideLogins?: boolean;
}

/** Text typed into a filter, applied once typing pauses. */
function useSettled(value: string, ms = 350): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const h = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(h);
  }, [value, ms]);
  return settled;
}

/** 操作人, 操作, 对象, the period and 隐藏登录记录. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValue; onChange: (v: AuditFilterValue) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [actor, setActor] = useState(value.actor ?? '');
  const [target, setTarget] = useState(value.targetText ?? '');
  const settledActor = useSettled(actor).trim();
  const settledTarget = useSettled(target).trim();
  // The operators to pick from: the accounts, for the administrator who may list them (others type a name).
  const users = useQuery('user.list', {}, { skip: !mayCall(user?.role, 'user.list') });

  useEffect(() => {
    const a = settledActor || undefined;
    const g = settledTarget || undefined;
    if (a !== value.actor || g !== value.targetText) onChange({ ...value, actor: a, targetText: g });
  }, [settledActor, settledTarget]); // only typed text settles here

  const actions = useMemo(
    () => AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.action.${a}`) })).sort((x, y) => x.label.localeCompare(y.label, 'zh-CN')),
    [t],
  );
  const any = Boolean(value.actor || value.action || value.targetText || value.from || value.to || value.hideLogins);
  return (
    <Space wrap className="audit-filters" style={{ marginBottom: 10 }}>
      <AutoComplete
        aria-label={t('audit.filter.actor')}
        placeholder={t('audit.filter.actor')}
        style={{ width: 150 }}
        value={actor}
        onChange={(v: string) => setActor(v)}
        allowClear
        options={(users.data ?? []).map((u) => ({ value: u.displayName, label: `${u.displayName}（${u.username}）` }))}
        filterOption={(input, o) => String(o?.label ?? '').includes(input)}
      />
      <Select
        aria-label={t('audit.filter.action')}
        placeholder={t('audit.filter.action')}
        style={{ width: 200 }}
        showSearch={{ optionFilterProp: 'label' }}
        allowClear
        value={value.action}
        onChange={(a: string | undefined) => onChange({ ...value, action: a })}
        options={actions}
        popupMatchSelectWidth={260}
      />
      <Input
        aria-label={t('audit.filter.target')}
        placeholder={t('audit.filter.target')}
        style={{ width: 240 }}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
        allowClear
      />
      <DatePicker.RangePicker
        aria-label={t('audit.filter.from')}
        placeholder={[t('audit.filter.from'), t('audit.filter.to')]}
        value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
        allowEmpty={[true, true]}
        onChange={(v) => onChange({ ...value, from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })}
      />
      <label className="audit-hide-logins">
        <Switch size="small" checked={value.hideLogins === true} onChange={(on) => onChange({ ...value, hideLogins: on || undefined })} />{' '}
        {t('audit.filter.hideLogins')}
      </label>
      {any && (
        <Button
          size="small"
          type="link"
          onClick={() => {
            setActor('');
            setTarget('');
            onChange({});
          }}
        >
          {t('audit.filter.clear')}
        </Button>
      )}
    </Space>
  );
}
