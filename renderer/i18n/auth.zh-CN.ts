/** 登录与管理员创建 (sign-in and first-run setup) strings, spread into zh-CN.ts. Same keys in auth.en.ts. */
export const authZhCN = {
  'auth.login': '登录',
  'auth.logout': '退出',
  'auth.username': '用户名',
  'auth.password': '密码',
  'auth.passwordAgain': '确认密码',
  'auth.displayName': '姓名',
  'auth.loginTitle': '登录卷宗',
  'auth.setupTitle': '创建管理员账户',
  'auth.setupHint': '这是新建的档案库，请先创建管理员账户。管理员可在“设置”中为档案员、领导和评查员开设账户。',
  'auth.setupSubmit': '创建并登录',
  'auth.usernameRule': '用户名为 2–32 位字母、数字、下划线、点或连字符',
  'auth.passwordRule': '密码至少 10 位',
  'auth.lockedHint': '账户已锁定：请联系管理员在“设置 — 用户”中点击“解锁”。',
  'auth.throttledHint': '为防止密码被猜测，连续登录失败后需等待片刻再试。',
  'auth.passwordMismatch': '两次输入的密码不一致',
  'auth.sessionExpired': '登录已失效，请重新登录',

  'role.label': '角色',
} as const;
