#!/usr/bin/env node
// Retrieval benchmark (issue 10, "Speed"): a county-scale catalogue — 100,000 cases, 1,000,000 clips,
// 2,000,000 documents (× --scale) — with realistic Chinese text, then the median and p95 of each query
// type of `search.query`:
//   text of 1, 2, 3 and 6 Chinese characters; officer + date range; device + day; case number
// (a) in the core: core.invoke('search.query') — validation, role check, the use case, SQLite
// (b) through the bridge: the same core behind startBridge (as `juanzong serve`), POST /api/search.query
//     over loopback with a keep-alive connection
// (c) the peer, in the same run on the same catalogue: the same text queries with LIKE only (no FTS),
//     and the filter queries through the existing `footage.list` operation.
// Plus the catalogue file size and the share of it the search indexes take (dbstat).
//
// The catalogue is made with the app's own migrations (openCore creates the archive) and prepared
// INSERT statements in that schema, one transaction per 50,000 rows. Not the repositories: they prepare
// per call and audit each write, which would make generation hours instead of minutes. The search
// triggers (migration 0005) are set aside during the bulk load and the index is built afterwards by
// rebuildSearchIndex — the migration's own backfill statements, i.e. what migrating a populated
// catalogue does — then the triggers are restored, so the queries run on the app's exact schema.
//
// Usage: node scripts/bench-retrieval.mjs [--scale 1] [--samples 60] [--peer-samples 10] [--dir /tmp] [--keep] [--out FILE.json]
// Targets: p95 ≤ 20 ms in the core and ≤ 50 ms through the bridge, for every query type.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = (p) => import(path.join(root, 'src', p));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const log = (s) => process.stderr.write(`${s}\n`);

const SCALE = Number(opt('scale', '1'));
const SAMPLES = Number(opt('samples', '60'));
const PEER_SAMPLES = Number(opt('peer-samples', '10'));
const N = {
  cases: Math.round(100_000 * SCALE),
  clips: Math.round(1_000_000 * SCALE),
  documents: Math.round(2_000_000 * SCALE),
  officers: Math.max(20, Math.round(600 * SCALE)),
  devices: Math.max(20, Math.round(600 * SCALE)),
};
const BATCH = 50_000;
const PASSWORD = 'bench-pass-1';

// ---- deterministic random text -------------------------------------------------------------------
let seed = 20240311;
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const int = (n) => Math.floor(rnd() * n);
const pick = (a) => a[int(a.length)];
const chars = (s) => [...s];

const SURNAMES = chars(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
);
const GIVEN = chars('伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文斌玉红梅鹏飞志海燕波辉晓东俊峰雪丹宇浩然欣怡子涵梓轩永福春生金凤秋菊长林德胜');
const PLACE = chars('青石柳河白沙东山南阳北关西湖马庄新集王店桥头双河杨楼李寨高庙黄岗清水龙泉枣林柿园桃花杏坡梨树槐荫松岭竹园');
const COUNTIES = ['青石县', '柳河县', '白沙县', '东山县', '南阳县', '清水县'];
const TOWNS = [
  '青石镇',
  '柳林镇',
  '白沙乡',
  '东关街道',
  '城关镇',
  '马庄乡',
  '新集镇',
  '王店镇',
  '桥头镇',
  '双河镇',
  '杨楼乡',
  '李寨镇',
  '高庙乡',
  '黄岗镇',
  '龙泉街道',
];
const CAUSES = [
  '未取得乡村建设规划许可证进行建设',
  '违法占用耕地建房',
  '占道经营',
  '无照经营',
  '销售过期食品',
  '违法排放污水',
  '露天焚烧秸秆',
  '擅自设置户外广告',
  '未按规定处置建筑垃圾',
  '违规燃放烟花爆竹',
  '非法采砂',
  '违法饲养犬只',
  '擅自占用城市绿地',
  '运输渣土沿途撒漏',
  '违法搭建临时建筑',
  '未取得食品经营许可从事食品经营',
  '擅自改变房屋用途',
  '违法倾倒生活垃圾',
  '占用消防通道',
  '未经批准擅自砍伐林木',
  '擅自挖掘城市道路',
  '生产经营单位未落实安全生产责任',
  '违规存放易燃易爆物品',
  '未经许可从事道路货物运输',
  '出售不符合安全标准的农药',
  '违法收购野生动物',
  '擅自在河道管理范围内建设',
  '超标排放油烟',
  '未按规定设置垃圾分类设施',
  '违法占用林地',
];
const ACTIVITIES = ['现场检查', '询问调查', '查封扣押', '送达文书', '听证', '强制拆除', '抽样取证', '先行登记保存', '当场处罚', '责令改正'];
const DOC_TITLES = [
  '立案审批表',
  '询问笔录',
  '现场检查笔录',
  '现场勘验笔录',
  '责令改正通知书',
  '行政处罚事先告知书',
  '听证告知书',
  '陈述申辩笔录',
  '案件调查终结报告',
  '案件审核意见书',
  '集体讨论记录',
  '行政处罚决定书',
  '送达回证',
  '罚没款收据',
  '结案审批表',
  '证据材料登记表',
  '现场照片',
  '视听资料说明',
  '营业执照复印件',
  '身份证复印件',
];
const DOC_ABBR = { 责令改正通知书: '责改', 行政处罚事先告知书: '罚告', 听证告知书: '听告', 行政处罚决定书: '罚决', 送达回证: '送' };
const INDUSTRY = ['建材', '餐饮', '商贸', '农业', '建筑工程', '物流', '食品', '砂石', '养殖', '广告'];
const MODELS = ['DSJ-V9', 'DSJ-T8', 'DSJ-Z5', 'ZFY-H6', 'ZFY-K3'];

const person = () => pick(SURNAMES) + pick(GIVEN) + (rnd() < 0.7 ? pick(GIVEN) : '');
const village = () => pick(PLACE) + pick(PLACE) + '村';
const address = () => `${pick(COUNTIES)}${pick(TOWNS)}${village()}${1 + int(9)}组${1 + int(60)}号`;
const company = () => `${pick(COUNTIES).slice(0, 2)}${pick(PLACE)}${pick(PLACE)}${pick(INDUSTRY)}有限公司`;
const pad = (n, w) => String(n).padStart(w, '0');
const day0 = Date.UTC(2021, 0, 1);
const dateOf = (ms) => new Date(ms).toISOString().slice(0, 10);

// ---- generation ----------------------------------------------------------------------------------
async function generate(dir) {
  const { openCore } = await src('app-core.ts');
  const core = await openCore({ archiveDir: dir, createIfMissing: true });
  await core.invoke('auth.setup', { username: 'admin', displayName: '管理员', password: PASSWORD }, { transport: 'direct' });
  const db = core.archive.db;
  db.pragma('synchronous = OFF'); // generation only; measured queries run with the app's settings
  // The search triggers are set aside for the bulk load and the index is then built in one pass by
  // rebuildSearchIndex (the migration's own backfill statements); the triggers are put back as they were.
  const { rebuildSearchIndex } = await src('storage/migrations/0005-search.ts');
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\'").all();
  for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
  const t0 = performance.now();
  const now = new Date().toISOString();
  const txBatches = (n, row) => {
    for (let start = 0; start < n; start += BATCH) {
      db.transaction(() => {
        for (let i = start; i < Math.min(n, start + BATCH); i++) row(i);
      })();
    }
  };

  const insOfficer = db.prepare('INSERT INTO officers (id, cert_no, name, post) VALUES (?, ?, ?, ?)');
  const officers = [];
  txBatches(N.officers, (i) => {
    const o = { id: i + 1, certNo: `豫S1152${pad(2015 + (i % 9), 4)}${pad(i, 4)}`, name: person() };
    officers.push(o);
    insOfficer.run(o.id, o.certNo, o.name, '执法队员');
  });
  const insDevice = db.prepare('INSERT INTO devices (id, serial, model, unit_code, created_at) VALUES (?, ?, ?, ?, ?)');
  const insAssign = db.prepare(
    'INSERT INTO device_assignments (device_id, officer_id, user_no, from_local, from_utc, to_local, to_utc, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const devices = [];
  txBatches(N.devices, (i) => {
    const d = { id: i + 1, serial: `5130${pad(i, 3)}`, holder: officers[i % officers.length], userNo: pad(115000 + i, 6) };
    devices.push(d);
    insDevice.run(d.id, d.serial, pick(MODELS), '115', now);
    insAssign.run(d.id, d.holder.id, d.userNo, '2020-01-01T00:00:00+08:00', '2019-12-31T16:00:00Z', null, null, now);
  });
  log(`  officers ${N.officers}, devices ${N.devices}`);

  const insCase = db.prepare(`INSERT INTO cases (id, case_no, title, cause, procedure, decision_no, organ, unit, filed_on, decided_on, closed_on,
      search_text, created_at, created_by, updated_at) VALUES (@id, @caseNo, @title, @cause, @procedure, @decisionNo, @organ, @unit, @filed, @decided, @closed,
      @searchText, @now, 1, @now)`);
  const insParty = db.prepare('INSERT INTO parties (case_id, seq, type, name, data) VALUES (?, ?, ?, ?, ?)');
  const insCaseOfficer = db.prepare('INSERT INTO case_officers (case_id, officer_id, seq, name, roles) VALUES (?, ?, ?, ?, ?)');
  const cases = [];
  const texts = []; // for query samples
  txBatches(N.cases, (i) => {
    const id = i + 1;
    const town = pick(TOWNS);
    const year = 2021 + int(5);
    const filedMs = Date.UTC(year, 0, 1) + int(330) * 86_400_000;
    const closedMs = filedMs + (10 + int(80)) * 86_400_000;
    const org = rnd() < 0.3;
    const partyName = org ? company() : person();
    const addr = address();
    const cause = pick(CAUSES);
    const c = {
      id,
      caseNo: `${town.slice(0, 2)}综执罚立〔${year}〕${id}号`,
      title: `${partyName}${cause}案`,
      cause,
      procedure: rnd() < 0.8 ? 'general' : 'summary',
      decisionNo: `${town.slice(0, 2)}综执罚决〔${year}〕${id}号`,
      organ: `${town}人民政府`,
      unit: `${town}综合行政执法大队`,
      filed: dateOf(filedMs),
      decided: dateOf(closedMs - 5 * 86_400_000),
      closed: dateOf(closedMs),
      now,
    };
    const o1 = pick(officers);
    const o2 = officers[(o1.id % officers.length) + 0] ?? officers[0];
    c.searchText = [c.caseNo, c.title, c.cause, c.decisionNo, partyName, `${o1.name} ${o1.certNo}`, `${o2.name} ${o2.certNo}`].join(' ');
    insCase.run(c);
    insParty.run(id, 1, org ? 'organisation' : 'person', partyName, JSON.stringify({ type: org ? 'organisation' : 'person', name: partyName, address: addr }));
    if (rnd() < 0.2) {
      const second = person();
      insParty.run(id, 2, 'person', second, JSON.stringify({ type: 'person', name: second, address: address() }));
    }
    insCaseOfficer.run(id, o1.id, 1, o1.name, '["承办人"]');
    if (o2.id !== o1.id) insCaseOfficer.run(id, o2.id, 2, o2.name, '["承办人"]');
    cases.push({ id, caseNo: c.caseNo, year, party: partyName });
    if (i % 7 === 0) texts.push(partyName, addr, cause);
  });
  log(`  cases ${N.cases} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

  const insDoc = db.prepare(
    'INSERT INTO documents (case_id, seq, kind, title, doc_no, responsible, doc_date, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1)',
  );
  const perCase = Math.max(1, Math.round(N.documents / Math.max(1, N.cases)));
  let docs = 0;
  for (let start = 0; start < N.documents; start += BATCH) {
    db.transaction(() => {
      for (let i = start; i < Math.min(N.documents, start + BATCH); i++) {
        const c = cases[Math.floor(i / perCase) % cases.length];
        const seq = (i % perCase) + 1;
        const base = DOC_TITLES[(seq - 1) % DOC_TITLES.length];
        const title = base === '询问笔录' || base === '陈述申辩笔录' ? `${base}（${c.party}）` : base;
        const abbr = DOC_ABBR[base];
        const docNo = abbr ? `${c.caseNo.slice(0, 2)}综执${abbr}〔${c.year}〕${c.id}号` : null;
        insDoc.run(c.id, seq, 'QT', title, docNo, '综合行政执法大队', `${c.year}-06-${pad(1 + (seq % 28), 2)}`, now);
        docs++;
      }
    })();
  }
  log(`  documents ${docs} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);

  const insObject = db.prepare("INSERT INTO objects (sha256, size, media_type, created_at) VALUES (?, ?, 'video/mp4', ?)");
  const insClip = db.prepare(`INSERT INTO clips (id, sha256, sm3, size, kind, media_type, original_name, name_pattern, device_serial, user_no, file_seq,
      timezone, start_local, start_utc, end_local, end_utc, duration_sec, field_sources, container, video_codec, width, height, derived_state, ingested_at)
      VALUES (@id, @sha, @sm3, @size, 'video', 'video/mp4', @name, 'zfy', @serial, @userNo, @seq, 'Asia/Shanghai', @startLocal, @startUtc, @endLocal, @endUtc,
      @dur, '{}', 'mp4', 'h264', 1920, 1080, 'done', @now)`);
  const insLink = db.prepare('INSERT INTO clip_links (clip_id, case_id, activity, linked_at, linked_by) VALUES (?, ?, ?, ?, 1)');
  const span = Date.UTC(2025, 11, 31) - day0;
  const clipSamples = [];
  txBatches(N.clips, (i) => {
    const id = i + 1;
    const d = pick(devices);
    const startMs = day0 + int(span / 1000) * 1000;
    const dur = 30 + int(1800);
    const local = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19);
    const stamp = local(startMs).replace(/[-T:]/g, '');
    const sha = pad(id.toString(16), 64);
    insObject.run(sha, 1_000_000 + id, now);
    insClip.run({
      id,
      sha,
      sm3: `f${sha.slice(1)}`,
      size: 1_000_000 + id,
      name: `ZFY${d.serial}_${d.userNo}_${stamp}_${pad(1 + (id % 9999), 4)}.MP4`,
      serial: d.serial,
      userNo: d.userNo,
      seq: pad(1 + (id % 9999), 4),
      startLocal: `${local(startMs)}+08:00`,
      startUtc: `${new Date(startMs).toISOString().slice(0, 19)}Z`,
      endLocal: `${local(startMs + dur * 1000)}+08:00`,
      endUtc: `${new Date(startMs + dur * 1000).toISOString().slice(0, 19)}Z`,
      dur,
      now,
    });
    if (rnd() < 0.3) insLink.run(id, pick(cases).id, pick(ACTIVITIES), now);
    if (i % 997 === 0) clipSamples.push({ serial: d.serial, day: local(startMs).slice(0, 10), certNo: d.holder.certNo, ms: startMs });
  });
  const rowSeconds = (performance.now() - t0) / 1000;
  log(`  clips ${N.clips} (${rowSeconds.toFixed(0)} s)`);
  const t1 = performance.now();
  db.transaction(() => {
    rebuildSearchIndex(db);
    for (const t of triggers) db.exec(t.sql);
  })();
  const indexSeconds = (performance.now() - t1) / 1000;
  log(`  search index built in ${indexSeconds.toFixed(0)} s (${triggers.length} triggers restored)`);
  const genSeconds = rowSeconds + indexSeconds;
  db.pragma('synchronous = FULL');
  db.pragma('wal_checkpoint(TRUNCATE)');
  await core.close();
  return { genSeconds, rowSeconds, indexSeconds, triggers: triggers.length, cases, texts, clipSamples, officers, devices };
}

// ---- query samples -------------------------------------------------------------------------------
const CJK = /^[\u4e00-\u9fff]+$/u;
function substrings(texts, len, n) {
  const out = [];
  for (let tries = 0; out.length < n && tries < n * 200; tries++) {
    const t = chars(pick(texts));
    if (t.length < len) continue;
    const at = int(t.length - len + 1);
    const s = t.slice(at, at + len).join('');
    if (CJK.test(s)) out.push(s);
  }
  return out;
}

function querySets(g) {
  const month = (ms) => {
    const d = new Date(ms);
    const from = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1, 2)}-01`;
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return { from, to: `${from.slice(0, 8)}${pad(last, 2)}` };
  };
  return {
    'text 1 char': substrings(g.texts, 1, SAMPLES).map((text) => ({ text })),
    'text 2 chars': substrings(g.texts, 2, SAMPLES).map((text) => ({ text })),
    'text 3 chars': substrings(g.texts, 3, SAMPLES).map((text) => ({ text })),
    'text 6 chars': substrings(g.texts, 6, SAMPLES).map((text) => ({ text })),
    'officer + date range (a month)': Array.from({ length: SAMPLES }, () => {
      const s = pick(g.clipSamples);
      return { text: '', certNo: s.certNo, ...month(s.ms) };
    }),
    'device + day': Array.from({ length: SAMPLES }, () => {
      const s = pick(g.clipSamples);
      return { text: '', deviceSerial: s.serial, from: s.day, to: s.day };
    }),
    'case number': Array.from({ length: SAMPLES }, () => ({ text: pick(g.cases).caseNo })),
  };
}

// ---- the LIKE-only peer --------------------------------------------------------------------------
function likePeer(db) {
  const cap = 1001;
  const esc = (s) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const kinds = {
    case: "SELECT id FROM cases WHERE search_text LIKE @q ESCAPE '\\' OR id IN (SELECT case_id FROM parties WHERE data LIKE @q ESCAPE '\\')",
    officer: "SELECT id FROM officers WHERE name LIKE @q ESCAPE '\\' OR cert_no LIKE @q ESCAPE '\\'",
    device: "SELECT id FROM devices WHERE serial LIKE @q ESCAPE '\\' OR model LIKE @q ESCAPE '\\' OR note LIKE @q ESCAPE '\\'",
    clip: `SELECT id FROM clips c WHERE c.disposal_id IS NULL AND (c.original_name LIKE @q ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM clip_links l WHERE l.clip_id = c.id AND l.removed_at IS NULL AND l.activity LIKE @q ESCAPE '\\'))`,
    document: "SELECT id FROM documents WHERE removed_at IS NULL AND (title LIKE @q ESCAPE '\\' OR doc_no LIKE @q ESCAPE '\\')",
  };
  const stmts = Object.values(kinds).map((sql) => ({
    page: db.prepare(`${sql} ORDER BY id DESC LIMIT 20`),
    count: db.prepare(`SELECT count(*) AS n FROM (${sql} LIMIT ${cap})`),
  }));
  return (text) => {
    const q = esc(text);
    for (const s of stmts) {
      s.page.all({ q });
      s.count.get({ q });
    }
  };
}

// ---- the phrase-match peer of a whole 案号 -------------------------------------------------------------
/** What search.query did for a 案号 before the number lookup: the trigram phrase over all five kinds, a page and a count each, and the hits. */
async function phrasePeer(db) {
  const { SearchRepo } = await src('storage/repos/search-repo.ts');
  const { textMatch } = await src('search/search-text.ts');
  const { hitsOf } = await src('search/search-hits.ts');
  const { SEARCH_KINDS } = await src('api/types-search.ts');
  const repo = new SearchRepo(db);
  return (text) =>
    db.transaction(() => {
      for (const kind of SEARCH_KINDS) {
        const { ids } = repo.page(kind, textMatch([text]), {}, 20, 0, 1000);
        hitsOf(kind, ids, repo, [text]);
      }
    })();
}

// ---- measuring -----------------------------------------------------------------------------------
const stats = (ms) => {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { n: s.length, median: +q(0.5).toFixed(2), p95: +q(0.95).toFixed(2), max: +s[s.length - 1].toFixed(2) };
};

async function measure(run, inputs, { warm = true } = {}) {
  if (warm) for (const i of inputs) await run(i); // warm-up pass (page cache, statement cache)
  const ms = [];
  for (const i of inputs) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  return stats(ms);
}

function post(port, token, launch, agent, name, body) {
  return new Promise((resolve, reject) => {
    const data = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${name}`,
        agent,
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': Buffer.byteLength(data),
          Host: `127.0.0.1:${port}`,
          'X-Juanzong-Launch': launch,
          Authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const r = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          if (!r.ok) reject(new Error(`${name}: ${r.error.message}`));
          else resolve(r.value);
        });
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

async function main() {
  const work = mkdtempSync(path.join(opt('dir', tmpdir()), 'jz-bench-retrieval-'));
  const dir = path.join(work, 'archive');
  log(`retrieval bench: scale ${SCALE} → ${N.cases} cases, ${N.clips} clips, ${N.documents} documents; archive ${dir}`);
  const g = await generate(dir);
  const { openCore } = await src('app-core.ts');
  const { startBridge } = await src('bridge/server.ts');
  const core = await openCore({ archiveDir: dir });
  const login = await core.invoke('auth.login', { username: 'admin', password: PASSWORD }, { transport: 'direct' });
  if (!login.ok) throw new Error(login.error.message);
  const token = login.value.token;
  const db = core.archive.db;

  const file = path.join(dir, 'catalog.db');
  const size = statSync(file).size;
  const byName = db.prepare('SELECT name, sum(pgsize) AS bytes FROM dbstat GROUP BY name').all();
  const indexBytes = byName.filter((r) => r.name.startsWith('search_')).reduce((n, r) => n + r.bytes, 0);
  const uniBytes = byName.filter((r) => r.name.startsWith('search_') && r.name.includes('_uni')).reduce((n, r) => n + r.bytes, 0);
  const trigramBytes = indexBytes - uniBytes - byName.filter((r) => r.name === 'search_numbers').reduce((n, r) => n + r.bytes, 0);

  const sets = querySets(g);
  const peer = likePeer(db);
  const phrase = await phrasePeer(db);
  const bridge = await startBridge({ core, staticDir: path.join(root, 'dist-renderer'), port: 0 });
  const result = {
    machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memGB: +(totalmem() / 2 ** 30).toFixed(1), load: loadavg().map((l) => +l.toFixed(2)) },
    scale: SCALE,
    rows: { ...N },
    generationSeconds: { rows: +g.rowSeconds.toFixed(0), searchIndex: +g.indexSeconds.toFixed(0), triggersSetAsideAndRestored: g.triggers },
    catalogue: {
      bytes: size,
      MB: +(size / 1e6).toFixed(0),
      searchIndexMB: +(indexBytes / 1e6).toFixed(0),
      searchIndexShare: +(indexBytes / size).toFixed(3),
      trigramMB: +(trigramBytes / 1e6).toFixed(0),
      perCharacterMB: +(uniBytes / 1e6).toFixed(0),
    },
    queries: {},
  };
  for (const [name, inputs] of Object.entries(sets)) {
    const core1 = await measure(async (i) => {
      const r = await core.invoke('search.query', i, { transport: 'direct', sessionToken: token });
      if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    }, inputs);
    // A fresh keep-alive connection per query type (the server drops idle ones while the peer runs).
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const viaBridge = await measure((i) => post(bridge.port, token, bridge.launchToken, agent, 'search.query', i), inputs);
    agent.destroy();
    let peerStats;
    // LIKE reads every row for a rare word: fewer samples, one pass (the catalogue is in the page cache by now).
    if (inputs[0].text) peerStats = await measure((i) => peer(i.text), inputs.slice(0, PEER_SAMPLES), { warm: false });
    else
      peerStats = await measure(async (i) => {
        const r = await core.invoke(
          'footage.list',
          { ...(i.certNo ? { certNo: i.certNo } : {}), ...(i.deviceSerial ? { deviceSerial: i.deviceSerial } : {}), from: i.from, to: i.to, limit: 20 },
          { transport: 'direct', sessionToken: token },
        );
        if (!r.ok) throw new Error(`${name} (footage.list): ${r.error.message}`);
      }, inputs);
    // A whole 案号 is looked up by index (mode number); the phrase match it replaced is measured beside it.
    let phraseStats;
    if (name === 'case number') phraseStats = await measure((i) => phrase(i.text), inputs);
    const mode = (await core.invoke('search.query', inputs[0], { transport: 'direct', sessionToken: token })).value.mode;
    result.queries[name] = {
      mode,
      examples: inputs.slice(0, 3).map((i) => i.text || `${i.certNo ?? i.deviceSerial} ${i.from}…${i.to}`),
      core: core1,
      bridge: viaBridge,
      peer: { how: inputs[0].text ? 'LIKE only, same kinds and page/count, one pass' : 'footage.list (existing op)', ...peerStats },
      ...(phraseStats ? { phrasePeer: { how: 'the FTS5 trigram phrase match of the same text, all five kinds (the path before 0009)', ...phraseStats } } : {}),
    };
    if (phraseStats) log(`  ${'case number, phrase match'.padEnd(32)} core p50 ${phraseStats.median} p95 ${phraseStats.p95} ms`);
    log(
      `  ${name.padEnd(32)} core p50 ${core1.median} p95 ${core1.p95} ms | bridge p50 ${viaBridge.median} p95 ${viaBridge.p95} ms | peer p50 ${peerStats.median} p95 ${peerStats.p95} ms`,
    );
  }
  await bridge.close();
  await core.close();
  const json = JSON.stringify(result, null, 2);
  process.stdout.write(json + '\n');
  const out = opt('out');
  if (out) writeFileSync(out, json);
  if (!args.includes('--keep')) rmSync(work, { recursive: true, force: true });
  else log(`kept ${work}`);
}

main().catch((e) => {
  log(e.stack ?? String(e));
  process.exit(1);
});
