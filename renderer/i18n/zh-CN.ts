/** 简体中文 — the primary dictionary. Every key here must exist in en.ts (a test checks both ways). */
import { casesZhCN } from './cases.zh-CN.js';
import { dossierZhCN } from './dossier.zh-CN.js';
import { auditZhCN } from './audit.zh-CN.js';
import { authZhCN } from './auth.zh-CN.js';
import { settingsZhCN } from './settings.zh-CN.js';
import { exportZhCN } from './export.zh-CN.js';
import { footageZhCN } from './footage.zh-CN.js';
import { searchZhCN } from './search.zh-CN.js';
import { reviewZhCN } from './review.zh-CN.js';
import { clipZhCN } from './clip.zh-CN.js';
import { retrievalZhCN } from './retrieval.zh-CN.js';
import { officerZhCN } from './officer.zh-CN.js';
import { fournessZhCN } from './fourness.zh-CN.js';
import { ocrZhCN } from './ocr.zh-CN.js';

export const zhCN = {
  ...casesZhCN,
  ...dossierZhCN,
  ...auditZhCN,
  ...authZhCN,
  ...settingsZhCN,
  ...footageZhCN,
  ...exportZhCN,
  ...searchZhCN,
  ...reviewZhCN,
  ...clipZhCN,
  ...retrievalZhCN,
  ...officerZhCN,
  ...fournessZhCN,
  ...ocrZhCN,
  'app.name': '卷宗',
  'app.subtitle': '行政执法案卷档案管理',
  'app.loading': '正在加载…',
  'app.connecting': '正在连接卷宗服务…',
  'app.connectFailed': '无法连接卷宗服务',
  'app.retry': '重试',

  'lang.zh': '中文',
  'lang.en': 'English',

  'nav.cases': '案件',
  'nav.dossier': '卷宗',
  'nav.footage': '音像',
  'nav.retrieval': '调阅',
  'nav.review': '评查',
  'nav.audit': '审计',
  'nav.settings': '设置',

  'common.ok': '确定',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.close': '关闭',
  'common.back': '返回',
  'common.edit': '编辑',
  'common.add': '添加',
  'common.remove': '删除',
  'common.search': '搜索',
  'common.all': '全部',
  'common.yes': '是',
  'common.no': '否',
  'common.none': '—',
  'common.required': '请填写{field}',
  'common.requiredSelect': '请选择{field}',
  'common.total': '共 {count} 条',
  'common.loadMore': '加载更多',
  'common.saved': '已保存',
  'common.notFound': '未找到',
  'common.browseFolder': '选择文件夹…',

  'notyet.title': '尚未开放',
  'notyet.subtitle': '“{feature}”功能正在建设中，暂未开放。',
} as const;

export type MessageKey = keyof typeof zhCN;
