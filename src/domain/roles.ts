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
