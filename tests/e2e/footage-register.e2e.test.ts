/**
 * 设备台账 and 处置 end to end through the real localhost bridge, on the demo archive (24 sample clips
 * ingested and linked to their cases, seven body cameras registered). Through the UI: the archivist
 * (dangan) opens 音像 → 设备台账, sees the demo cameras and their holders, registers a handover of
 * camera 5130047 from 李文静 to 赵雪梅 and sees 李文静's entry closed at the handover and 赵雪梅's open.
 * Then 申请处置 on a clip of the unsealed case 青石综执罚立〔2024〕44号: refused while it is linked (证据),
 * accepted after 解除关联 with a reason; it shows as 处置待审批 in the drawer and in 到期复核. The 领导
 * (lingdao) approves it in 处置审批, and the clip shows as 已处置 (files gone, record kept).
 * Each step is its own test (storySteps). Screenshots: footage-devices.png, footage-disposal.png.
 *
 * Needs `npm run build` (dist/ and dist-renderer/). Fails — never skips — when Chromium is missing.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import type { ClipDetail, DeviceInfo, DisposalInfo } from '../../src/api/types-footage.js';
import { callApi, checkText, e2eRun, type E2eRun, eventually, noToasts, openSignedIn, settle, SHOTS, signIn, storySteps } from './harness.js';

const SERIAL = '5130047';
const OLD = { name: '李文静', certNo: '豫S11520210047' };
/** An officer of the sample cases who holds no camera in the demo. */
const NEW = { name: '赵雪梅', certNo: '豫S11520220066', userNo: '115066' };
const HANDOVER = '2025-03-01 08:00';
const HANDOVER_SHOWN = '2025-03-01 08:00:00 +08:00';
const CASE_NO = '青石综执罚立〔2024〕44号';
/** A 送达 clip of the unsealed case, linked by the demo. */
const CLIP = 'ZFY5130052_115012_20240829100215_0001.MP4';

let run: E2eRun | undefined;
let page: Page;

async function openFootageTab(p: Page, tab: string): Promise<void> {
  await p.getByRole('menuitem', { name: '音像' }).click();
  await p.getByRole('heading', { name: '音像资料' }).waitFor();
  await p.getByRole('tab', { name: tab }).click();
}

/** The assignment rows (expanded under the camera's row) of one device, as text. */
async function assignmentRows(p: Page, serial: string): Promise<string[]> {
  const device = p.locator('.device-register tr.device-row', { hasText: serial });
  // The expanded row follows its device row.
  const expanded = device.locator('xpath=following-sibling::tr[1]');
  return expanded.locator('tr.device-assignment').allInnerTexts();
}

/** The device register card, the camera's row in it, the clip's drawer and its 申请处置 dialog. */
const card = () => page.locator('.device-register');
const cameraRow = () => card().locator('tr.device-row', { hasText: SERIAL });
const drawer = () => page.locator('.clip-drawer');
const requestModal = () => page.locator('.disposal-request-modal');
/** The clip's link to the unsealed case, in the drawer. */
const caseLink = () => drawer().locator('.ant-table-row', { hasText: CASE_NO });
/** The clip's row in 处置审批. */
const disposalRow = () => page.locator('.disposals-card .ant-table-row', { hasText: CLIP });

describe('footage device register and disposal end to end (demo archive + bridge + Chromium)', () => {
  const step = storySteps();
  e2eRun({ prefix: 'jz-e2e-footage-register-', demo: true }, (r) => ((run = r), (page = r.page)));

  step("设备台账: the archivist sees the demo's seven cameras, each held by the officer the sample names", async () => {
    await openSignedIn(page, run!.url, 'dangan');
    await openFootageTab(page, '设备台账');
    await eventually(async () => expect(await card().locator('tr.device-row').count()).toBe(7));
    const row = cameraRow();
    expect(await row.innerText()).toContain(`${OLD.name}（${OLD.certNo}）`);
    const before = await assignmentRows(page, SERIAL);
    expect(before).toHaveLength(1);
    expect(before[0]).toContain('2024-01-01 00:00:00 +08:00');
    expect(before[0]).toContain('当前使用');
    await checkText(page, [
      '设备台账（执法记录仪）',
      '记录仪编号',
      '当前使用人',
      '执法人员',
      '用户编号',
      '当前使用',
      '登记/交接',
      '不根据记录仪上设置的用户编号推断',
    ]);
  });

  step("交接: camera 5130047 passes to 赵雪梅 on 2025-03-01 08:00, and 李文静's entry closes at the handover", async () => {
    const row = cameraRow();
    await row.getByRole('button', { name: '交接' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('登记记录仪使用人 / 交接').waitFor();
    expect(await dialog.locator('#deviceForm_serial').inputValue()).toBe(SERIAL);
    await dialog.getByText('已在台账中：型号、单位编号不变').waitFor();
    await dialog.locator('#deviceForm_certNo').fill(NEW.certNo);
    await dialog.locator('.ant-modal-title').click();
    await dialog.locator('#deviceForm_officerName').fill(NEW.name);
    await dialog.locator('#deviceForm_userNo').fill(NEW.userNo);
    const from = dialog.locator('#deviceForm_from');
    await from.click();
    await from.fill(HANDOVER);
    await from.press('Enter');
    await dialog.locator('.ant-modal-title').click();
    expect(await from.inputValue()).toBe(HANDOVER);
    await dialog.locator('#deviceForm_note').fill('记录仪交接（e2e）');
    await checkText(page, ['执法证号', '姓名', '记录仪当地时间；交接时即交接时间', '留空表示至今仍在使用']);
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The result: the new entry, and 李文静's entry closed at the handover.
    const result = card().locator('.device-register-result');
    await result.waitFor();
    expect(await result.innerText()).toContain(`已登记：记录仪 ${SERIAL} 自 ${HANDOVER_SHOWN} 由 ${NEW.name}（${NEW.certNo}）使用`);
    expect(await result.innerText()).toContain(`交接：${OLD.name}（${OLD.certNo}）的使用登记已于 ${HANDOVER_SHOWN} 结束`);
    await eventually(async () => expect(await row.innerText()).toContain(`${NEW.name}（${NEW.certNo}）`));
    expect(await row.innerText()).not.toContain(OLD.certNo);
    const after = await assignmentRows(page, SERIAL);
    expect(after).toHaveLength(2);
    const old = after.find((r) => r.includes(OLD.certNo))!;
    const cur = after.find((r) => r.includes(NEW.certNo))!;
    expect(old).toContain(HANDOVER_SHOWN);
    expect(old).not.toContain('当前使用');
    expect(cur).toContain(HANDOVER_SHOWN);
    expect(cur).toContain(NEW.userNo);
    expect(cur).toContain('当前使用');
    const devices = await callApi<DeviceInfo[]>(page, 'device.list', {});
    const device = devices.find((d) => d.serial === SERIAL)!;
    expect(device.assignments.map((a) => [a.certNo, a.from.slice(0, 16), a.to?.slice(0, 16) ?? null])).toEqual([
      [OLD.certNo, '2024-01-01T00:00', '2025-03-01T08:00'],
      [NEW.certNo, '2025-03-01T08:00', null],
    ]);
    await noToasts(page);
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'footage-devices.png') });
    await checkText(page, ['已登记：记录仪', '交接：']);
  });

  step('申请处置 of a clip linked to a case is refused: it is evidence, kept for good', async () => {
    await page.getByRole('tab', { name: '音像列表' }).click();
    const clipRow = page.locator('.clip-table .ant-table-row', { hasText: CLIP });
    await clipRow.getByRole('button', { name: CLIP }).click();
    await drawer().getByText('元数据（标注每项的来源）').waitFor();
    await drawer().getByText('证据 · 永久').waitFor();
    await drawer().getByRole('button', { name: '申请处置' }).click();
    const request = requestModal();
    await request.getByText('处置后原始文件不再提供调阅，目录与审计记录永久保留。').waitFor();
    await request.locator('#disposalForm_reason').fill('保存期满，未作为证据使用');
    await request.getByRole('button', { name: '提交申请' }).click();
    await request.getByText(`${CLIP}：已关联案件，作为证据保存，不能处置`).waitFor();
    await checkText(page, ['申请处置音像资料', '处置理由', '申请人不能审批自己的申请']);
    await request.getByRole('button', { name: '取消' }).click();
    await request.locator('.ant-modal').waitFor({ state: 'hidden' });
  });

  step('解除关联 from the unsealed case, with a reason: the clip becomes ordinary footage past its time', async () => {
    const link = caseLink();
    await link.getByRole('button', { name: '解除关联' }).click();
    const unlink = page.getByRole('dialog', { name: '解除关联' });
    await unlink.locator('#unlinkForm_reason').fill('误关联：该段送达录像属另一案件，复核后解除');
    await unlink.getByRole('button', { name: '解除', exact: true }).click();
    await unlink.waitFor({ state: 'hidden' });
    await eventually(async () => expect(await link.innerText()).toContain('已解除'));
    await drawer()
      .getByText(/一般 · 到期待复核/)
      .waitFor();
  });

  step('申请处置 again is accepted (处置待审批); 到期复核 lists it; the archivist cannot decide it', async () => {
    const request = requestModal();
    await drawer().getByRole('button', { name: '申请处置' }).click();
    await request.locator('#disposalForm_reason').fill('保存期满，未作为证据使用');
    await request.getByRole('button', { name: '提交申请' }).click();
    await request.locator('.ant-modal').waitFor({ state: 'hidden' });
    const history = drawer().locator('.clip-disposals');
    await eventually(async () => {
      const text = await history.innerText();
      expect(text).toContain('保存期满，未作为证据使用');
      expect(text).toContain('待审批');
      expect(text).toContain('孙丽娟（档案员）');
    });
    await drawer().getByText('处置待审批').waitFor();
    expect(await drawer().getByRole('button', { name: '申请处置' }).count()).toBe(0);
    await checkText(page, ['处置记录', '理由', '申请人', '状态', '审批']);
    await drawer().locator('.ant-drawer-close').click();
    await drawer().locator('.clip-detail').waitFor({ state: 'hidden' });

    // 到期复核 lists it as pending; the archivist cannot decide in 处置审批.
    await page.getByRole('tab', { name: '到期复核' }).click();
    const due = page.locator('.retention-due .ant-table-row', { hasText: CLIP });
    await eventually(async () => expect(await due.innerText()).toContain('处置待审批'));
    await page.getByRole('tab', { name: '处置审批' }).click();
    const disposals = page.locator('.disposals-card');
    const request1 = disposals.locator('.ant-table-row', { hasText: CLIP });
    await eventually(async () => expect(await request1.innerText()).toContain('待审批'));
    expect(await disposals.getByRole('button', { name: '审批' }).count()).toBe(0);
  });

  step('the 领导 signs in, sees the register read-only, and approves the request', async () => {
    await noToasts(page);
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByText('登录卷宗').waitFor();
    await signIn(page, 'lingdao');
    await openFootageTab(page, '设备台账');
    await eventually(async () => expect(await page.locator('.device-register tr.device-row').count()).toBe(7));
    expect(await page.locator('.device-register').getByRole('button', { name: '登记/交接' }).count()).toBe(0);
    expect(await page.locator('.device-register').getByRole('button', { name: '交接' }).count()).toBe(0);
    await page.getByRole('tab', { name: '处置审批' }).click();
    const pending = disposalRow();
    await eventually(async () => expect(await pending.innerText()).toContain('待审批'));
    expect(await page.locator('.disposals-card').innerText()).toContain('待审批 1 件');
    await pending.getByRole('button', { name: '审批' }).click();
    const decide = page.locator('.disposal-decide-modal');
    await decide.getByText('审批处置申请').waitFor();
    expect(await decide.innerText()).toContain('保存期满，未作为证据使用');
    await decide.locator('#decideForm_note').fill('同意处置');
    await checkText(page, ['审批意见', '批准', '驳回']);
    await decide.getByRole('button', { name: '批准' }).click();
    await decide.locator('.ant-modal').waitFor({ state: 'hidden' });
    const approved = disposalRow();
    await eventually(async () => {
      const text = await approved.innerText();
      expect(text).toContain('已批准处置');
      expect(text).toContain('周立新（大队长）');
      expect(text).toContain('意见：同意处置');
    });
    const list = await callApi<DisposalInfo[]>(page, 'footage.disposals', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      clipName: CLIP,
      state: 'approved',
      requestedBy: '孙丽娟（档案员）',
      decidedBy: '周立新（大队长）',
      decisionNote: '同意处置',
    });
    await noToasts(page);
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, 'footage-disposal.png') });
    await checkText(page, ['音像资料处置申请', '处置后原始文件不再提供调阅，目录与审计记录永久保留。', '已批准处置']);
  });

  step('the clip shows as 已处置 (record kept, files gone, no further request) and leaves 到期复核; no page error', async () => {
    const list = await callApi<DisposalInfo[]>(page, 'footage.disposals', {});
    await disposalRow().getByRole('button', { name: CLIP }).click();
    await drawer().locator('.clip-disposed').waitFor();
    expect(await drawer().locator('.clip-disposed').innerText()).toContain('已处置');
    expect(await drawer().getByRole('button', { name: '申请处置' }).count()).toBe(0);
    expect(await drawer().locator('.clip-disposals').innerText()).toContain('已批准处置');
    const detail = await callApi<ClipDetail>(page, 'footage.get', { id: list[0]!.clipId });
    expect(detail.disposed).toBe(true);
    await checkText(page, ['已处置', '原始文件已从存储中删除']);
    await drawer().locator('.ant-drawer-close').click();
    // Gone from the clip list (disposed clips are not listed) and from 到期复核.
    await page.getByRole('tab', { name: '到期复核' }).click();
    await page.locator('.retention-due').waitFor();
    await settle(page);
    expect(await page.locator('.retention-due .ant-table-row', { hasText: CLIP }).count()).toBe(0);

    // The one refused request answered 403; nothing else went wrong on the page.
    expect(run!.errors.filter((e) => !/status of 403/.test(e))).toEqual([]);
  });
});
