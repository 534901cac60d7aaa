import { Alert, Descriptions, Table } from 'antd';
import type { IngestFileError, IngestReport } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { formatBytes, formatRate } from './footage-format';

/** What an ingest did: counts, bytes, rate, and each file that failed with its reason. */
export function IngestReportView({ report }: { report: IngestReport }) {
  const { t, locale } = useI18n();
  const rate = report.seconds && report.seconds > 0 ? report.bytes / report.seconds : 0;
  const status = report.cancelled ? 'warning' : report.errors.length ? 'warning' : 'success';
  return (
    <div className="footage-ingest-report">
      <Alert
        type={status}
        showIcon
        title={report.cancelled ? t('footage.ingest.cancelled') : t('footage.ingest.done')}
        description={t('footage.ingest.summary', {
          files: report.files,
          new: report.new,
          duplicates: report.duplicates,
          errors: report.errors.length,
        })}
        style={{ marginBottom: 10 }}
      />
      <Descriptions
        size="small"
        bordered
        column={4}
        items={[
          { key: 'files', label: t('footage.ingest.files'), children: report.files },
          { key: 'new', label: t('footage.ingest.new'), children: report.new },
          { key: 'dup', label: t('footage.ingest.duplicates'), children: report.duplicates },
          { key: 'err', label: t('footage.ingest.errors'), children: report.errors.length },
          { key: 'bytes', label: t('footage.ingest.bytes'), children: formatBytes(report.bytes) },
          { key: 'rate', label: t('footage.ingest.rate'), children: formatRate(rate) },
          { key: 'secs', label: t('footage.ingest.seconds'), children: t('footage.seconds', { n: report.seconds }) },
          { key: 'ignored', label: t('footage.ingest.ignored'), children: report.ignored },
          { key: 'root', label: t('footage.ingest.sourceRoot'), span: 4, children: <span className="mono">{report.sourceRoot}</span> },
        ]}
      />
      {report.errors.length > 0 && (
        <Table<IngestFileError>
          style={{ marginTop: 10 }}
          rowKey={(e) => `${e.relPath}-${e.code}`}
          size="small"
          bordered
          pagination={report.errors.length > 20 ? { pageSize: 20, size: 'small' } : false}
          dataSource={report.errors}
          columns={[
            { title: t('footage.ingest.errorFile'), dataIndex: 'relPath', width: 360, className: 'mono footage-path' },
            { title: t('footage.ingest.errorReason'), key: 'reason', render: (_, e) => withoutFile(locale === 'zh-CN' ? e.messageZh : e.message, e.relPath) },
          ]}
        />
      )}
    </div>
  );
}

/** "a/b/c.MP4：文件为空" → "文件为空" when the file is shown in its own column. */
function withoutFile(text: string, relPath: string): string {
  const base = relPath.split(/[\\/]/).pop() ?? relPath;
  for (const name of [relPath, base]) for (const sep of ['：', ': ', ':']) if (name && text.startsWith(name + sep)) return text.slice(name.length + sep.length);
  return text;
}
