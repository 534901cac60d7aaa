/** Chinese names of input fields, for error messages (the path's last named segment is looked up). */
export const FIELD_LABELS_ZH: Record<string, string> = {
  caseNo: '案号',
  title: '题名/案件名称',
  cause: '案由',
  procedure: '程序',
  decisionNo: '处罚决定书文号',
  source: '案件来源',
  organ: '执法机关',
  unit: '办案机构',
  parties: '当事人',
  officers: '执法人员',
  name: '姓名/名称',
  idNumber: '身份证号码',
  creditCode: '统一社会信用代码',
  certNo: '执法证号',
  post: '职务',
  roles: '角色',
  type: '类型',
  dates: '日期',
  filed: '立案日期',
  investigationConcluded: '调查终结日期',
  noticeServed: '告知日期',
  decision: '决定日期',
  served: '送达日期',
  executed: '执行完毕日期',
  closed: '结案日期',
  birthDate: '出生日期',
  kind: '文书种类',
  docNo: '文号',
  responsible: '责任者',
  date: '日期',
  files: '文件',
  username: '用户名',
  displayName: '姓名',
  password: '密码',
  role: '角色',
  reason: '原因',
  stages: '阶段',
  documentKinds: '文书种类目录',
  stage: '阶段',
  code: '代码',
  id: '编号',
  version: '版本',
};

const REASONS: Record<string, [string, string]> = {
  required: ['is required', '不能为空'],
  too_long: ['is too long', '过长'],
  bad_date: ['is not a valid date (YYYY-MM-DD)', '不是有效日期（YYYY-MM-DD）'],
  bad_id_number: ['is not a valid resident ID number (18 characters, checksum)', '不是有效的居民身份证号码（18位，校验位不符）'],
  bad_credit_code: ['is not a valid unified social credit code (18 characters, checksum)', '不是有效的统一社会信用代码（18位，校验位不符）'],
  bad_cert_no: ['is not a valid law-enforcement certificate number', '不是有效的执法证号'],
  bad_procedure: ['must be general or summary', '必须为一般程序（general）或简易程序（summary）'],
  need_party: ['needs at least one party', '至少需要一名当事人'],
  need_officer: ['needs at least one officer', '至少需要一名执法人员'],
  general_needs_filed: ['is required for 一般程序 cases', '一般程序案件必须填写立案日期'],
  duplicate: ['is duplicated', '重复'],
  need_file: ['needs at least one file', '至少需要一个文件'],
  need_reason: ['needs a reason', '必须说明原因'],
  password_too_short: ['must be at least 8 characters', '至少 8 个字符'],
  bad_username: ['may use 2–32 letters, digits, _ . -', '只能使用 2–32 位字母、数字或 _ . -'],
  unknown_stage: ['names a stage the profile does not define', '引用了规范中未定义的阶段'],
  needs_other_kind: ['must include the kind QT (其他)', '必须包含“其他”（QT）文书种类'],
  bad_kind_code: ['must be 2–16 uppercase letters/digits', '必须为 2–16 位大写字母或数字'],
  bad_stage_id: ['must be lowercase letters, digits and -', '只能使用小写字母、数字和 -'],
  bad_profile_id: ['must be lowercase letters, digits and -', '只能使用小写字母、数字和 -'],
};

export function reasonText(code: string): [string, string] {
  return REASONS[code] ?? [code, code];
}

/** `parties[0].name` → `当事人第1项 姓名/名称`. */
export function pathLabelZh(path: readonly PropertyKey[]): string {
  const out: string[] = [];
  for (const seg of path) {
    if (typeof seg === 'number') out.push(`第${seg + 1}项`);
    else out.push(FIELD_LABELS_ZH[String(seg)] ?? String(seg));
  }
  return out.join(' ');
}

export function pathText(path: readonly PropertyKey[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? String(s) : `.${String(s)}`)).join('');
}
