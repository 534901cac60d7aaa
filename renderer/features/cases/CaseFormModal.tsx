import { App, Col, DatePicker, Divider, Form, Input, Modal, Row, Select, type FormRule } from 'antd';
import type { CaseDetail } from '../../../src/api/types';
import { ClientError, invoke } from '../../bridge/client';
import { useSubmit } from '../../components/use-submit';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh-CN';
import { OfficerCertWarnings } from '../officers/OfficerCertWarnings';
import { OfficersSection, PartiesSection } from './CaseFormLists';
import { caseToForm, DATE_KEYS, emptyCaseForm, fieldIssues, formToCaseInput, type CaseFormValues } from './case-form-values';

export interface CaseFormModalProps {
  open: boolean;
  /** Absent: register a new case. */
  existing?: CaseDetail;
  onClose: () => void;
  onSaved: (c: CaseDetail) => void;
}

/** 登记案件 / 编辑案件: every CaseInput field, checked here first and by the core again. */
export function CaseFormModal({ open, existing, onClose, onSaved }: CaseFormModalProps) {
  const { t, locale, errorText } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<CaseFormValues>();
  const { busy, run } = useSubmit({ onError: (e) => showSaveError(e) });
  const req = (key: MessageKey): FormRule => ({ required: true, whitespace: true, message: t('common.required', { field: t(key) }) });

  const save = async () => {
    try {
      await form.validateFields();
    } catch (e) {
      const n = (e as { errorFields?: unknown[] }).errorFields?.length ?? 0;
      if (n) message.error(t('case.invalid', { count: n }));
      return;
    }
    const values = form.getFieldsValue(true) as CaseFormValues;
    const input = formToCaseInput(values, existing?.extra ?? null);
    await run(async () => {
      const saved = existing ? await invoke('case.update', { id: existing.id, case: input }) : await invoke('case.create', input);
      message.success(t(existing ? 'case.updated' : 'case.created'));
      onSaved(saved);
    });
  };

  /** The core's field issues go on their fields (a duplicate 案号 on 案号), and a toast says what failed. */
  function showSaveError(e: unknown) {
    if (e instanceof ClientError) {
      const issues = fieldIssues(e.payload.details, existing ? 'case' : undefined).filter((i) => i.name.length > 0);
      if (issues.length) {
        form.setFields(issues.map((i) => ({ name: i.name as never, errors: [locale === 'zh-CN' ? i.messageZh : i.message] })));
      } else if (e.code === 'duplicate') {
        form.setFields([{ name: 'caseNo', errors: [errorText(e)] }]);
      }
    }
    message.error(errorText(e));
  }

  return (
    <Modal
      open={open}
      title={t(existing ? 'case.formEdit' : 'case.formCreate')}
      width={1120}
      centered
      destroyOnHidden
      mask={{ closable: false }}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy !== null}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', paddingRight: 8 } }}
    >
      <Form<CaseFormValues>
        form={form}
        name="caseForm"
        layout="vertical"
        initialValues={existing ? caseToForm(existing) : emptyCaseForm()}
        className="case-form"
        scrollToFirstError
      >
        <Divider titlePlacement="start" plain className="form-divider">
          {t('case.section.basic')}
        </Divider>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="caseNo" label={t('case.field.caseNo')} rules={[req('case.field.caseNo'), { max: 100 }]}>
              <Input placeholder={t('case.placeholder.caseNo')} />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item name="title" label={t('case.field.title')} rules={[req('case.field.title'), { max: 300 }]}>
              <Input placeholder={t('case.placeholder.title')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="cause" label={t('case.field.cause')} rules={[req('case.field.cause'), { max: 300 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item
              name="procedure"
              label={t('case.field.procedure')}
              rules={[{ required: true, message: t('common.requiredSelect', { field: t('case.field.procedure') }) }]}
            >
              <Select
                options={[
                  { value: 'general', label: t('procedure.general') },
                  { value: 'summary', label: t('procedure.summary') },
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="decisionNo" label={t('case.field.decisionNo')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="source" label={t('case.field.source')} rules={[{ max: 500 }]}>
              <Input placeholder={t('case.placeholder.source')} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="organ" label={t('case.field.organ')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="unit" label={t('case.field.unit')} rules={[{ max: 100 }]}>
              <Input />
            </Form.Item>
          </Col>
        </Row>

        <PartiesSection form={form} />
        <OfficersSection form={form} />
        <OfficerCertWarnings form={form} />

        <Divider titlePlacement="start" plain className="form-divider">
          {t('case.section.dates')}
        </Divider>
        <Row gutter={8} wrap={false}>
          {DATE_KEYS.map((k) => (
            <Col flex="1" key={k} style={{ minWidth: 0 }}>
              <Form.Item
                name={['dates', k]}
                label={t(`date.${k}`)}
                dependencies={k === 'filed' ? ['procedure'] : undefined}
                rules={
                  k === 'closed'
                    ? [{ required: true, message: t('date.closedRequired') }]
                    : k === 'filed'
                      ? [({ getFieldValue }) => ({ required: getFieldValue('procedure') === 'general', message: t('date.filedRequired') })]
                      : []
                }
              >
                <DatePicker style={{ width: '100%' }} format="YYYY-MM-DD" />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
    </Modal>
  );
}
