import { ArrowLeftOutlined, BookOutlined, EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Empty, Result, Row, Space, Spin, Table, Tag, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import type { DocumentInfo, PageInfo } from '../../../src/api/types';
import type { CaseOfficer, Party } from '../../../src/domain/case';
import { useQuery } from '../../bridge/use-query';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PROCEDURE_KEYS } from '../../components/labels';
import { useI18n } from '../../i18n/I18nProvider';
import { useSession } from '../auth/session';
import { CaseFootageCard } from '../footage/CaseFootageCard';
import { CaseReviewCard } from '../review/CaseReviewCard';
import { FindingsCard } from '../review/FindingsCard';
import { OcrPanel } from '../ocr/OcrPanel';
import { DATE_KEYS } from './case-form-values';
import { CaseFormModal } from './CaseFormModal';
import { DocumentAddModal } from './DocumentAddModal';
import { PageThumb } from './PageThumb';

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

/** 案件详情: the case's registration data and its documents, each expanding to its pages. */
export function CaseDetailPage() {
  const { id } = useParams();
  const caseId = Number(id);
  const { t, locale } = useI18n();
  const { canWrite } = useSession();
  const navigate = useNavigate();
  const detail = useQuery(
    'case.get',
    { id: caseId },
    { skip: !Number.isInteger(caseId) || caseId <= 0, invalidateOn: (e) => e.type === 'case.changed' && e.caseId === caseId },
  );
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [expanded, setExpanded] = useState<number[]>([]);
  const { refetch, setData } = detail;

  const updatePage = (docId: number, page: PageInfo) =>
    setData((prev) => {
      if (!prev) throw new Error('no case');
      return {
        ...prev,
        documents: prev.documents.map((d) => (d.id === docId ? { ...d, pages: d.pages.map((p) => (p.id === page.id ? page : p)) } : d)),
      };
    });

  const docColumns = useMemo<TableColumnsType<DocumentInfo>>(
    () => [
      { title: t('doc.col.seq'), dataIndex: 'seq', width: 56, align: 'center' },
      { title: t('doc.col.kind'), dataIndex: 'kindName', width: 170, ellipsis: true },
      { title: t('doc.col.title'), dataIndex: 'title', ellipsis: true },
      { title: t('doc.col.docNo'), dataIndex: 'docNo', width: 190, ellipsis: true, render: dash },
      { title: t('doc.col.responsible'), dataIndex: 'responsible', width: 190, ellipsis: true, render: dash },
      { title: t('doc.col.date'), dataIndex: 'date', width: 100, className: 'nowrap', render: dash },
      { title: t('doc.col.pages'), dataIndex: 'pageCount', width: 64, align: 'right' },
    ],
    [t],
  );

  if (!Number.isInteger(caseId) || caseId <= 0) return <Result status="404" title={t('common.notFound')} />;
  if (detail.error && !detail.data) {
    return (
      <div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')} style={{ marginBottom: 12 }}>
          {t('detail.backToList')}
        </Button>
        <ErrorAlert error={detail.error} />
      </div>
    );
  }
  const c = detail.data;
  if (!c) return <Spin style={{ display: 'block', marginTop: 80 }} />;

  const pages = c.documents.reduce((n, d) => n + d.pageCount, 0);
  return (
    <div className="case-detail">
      <div className="page-toolbar">
        <div className="toolbar-left">
          <Button size="small" icon={<ArrowLeftOutlined />} onClick={() => navigate('/cases')} aria-label={t('detail.backToList')} />
          <h2 className="page-title">{c.title}</h2>
          <Tag color={c.procedure === 'general' ? 'geekblue' : 'default'}>{t(PROCEDURE_KEYS[c.procedure])}</Tag>
        </div>
        <Space>
          <Button icon={<BookOutlined />} onClick={() => navigate(`/dossier/${c.id}`)}>
            {t(canWrite ? 'dossier.bindCase' : 'nav.dossier')}
          </Button>
          {canWrite && (
            <>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button type="primary" icon={<FileAddOutlined />} onClick={() => setAdding(true)}>
                {t('doc.add')}
              </Button>
            </>
          )}
        </Space>
      </div>

      <Card size="small" title={t('case.section.basic')} className="section-card">
        <Descriptions
          size="small"
          bordered
          column={3}
          styles={{ label: { width: 120, whiteSpace: 'nowrap' } }}
          items={[
            { key: 'caseNo', label: t('case.field.caseNo'), children: c.caseNo },
            { key: 'cause', label: t('case.field.cause'), children: c.cause },
            { key: 'procedure', label: t('case.field.procedure'), children: t(PROCEDURE_KEYS[c.procedure]) },
            { key: 'decisionNo', label: t('case.field.decisionNo'), children: dash(c.decisionNo) },
            { key: 'source', label: t('case.field.source'), children: dash(c.source) },
            { key: 'createdBy', label: t('case.field.createdBy'), children: dash(c.createdBy) },
            { key: 'organ', label: t('case.field.organ'), children: dash(c.organ) },
            { key: 'unit', label: t('case.field.unit'), children: dash(c.unit) },
            { key: 'createdAt', label: t('case.field.createdAt'), children: formatTime(c.createdAt, locale) },
          ]}
        />
      </Card>

      <Row gutter={[12, 12]} className="section-card stretch-row">
        <Col xs={24} xxl={13}>
          <PartiesCard parties={c.parties} />
        </Col>
        <Col xs={24} xxl={11}>
          <OfficersCard officers={c.officers} />
        </Col>
      </Row>

      <Card size="small" title={t('case.section.dates')} className="section-card">
        <Descriptions
          size="small"
          bordered
          layout="vertical"
          column={7}
          items={DATE_KEYS.map((k) => ({ key: k, label: t(`date.${k}`), children: dash(c.dates[k]) }))}
        />
      </Card>

      <Card
        size="small"
        className="section-card"
        title={t('case.section.documents')}
        extra={<span className="muted">{t('detail.documentsSummary', { docs: c.documents.length, pages })}</span>}
      >
        <Table<DocumentInfo>
          rowKey="id"
          size="small"
          bordered
          columns={docColumns}
          dataSource={c.documents}
          pagination={c.documents.length > 100 ? { pageSize: 100, size: 'small' } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noDocuments')} /> }}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys.map(Number)),
            expandRowByClick: true,
            expandedRowRender: (d) => (
              <div className="thumb-grid">
                {d.pages.length === 0 && <span className="muted">{t('page.empty')}</span>}
                {d.pages.map((p) => (
                  <PageThumb key={p.id} page={p} canWrite={canWrite} docTitle={d.title} onChange={(np) => updatePage(d.id, np)} />
                ))}
              </div>
            ),
          }}
        />
      </Card>

      <OcrPanel caseId={c.id} documents={c.documents} />
      <CaseFootageCard caseId={c.id} />
      <FindingsCard caseId={c.id} />
      <CaseReviewCard caseId={c.id} />

      {editing && (
        <CaseFormModal
          open
          existing={c}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setData(saved);
          }}
        />
      )}
      {adding && (
        <DocumentAddModal
          open
          caseDetail={c}
          onClose={() => setAdding(false)}
          onAdded={(doc) => {
            setAdding(false);
            setExpanded((keys) => [...keys, doc.id]);
            refetch();
          }}
        />
      )}
    </div>
  );
}

function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', { hour12: false });
}

type KeyedParty = Party & { key: number };

function PartiesCard({ parties }: { parties: Party[] }) {
  const { t } = useI18n();
  const rows: KeyedParty[] = parties.map((p, i) => ({ ...p, key: i }));
  const columns: TableColumnsType<KeyedParty> = [
    { title: t('party.type'), width: 90, render: (_, p) => t(p.type === 'person' ? 'party.type.person' : 'party.type.organisation') },
    { title: t('party.name'), dataIndex: 'name', width: 260, ellipsis: true },
    {
      title: t('party.idOrCode'),
      width: 170,
      className: 'mono',
      render: (_, p) => dash(p.type === 'person' ? p.idNumber : p.creditCode),
    },
    {
      title: `${t('party.gender')}/${t('party.legalRepresentative')}`,
      width: 130,
      render: (_, p) => dash(p.type === 'person' ? p.gender : p.legalRepresentative),
    },
    { title: t('party.phone'), dataIndex: 'phone', width: 110, render: dash },
    { title: t('party.address'), dataIndex: 'address', ellipsis: true, render: dash },
  ];
  return (
    <Card size="small" title={t('case.section.parties')}>
      <Table<KeyedParty> rowKey="key" size="small" pagination={false} columns={columns} dataSource={rows} />
    </Card>
  );
}

function OfficersCard({ officers }: { officers: CaseOfficer[] }) {
  const { t } = useI18n();
  const columns: TableColumnsType<CaseOfficer> = [
    { title: t('officer.name'), dataIndex: 'name', width: 100 },
    { title: t('officer.certNo'), dataIndex: 'certNo', width: 150, className: 'mono' },
    { title: t('officer.post'), dataIndex: 'post', width: 220, ellipsis: true, render: dash },
    {
      title: t('officer.roles'),
      dataIndex: 'roles',
      render: (roles: string[]) =>
        roles.length
          ? roles.map((r) => (
              <Tag key={r} style={{ marginInlineEnd: 4 }}>
                {r}
              </Tag>
            ))
          : '—',
    },
  ];
  return (
    <Card size="small" title={t('case.section.officers')}>
      <Table<CaseOfficer> rowKey="certNo" size="small" pagination={false} columns={columns} dataSource={officers} />
    </Card>
  );
}
