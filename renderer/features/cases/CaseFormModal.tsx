import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Divider, Form, Input, Modal, Row, Select, type FormInstance, type FormRule } from 'antd';
import { useState } from 'react';
import type { CaseDetail } from '../../../src/api/types';
import { isCreditCode, isResidentId } from '../../../src/domain/identity-numbers';
import { ClientError, invoke } from '../../bridge/client';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh-CN';
import { caseToForm, DATE_KEYS, emptyCaseForm, fieldIssues, formToCaseInput, type CaseFormValues } from './case-form-values';

const OFFICER_ROLE_KEYS: MessageKey[] = [
  'officer.role.lead',
  'officer.role.assist',
  'officer.role.questioner',
  'officer.role.recorder',
  'officer.role.inspector',
  'officer.role.server',
];

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
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    try {
      const saved = existing ? await invoke('case.update', { id: existing.id, case: input }) : await invoke('case.create', input);
      message.success(t(existing ? 'case.updated' : 'case.created'));
      onSaved(saved);
    } catch (e) {
      if (e instanceof ClientError) {
        const issues = fieldIssues(e.payload.details, existing ? 'case' : undefined).filter((i) => i.name.length > 0);
        if (issues.length) {
          form.setFields(issues.map((i) => ({ name: i.name as never, errors: [locale === 'zh-CN' ? i.messageZh : i.message] })));
        } else if (e.code === 'duplicate') {
          form.setFields([{ name: 'caseNo', errors: [errorText(e)] }]);
        }
      }
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t(existing ? 'case.formEdit' : 'case.formCreate')}
      width={1120}
      centered
      destroyOnHidden
      maskClosable={false}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
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
            <Form.Item name="procedure" label={t('case.field.procedure')} rules={[{ required: true, message: t('common.requiredSelect', { field: t('case.field.procedure') }) }]}>
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
                    ? [{ required: true, message: t('common.requiredSelect', { field: t('date.closed') }) }]
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

function ListHeader({ cols }: { cols: { span: number; label: string; required?: boolean }[] }) {
  return (
    <Row gutter={8} className="list-header">
      {cols.map((c, i) => (
        <Col span={c.span} key={i}>
          {c.required && <span className="req-mark">*</span>}
          {c.label}
        </Col>
      ))}
    </Row>
  );
}

function PartiesSection({ form }: { form: FormInstance<CaseFormValues> }) {
  const { t } = useI18n();
  return (
    <>
      <Divider titlePlacement="start" plain className="form-divider">
        {t('case.section.parties')}
      </Divider>
      <ListHeader
        cols={[
          { span: 3, label: t('party.type'), required: true },
          { span: 4, label: t('party.name'), required: true },
          { span: 5, label: `${t('party.idNumber')} / ${t('party.creditCode')}` },
          { span: 3, label: `${t('party.gender')} / ${t('party.legalRepresentative')}` },
          { span: 3, label: t('party.phone') },
          { span: 5, label: t('party.address') },
        ]}
      />
      <Form.List
        name="parties"
        rules={[{ validator: (_, v: unknown[] | undefined) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('party.need')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f) => (
              <PartyRow key={f.key} form={form} index={f.name} onRemove={fields.length > 1 ? () => remove(f.name) : undefined} />
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ type: 'person' })}>
              {t('party.add')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}

function PartyRow({ form, index, onRemove }: { form: FormInstance<CaseFormValues>; index: number; onRemove?: () => void }) {
  const { t } = useI18n();
  const type = Form.useWatch(['parties', index, 'type'], form) ?? 'person';
  const person = type === 'person';
  return (
    <Row gutter={8} className="list-row">
      <Col span={3}>
        <Form.Item name={[index, 'type']} noStyle>
          <Select
            style={{ width: '100%' }}
            options={[
              { value: 'person', label: t('party.type.person') },
              { value: 'organisation', label: t('party.type.organisation') },
            ]}
          />
        </Form.Item>
      </Col>
      <Col span={4}>
        <Form.Item
          name={[index, 'name']}
          rules={[{ required: true, whitespace: true, message: t('common.required', { field: t(person ? 'party.name.person' : 'party.name.organisation') }) }]}
        >
          <Input placeholder={t(person ? 'party.name.person' : 'party.name.organisation')} />
        </Form.Item>
      </Col>
      <Col span={5}>
        {person ? (
          <Form.Item
            name={[index, 'idNumber']}
            rules={[{ validator: (_, v?: string | null) => (!v?.trim() || isResidentId(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('party.badIdNumber')))) }]}
          >
            <Input placeholder={t('party.idNumber')} maxLength={18} />
          </Form.Item>
        ) : (
          <Form.Item
            name={[index, 'creditCode']}
            rules={[{ validator: (_, v?: string | null) => (!v?.trim() || isCreditCode(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('party.badCreditCode')))) }]}
          >
            <Input placeholder={t('party.creditCode')} maxLength={18} />
          </Form.Item>
        )}
      </Col>
      <Col span={3}>
        {person ? (
          <Form.Item name={[index, 'gender']}>
            <Select
              allowClear
              placeholder={t('party.gender')}
              options={[
                { value: '男', label: t('party.gender.male') },
                { value: '女', label: t('party.gender.female') },
              ]}
            />
          </Form.Item>
        ) : (
          <Form.Item name={[index, 'legalRepresentative']} rules={[{ max: 100 }]}>
            <Input placeholder={t('party.legalRepresentative')} />
          </Form.Item>
        )}
      </Col>
      <Col span={3}>
        <Form.Item name={[index, 'phone']} rules={[{ max: 40 }]}>
          <Input placeholder={t('party.phone')} />
        </Form.Item>
      </Col>
      <Col span={5}>
        <Form.Item name={[index, 'address']} rules={[{ max: 500 }]}>
          <Input placeholder={t('party.address')} />
        </Form.Item>
      </Col>
      <Col span={1}>
        {onRemove && <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.remove')} />}
      </Col>
    </Row>
  );
}

function OfficersSection({ form }: { form: FormInstance<CaseFormValues> }) {
  const { t } = useI18n();
  const roleOptions = OFFICER_ROLE_KEYS.map((k) => ({ value: t(k), label: t(k) }));
  return (
    <>
      <Divider titlePlacement="start" plain className="form-divider">
        {t('case.section.officers')}
      </Divider>
      <ListHeader
        cols={[
          { span: 4, label: t('officer.name'), required: true },
          { span: 5, label: t('officer.certNo'), required: true },
          { span: 5, label: t('officer.post') },
          { span: 9, label: t('officer.roles') },
        ]}
      />
      <Form.List
        name="officers"
        rules={[{ validator: (_, v: unknown[] | undefined) => (v && v.length > 0 ? Promise.resolve() : Promise.reject(new Error(t('officer.need')))) }]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((f) => (
              <Row gutter={8} key={f.key} className="list-row">
                <Col span={4}>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('officer.name') }) }]}>
                    <Input placeholder={t('officer.name')} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item
                    name={[f.name, 'certNo']}
                    rules={[
                      { required: true, whitespace: true, message: t('common.required', { field: t('officer.certNo') }) },
                      { min: 4, message: t('officer.badCertNo') },
                      {
                        validator: (_, v?: string) => {
                          const all = (form.getFieldValue('officers') as { certNo?: string }[] | undefined) ?? [];
                          const same = all.filter((o) => v?.trim() && o.certNo?.trim() === v.trim()).length;
                          return same > 1 ? Promise.reject(new Error(t('officer.duplicateCertNo'))) : Promise.resolve();
                        },
                      },
                    ]}
                  >
                    <Input placeholder={t('officer.certNo')} />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item name={[f.name, 'post']} rules={[{ max: 100 }]}>
                    <Input placeholder={t('officer.post')} />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item name={[f.name, 'roles']}>
                    <Select mode="tags" placeholder={t('officer.rolesPlaceholder')} options={roleOptions} tokenSeparators={[',', '，', '、']} />
                  </Form.Item>
                </Col>
                <Col span={1}>
                  {fields.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(f.name)} aria-label={t('common.remove')} />}
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ roles: [] })}>
              {t('officer.add')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
