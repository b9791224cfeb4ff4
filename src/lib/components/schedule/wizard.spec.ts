import { describe, expect, it } from 'vitest';
import {
	callsPerSite,
	emptyState,
	firstStepWithIssues,
	issuesOf,
	stepOf,
	toDefinition,
	validateDefinition
} from './wizard';

const SITES = [
	{ id: 'site-1', vendor_id: 'vendor-1', time_zone: 'Asia/Shanghai', languages: ['zh'] }
];
const LINES = [{ id: 'line-1', site_id: 'site-1', client_id: 'client-1', languages: ['zh'] }];

function filled() {
	const s = emptyState('2026-03-02', 7);
	Object.assign(s, {
		name: 'Q1',
		clientId: 'client-1',
		vendorIds: ['vendor-1'],
		siteIds: ['site-1'],
		lineIds: { 'site-1': ['line-1'] },
		shares: { 'scenario-1': 60, 'scenario-2': '40' }
	});
	return s;
}

describe('the programme wizard', () => {
	it('turns a complete draft into a valid programme, numbers typed or bound', () => {
		const definition = toDefinition(filled(), SITES, LINES);
		expect(validateDefinition(definition)).toEqual({});
		expect(definition.sites[0].lines).toEqual([{ lineId: 'line-1', languages: ['zh'] }]);
	});

	it('routes a mix that does not add up to 100 % to the scenarios step', () => {
		const s = filled();
		s.shares = { 'scenario-1': '60' };
		const issues = validateDefinition(toDefinition(s, SITES, LINES));
		expect(firstStepWithIssues(issues)).toBe('scenarios');
		expect(Object.values(issuesOf(issues, 'scenarios')).join()).toMatch(/100 %/);
	});

	it('names a malformed opening-hours range on the period step, not the scope step', () => {
		const s = filled();
		s.hours = { 'site-1': { mon: '18:00-09:00' } };
		const issues = validateDefinition(toDefinition(s, SITES, LINES));
		expect(Object.keys(issuesOf(issues, 'period'))).toEqual(['sites.0.hours.mon.0']);
		expect(issuesOf(issues, 'scope')).toEqual({});
		expect(stepOf(['sites', 0, 'callVolume'])).toBe('sampling');
	});

	it('shows the calls a site needs live from the sampling planner', () => {
		const s = filled();
		s.margin = '5';
		expect(callsPerSite(s)).toEqual([{ siteId: 'site-1', calls: 385 }]);
		s.volume = { 'site-1': '1000' };
		expect(callsPerSite(s)).toEqual([{ siteId: 'site-1', calls: 278 }]);
		s.volume = { 'site-1': 'many' };
		expect(callsPerSite(s)).toEqual([{ siteId: 'site-1', calls: null }]);
	});
});
