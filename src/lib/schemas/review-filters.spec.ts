import { describe, expect, it } from 'vitest';
import { issueKeys } from './form';
import { alertThresholdSchema } from './alert-thresholds';
import { findingFiltersSchema, queueFiltersSchema } from './review-filters';

const UUID = '5e000000-0000-4000-8000-0000000000a1';

describe('queue filters from the query string', () => {
	it('treats empty selects as "any" and keeps valid values', () => {
		expect(
			queueFiltersSchema.parse({
				status: 'reviewed',
				site: UUID,
				programme: '',
				from: '2026-11-01'
			})
		).toEqual({ status: 'reviewed', site: UUID, from: '2026-11-01' });
	});

	it('names each bad filter with a message key instead of failing the page', () => {
		const r = queueFiltersSchema.safeParse({ site: 'x', from: 'yesterday', status: 'lost' });
		expect(r.success).toBe(false);
		if (!r.success)
			expect(issueKeys(r.error)).toEqual({
				site: 'rv_err_filter_invalid',
				from: 'rv_err_filter_date',
				status: 'rv_err_filter_invalid'
			});
	});

	it('refuses an end date before the start date, on the end date', () => {
		const r = queueFiltersSchema.safeParse({ from: '2026-11-10', to: '2026-11-01' });
		expect(r.success || issueKeys(r.error)).toEqual({ to: 'rv_err_filter_range' });
	});

	it('refuses a filter the page does not have', () => {
		const r = findingFiltersSchema.safeParse({ colour: 'red' });
		expect(r.success || issueKeys(r.error)).toEqual({ _form: 'rv_err_filter_unknown' });
	});
});

describe('alert threshold form', () => {
	it('reads a percentage, a blank one as none, and checkboxes as booleans', () => {
		expect(
			alertThresholdSchema.parse({
				clientId: UUID,
				minPercent: '70',
				onCriticalFail: 'on',
				active: ''
			})
		).toEqual({ clientId: UUID, minPercent: 70, onCriticalFail: true, active: false });
		expect(
			alertThresholdSchema.parse({
				clientId: UUID,
				minPercent: '',
				onCriticalFail: '',
				active: 'on'
			}).minPercent
		).toBeNull();
	});

	it('refuses a percentage above 100 with its own message', () => {
		const r = alertThresholdSchema.safeParse({
			clientId: UUID,
			minPercent: '120',
			onCriticalFail: '',
			active: ''
		});
		expect(r.success || issueKeys(r.error)).toEqual({ minPercent: 'rv_err_percent' });
	});
});
