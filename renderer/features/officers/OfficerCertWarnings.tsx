import { Alert, Form, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { OfficerWarning } from '../../../src/api/types-officer';
import { invoke } from '../../bridge/client';
import { useI18n } from '../../i18n/I18nProvider';
import type { CaseFormValues } from '../cases/case-form-values';

/**
 * In the case form: the officers it names whose 执法证 is missing from the register or not valid on
 * the case's 立案 day (else its 结案 day) — officer.checkCase. A warning, never a refusal.
 */
export function OfficerCertWarnings({ form }: { form: FormInstance<CaseFormValues> }) {
  const { t, locale } = useI18n();
  const officers = Form.useWatch('officers', form);
  const filed = Form.useWatch(['dates', 'filed'], form) as Dayjs | null | undefined;
  const closed = Form.useWatch(['dates', 'closed'], form) as Dayjs | null | undefined;
  const [warnings, setWarnings] = useState<OfficerWarning[]>([]);
  const named = (officers ?? []).map((o) => ({ name: (o?.name ?? '').trim(), certNo: (o?.certNo ?? '').trim() })).filter((o) => o.certNo.length >= 4);
  const day = (filed ?? closed)?.format('YYYY-MM-DD');
  const key = JSON.stringify([named, day]);

  useEffect(() => {
    const [list, d] = JSON.parse(key) as [{ name: string; certNo: string }[], string | undefined];
    if (!list.length) {
      setWarnings([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      invoke('officer.checkCase', { officers: list, ...(d ? { day: d } : {}) })
        .then((w) => live && setWarnings(w))
        .catch(() => live && setWarnings([]));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);

  if (!warnings.length) return null;
  return (
    <Alert
      className="officer-cert-warnings"
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      title={`${t('officers.warning.title')}（${t('officers.warning.day', { day: warnings[0]!.day })}）`}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {warnings.map((w) => (
            <li key={w.certNo}>{locale === 'zh-CN' ? w.messageZh : w.message}</li>
          ))}
        </ul>
      }
    />
  );
}
