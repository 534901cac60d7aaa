import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from '../dossier/helpers/harness.js';
import { PASSWORD } from '../dossier/helpers/harness.js';
import { addDemoReview } from '../../src/demo/review-demo.js';
import { tmpDir } from '../helpers/tmp.js';
import { reviewSetup } from './helpers/review-setup.js';

let open: Harness | null = null;
afterEach(() => {
  open?.close();
  open = null;
});

describe('the demo review plan', () => {
  it('draws every sealed dossier, submits one review and leaves the others in review with their automatic findings', async () => {
    const s = await reviewSetup(tmpDir());
    open = s.h;
    const lines: string[] = [];
    const r = await addDemoReview({ invoke: (name, input, ctx) => s.h.call(name as never, input, ctx.sessionToken) as never }, PASSWORD, (l) => lines.push(l));
    expect(r).not.toBeNull();
    const plan = await s.h.ok('review.plan.get', { planId: r!.planId }, s.tokens.supervisor);
    expect(plan.assignments).toHaveLength(6);
    expect(plan.progress).toMatchObject({ drawn: 6, assigned: 6, submitted: 1 });
    expect(plan.assignments.filter((a) => a.review?.status === 'draft')).toHaveLength(5);
    const thin = plan.assignments.find((a) => a.caseId === s.thin)!;
    expect(r!.findings[thin.caseNo]).toBeGreaterThan(0);
    expect(lines.some((l) => l.includes('已提交'))).toBe(true);
  });
});
