import { Table, Tag } from 'antd';
import type { FixityProblem } from '../../../src/api/types-footage';
import { useI18n } from '../../i18n/I18nProvider';
import { OUTCOME_KEYS } from './clip-labels';
import { shortDigest } from './footage-format';

const COLORS = { changed: 'red', vanished: 'volcano', appeared: 'gold' } as const;

/** Each changed / missing / new file by its original name and case. */
export function FixityProblemsTable({ problems }: { problems: FixityProblem[] }) {
  const { t, locale } = useI18n();
  return (
    <Table<FixityProblem>
      rowKey={(p) => `${p.outcome}-${p.sha256}`}
      size="small"
      bordered
      pagination={problems.length > 50 ? { pageSize: 50, size: 'small' } : false}
      dataSource={problems}
      columns={[
        {
          title: t('footage.fixity.col.outcome'),
          dataIndex: 'outcome',
          width: 100,
          render: (o: FixityProblem['outcome']) => <Tag color={COLORS[o]}>{t(OUTCOME_KEYS[o])}</Tag>,
        },
        { title: t('footage.fixity.col.names'), dataIndex: 'names', render: (n: string[]) => <span className="mono">{n.join('、') || '—'}</span> },
        { title: t('footage.fixity.col.cases'), dataIndex: 'cases', width: 200, render: (c: string[]) => c.join('、') || '—' },
        { title: t('footage.fixity.col.message'), key: 'msg', render: (_, p) => (locale === 'zh-CN' ? p.messageZh : p.message) },
        {
          title: 'SHA-256',
          dataIndex: 'sha256',
          width: 130,
          render: (h: string) => (
            <span className="hash" title={h}>
              {shortDigest(h)}
            </span>
          ),
        },
      ]}
    />
  );
}
