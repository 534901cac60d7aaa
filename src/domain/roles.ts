/** Local account roles. 档案员 files cases, 领导 approves 调阅, 评查员 reads only, 管理员 manages accounts. */
export const ROLES = ['admin', 'archivist', 'supervisor', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Administrator' },
  archivist: { zh: '档案员', en: 'Archivist' },
  supervisor: { zh: '领导', en: 'Supervisor' },
  inspector: { zh: '评查员', en: 'Inspector' },
};

/** Roles that may change the catalogue (cases, documents). */
export const WRITERS: readonly Role[] = ['admin', 'archivist'];
/** Every signed-in role. */
export const ANY_ROLE: readonly Role[] = ROLES;
/** Account management. */
export const ADMINS: readonly Role[] = ['admin'];
/** Roles that look after the holdings (export a sealed dossier, run a fixity audit): all but the read-only 评查员. */
export const CUSTODIANS: readonly Role[] = ['admin', 'archivist', 'supervisor'];
/** Roles that approve (销毁 disposal, 调阅): 领导 and the administrator. */
export const APPROVERS: readonly Role[] = ['admin', 'supervisor'];
/** Roles that read the audit log: 领导, 评查员 and the administrator. */
export const AUDIT_READERS: readonly Role[] = ['admin', 'supervisor', 'inspector'];
/** Roles that draw 评查计划 samples and assign them: 评查员, 领导 and the administrator. */
export const REVIEW_PLANNERS: readonly Role[] = ['admin', 'supervisor', 'inspector'];
/** Roles that score an assigned dossier: only the 评查员 (and only their own assignments). */
export const REVIEWERS: readonly Role[] = ['inspector'];
/** Roles that mark a second of a clip while viewing it (调阅 标记): 领导, 评查员 and the administrator. */
export const CLIP_MARKERS: readonly Role[] = ['admin', 'supervisor', 'inspector'];
/** Roles that write the 调阅登记表 of everyone's viewing sessions: 领导, 档案员 and the administrator. */
export const RETRIEVAL_REGISTRARS: readonly Role[] = ['admin', 'supervisor', 'archivist'];
/** Roles that export 评查 reports: the planners, and the 档案员 who answer the findings. */
export const REVIEW_REPORTERS: readonly Role[] = [...REVIEW_PLANNERS, ...WRITERS.filter((r) => r !== 'admin')];
/** Roles that run the automatic 评查 checks on a case: the audit readers and the writers. */
export const CASE_CHECKERS: readonly Role[] = [...new Set([...AUDIT_READERS, ...WRITERS])];
