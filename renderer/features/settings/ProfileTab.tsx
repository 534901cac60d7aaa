import { Descriptions, Select, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import type { DocumentKind } from '../../../src/domain/profile';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useViewportHeight } from '../../components/use-viewport-height';
import { useI18n } from '../../i18n/I18nProvider';

/** The filing profile in use: stages and the document-kind catalogue. */
export function ProfileTab() {
  const { t } = useI18n();
  const profile = useQuery('profile.current', {});
  const [stage, setStage] = useState<string | undefined>();
  const viewport = useViewportHeight();
  const p = profile.data;
  const stageName = useMemo(() => new Map((p?.stages ?? []).map((s) => [s.id, s.name])), [p]);
  const rows = useMemo(() => (p?.documentKinds ?? []).filter((k) => !stage || k.stage === stage), [p, stage]);

  const columns: TableColumnsType<DocumentKind> = [
    { title: t('settings.kind.code'), dataIndex: 'code', width: 90, className: 'mono' },
    { title: t('settings.kind.name'), dataIndex: 'name', width: 240 },
    { title: t('settings.kind.aliases'), dataIndex: 'aliases', ellipsis: true, render: (a: string[]) => (a.length ? a.join('、') : '—') },
    { title: t('settings.kind.stage'), dataIndex: 'stage', width: 100, render: (s: string) => stageName.get(s) ?? s },
    {
      title: t('settings.kind.volume'),
      dataIndex: 'volume',
      width: 70,
      render: (v: DocumentKind['volume']) =>
        v === 'secondary' ? <Tag color="orange">{t('settings.kind.volume.secondary')}</Tag> : t('settings.kind.volume.main'),
    },
    { title: t('settings.kind.hasDocNo'), dataIndex: 'hasDocNo', width: 70, render: (b: boolean) => t(b ? 'common.yes' : 'common.no') },
  ];

  if (profile.error) return <ErrorAlert error={profile.error} />;
  return (
    <div>
      <Descriptions
        size="small"
        bordered
        column={2}
        styles={{ label: { width: 140 } }}
        style={{ marginBottom: 12 }}
        items={
          p
            ? [
                { key: 'name', label: t('settings.profile.name'), children: p.name },
                { key: 'version', label: t('settings.profile.version'), children: `${p.id} · ${p.version}` },
                { key: 'desc', label: t('settings.profile.description'), children: p.description || '—', span: 2 },
                {
                  key: 'stages',
                  label: t('settings.profile.stages'),
                  span: 2,
                  children: p.stages.map((s, i) => (
                    <Tag key={s.id}>
                      {i + 1}. {s.name}
                    </Tag>
                  )),
                },
              ]
            : []
        }
      />
      <div className="page-toolbar">
        <strong>
          {t('settings.profile.kinds')}（{rows.length}）
        </strong>
        <Select
          allowClear
          size="small"
          style={{ width: 180 }}
          placeholder={t('settings.kind.stage')}
          value={stage}
          onChange={setStage}
          options={(p?.stages ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </div>
      <Table<DocumentKind>
        rowKey="code"
        size="small"
        bordered
        virtual
        scroll={{ x: 800, y: Math.max(240, viewport - 360) }}
        pagination={false}
        loading={profile.loading}
        columns={columns}
        dataSource={rows}
      />
    </div>
  );
}
