import { describe, expect, it } from 'vitest';
import { validate } from './form';
import { dashboardFilterSchema } from './dashboard';

const parse = (input: Record<string, string>) => validate(dashboardFilterSchema, input);
const id = '5e000000-0000-4000-8000-0000000000a1';

describe('dashboard filters', () => {
	it('default to the 90 days up to the latest today on earth (sites date their calls locally)', () => {
		const r = parse({});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const days = (Date.parse(r.data.to) - Date.parse(r.data.from)) / 86_400_000;
		expect(days).toBe(89);
		expect(r.data.to).toBe(new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10));
	});

	it('accept a period and ids, and read empty selects as no filter', () => {
		expect(parse({ from: '2026-01-01', to: '2026-03-31', site: id, vendor: '' })).toEqual({
			ok: true,
			data: { from: '2026-01-01', to: '2026-03-31', site: id, vendor: undefined }
		});
	});

	it.each([
		[{ from: '2026-13-01' }, { from: 'rp_dash_err_date' }],
		[{ site: 'siteA1' }, { site: 'rp_dash_err_id' }],
		[{ from: '2026-03-01', to: '2026-02-01' }, { to: 'rp_dash_err_order' }],
		[{ from: '2020-01-01', to: '2026-01-01' }, { from: 'rp_dash_err_span' }]
	])('refuse %j naming the field', (input, errors) => {
		expect(parse(input)).toEqual({ ok: false, errors });
	});
});
