import { App, Button, Input, Space } from 'antd';
import { useState } from 'react';
import { invoke } from '../../bridge/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import { EXPORT_LABELS } from './audit-format';
import type { AuditFilterValue } from './AuditFilters';

/** 导出 the filtered log to a local path, as CSV or PDF/A (like the 调阅登记表 export). */
export function AuditExport({ filters }: { filters: AuditFilterValue }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [target, setTarget] = useState('');
  const { busy, error, run } = useSubmit<'csv' | 'pdf'>();
  const path = target.trim();
  const exportAs = (format: 'csv' | 'pdf') =>
    run(async () => {
      // A path without the extension gets the chosen one.
      const out = path.toLowerCase().endsWith(`.${format}`) ? path : `${path.replace(/\.(csv|pdf)$/i, '')}.${format}`;
      const r = await invoke('audit.export', { ...filters, format, target: out, labels: EXPORT_LABELS });
      void message.success(t('audit.export.done', { rows: r.rows, path: r.path }));
    }, format);
  return (
    <div className="audit-export" style={{ marginBottom: 10 }}>
      <Space.Compact style={{ width: '100%', maxWidth: 760 }}>
        <Input aria-label={t('audit.export.target')} placeholder={t('audit.export.target')} value={target} onChange={(e) => setTarget(e.target.value)} />
        <Button disabled={!path} loading={busy === 'csv'} onClick={() => void exportAs('csv')}>
          {t('audit.export.csv')}
        </Button>
        <Button disabled={!path} loading={busy === 'pdf'} onClick={() => void exportAs('pdf')}>
          {t('audit.export.pdf')}
        </Button>
      </Space.Compact>
      <ErrorAlert error={error} style={{ marginTop: 8 }} />
    </div>
  );
}
