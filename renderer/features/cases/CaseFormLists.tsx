import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Col, Divider, Form, Input, Row, Select, type FormInstance } from 'antd';
import { isCreditCode, isResidentId } from '../../../src/domain/identity-numbers';
import { useI18n } from '../../i18n/I18nProvider';
import type { MessageKey } from '../../i18n/zh-CN';
import type { CaseFormValues } from './case-form-values';

/** The case form's repeating rows: 当事人 and 执法人员 (Form.List), with their own checks. */
const OFFICER_ROLE_KEYS: MessageKey[] = [
  'officer.role.lead',
  'officer.role.assist',
  'officer.role.questioner',
  'officer.role.recorder',
  'officer.role.inspector',
  'officer.role.server',
];

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

export function PartiesSection({ form }: { form: FormInstance<CaseFormValues> }) {
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
            rules={[
              {
                validator: (_, v?: string | null) =>
                  !v?.trim() || isResidentId(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('party.badIdNumber'))),
              },
            ]}
          >
            <Input placeholder={t('party.idNumber')} maxLength={18} />
          </Form.Item>
        ) : (
          <Form.Item
            name={[index, 'creditCode']}
            rules={[
              {
                validator: (_, v?: string | null) =>
                  !v?.trim() || isCreditCode(v.trim().toUpperCase()) ? Promise.resolve() : Promise.reject(new Error(t('party.badCreditCode'))),
              },
            ]}
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
      <Col span={1}>{onRemove && <Button type="text" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('common.remove')} />}</Col>
    </Row>
  );
}

export function OfficersSection({ form }: { form: FormInstance<CaseFormValues> }) {
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
                  <Form.Item
                    name={[f.name, 'name']}
                    rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('officer.name') }) }]}
                  >
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
