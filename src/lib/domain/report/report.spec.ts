import { describe, expect, it } from 'vitest';
import { zForConfidence } from '../sampling';
import { buildReportModel, type ReportCall, type ReportInput } from './index';
import { syntheticReportInput } from './synthetic';

const call = (id: string, siteId: string, startedAt: string, extra: Partial<ReportCall>) =>
	({
		id,
		siteId,
		startedAt,
		agent: `Agent ${id}`,
		scenario: { en: 'Billing', 'zh-CN': '账单' },
		score: null,
		criticalFailed: false,
		clauses: {},
		categories: {},
		evidenceHashes: [],
		...extra
	}) satisfies ReportCall;

const finding = (
	id: string,
	severity: 'C' | 'M' | 'm',
	status: 'open' | 'closed' | 'in_progress',
	dueOn: string,
	occurrences = 1
) => ({
	id,
	title: `Finding ${id}`,
	severity,
	clauses: ['P17'],
	condition: 'c',
	criteria: 'k',
	cause: 'u',
	effect: 'e',
	recommendation: 'r',
	occurrences,
	raisedOn: '2026-07-01',
	dueOn,
	status
});

/** Four calls at two sites, a vendor audit, findings and actions: every figure below is by hand. */
const worked: ReportInput = {
	reportId: 'RPT-T-1',
	version: 2,
	locale: 'en',
	issuedOn: '2026-10-15',
	scope: { kind: 'vendor', name: 'Vendor A' },
	period: { from: '2026-07-01', to: '2026-09-30' },
	previousPeriods: [
		{
			period: { from: '2026-04-01', to: '2026-06-30' },
			calls: [
				call('p1', 's1', '2026-05-01T02:00:00Z', { score: 0.5 }),
				call('p2', 's1', '2026-05-02T02:00:00Z', { score: 0.7 })
			]
		}
	],
	organisation: 'Org',
	client: 'Client',
	vendor: 'Vendor A',
	sites: [
		{ id: 's1', name: 'Shanghai', timeZone: 'Asia/Shanghai' },
		{ id: 's2', name: 'Dublin', timeZone: 'Europe/Dublin' }
	],
	control: { author: 'A', approver: 'B', distribution: ['X'], classification: 'confidential' },
	calls: [
		call('c3', 's2', '2026-07-02T08:00:00Z', {
			score: 0,
			criticalFailed: true,
			clauses: { P51: { passed: 0, failed: 1 } },
			categories: { accuracy: { earned: 2, possible: 10 } }
		}),
		call('c1', 's1', '2026-07-01T01:30:00Z', {
			score: 0.9,
			clauses: { P51: { passed: 2, failed: 0 }, P17: { passed: 1, failed: 0 } },
			categories: { opening: { earned: 4, possible: 5 } }
		}),
		call('c2', 's1', '2026-07-01T03:00:00Z', {
			score: 0.8,
			clauses: { P17: { passed: 0, failed: 1 }, P51: { passed: 1, failed: 0 } },
			categories: { opening: { earned: 3, possible: 5 }, accuracy: { earned: 8, possible: 10 } }
		}),
		call('c4', 's2', '2026-07-03T08:00:00Z', { score: null })
	],
	audit: [
		{ ref: 'VA-01', title: { en: 'DPA', 'zh-CN': '协议' }, clauses: ['P21'], result: 'COM' },
		{ ref: 'VA-02', title: { en: 'Instr', 'zh-CN': '指示' }, clauses: ['P21'], result: 'OBS' },
		{ ref: 'VA-03', title: { en: 'Sub', 'zh-CN': '转委托' }, clauses: ['P21'], result: 'MAJ' },
		{ ref: 'VA-04', title: { en: 'Exit', 'zh-CN': '退出' }, clauses: ['P21'], result: 'COM' },
		{ ref: 'VA-05', title: { en: 'PIA', 'zh-CN': '评估' }, clauses: ['P55(3)'], result: 'na' }
	],
	findings: [
		finding('F1', 'M', 'open', '2026-10-01'),
		finding('F2', 'C', 'closed', '2026-08-01', 9),
		finding('F3', 'C', 'open', '2026-11-01', 2),
		finding('F4', 'm', 'in_progress', '2027-01-01')
	],
	actions: [
		{ id: 'A1', findingId: 'F1', action: 'a', owner: 'o', dueOn: '2026-10-10', status: 'planned' },
		{ id: 'A2', findingId: 'F2', action: 'a', owner: 'o', dueOn: '2026-10-01', status: 'done' },
		{
			id: 'A3',
			findingId: 'F3',
			action: 'a',
			owner: 'o',
			dueOn: '2026-11-01',
			status: 'in_progress'
		}
	],
	sampling: { plannedCalls: 4, population: 100, confidence: 0.95, targetMargin: 0.1 }
};

/** Every number anywhere in a value, so a test can say "no NaN, no Infinity". */
function numbers(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(numbers);
	return [];
}

describe('buildReportModel', () => {
	const model = buildReportModel(worked);

	it('averages the final scores of scored calls and rates critical failures over all calls', () => {
		expect(model.summary.current.calls).toBe(4);
		expect(model.summary.current.meanScore).toBeCloseTo((0.9 + 0.8 + 0) / 3, 12);
		expect(model.summary.current.criticalRate).toBe(0.25);
		expect(model.summary.current.privacyRate).toBeCloseTo(4 / 6, 12);
		expect(model.method.criticalCalls).toBe(1);
		expect(model.method.agents).toBe(4);
	});

	it('gives privacy results per clause in catalogue order with pass counts, rates and failing calls', () => {
		expect(
			model.privacy.rows.map((r) => [r.code, r.passed, r.failed, r.rate, r.callsFailing])
		).toEqual([
			['P17', 1, 1, 0.5, 1],
			['P51', 3, 1, 0.75, 1]
		]);
		expect(model.privacy.rows[0].title['zh-CN']).toBe('处理前告知');
		expect(model.heatmap).toEqual({
			sites: ['Shanghai', 'Dublin'],
			clauses: ['P17', 'P51'],
			rates: [
				[0.5, null],
				[1, 0]
			]
		});
	});

	it('sums weighted category points over calls', () => {
		expect(
			model.service.rows.map((r) => [r.category, r.earned, r.possible, r.score, r.calls])
		).toEqual([
			['opening', 7, 10, 0.7, 2],
			['accuracy', 10, 20, 0.5, 2]
		]);
		expect(model.service.score).toBeCloseTo(17 / 30, 12);
		expect(model.service.rows[1].title).toEqual({ en: 'Accuracy', 'zh-CN': '正确性' });
	});

	it('counts vendor-audit codes, treats observations as conforming and lists MAJ before OBS', () => {
		expect(model.audit.counts).toEqual({ COM: 2, MAJ: 1, MIN: 0, OBS: 1, na: 1 });
		expect(model.audit.conformance).toBe(0.75);
		expect(model.audit.exceptions.map((e) => e.result)).toEqual(['MAJ', 'OBS']);
	});

	it('orders findings open first, then by severity and occurrences, and marks overdue ones', () => {
		expect(model.findings.map((f) => [f.id, f.overdue])).toEqual([
			['F3', false],
			['F1', true],
			['F4', false],
			['F2', false]
		]);
		expect(model.summary.topFindings.map((f) => f.id)).toEqual(['F3', 'F1', 'F4']);
		expect(model.summary.openFindings).toBe(3);
		expect(model.findingCounts).toEqual({ C: 2, M: 1, m: 1 });
	});

	it('marks an unfinished action past its due date overdue by whole days, and never a done one', () => {
		expect(model.remediation.actions.map((a) => [a.id, a.overdue, a.daysOverdue])).toEqual([
			['A1', true, 5],
			['A2', false, 0],
			['A3', false, 0]
		]);
		expect(model.remediation.byStatus).toEqual({
			planned: 1,
			in_progress: 1,
			done: 1,
			verified: 0
		});
	});

	it('compares the score with the previous period', () => {
		expect(model.trend.map((t) => t.meanScore)).toEqual([0.6, model.summary.current.meanScore]);
		expect(model.summary.scoreChange).toBeCloseTo(1.7 / 3 - 0.6, 12);
	});

	it('states the achieved margin of error of the completed calls with the finite-population correction', () => {
		const expected = zForConfidence(0.95) * Math.sqrt((0.25 / 4) * (96 / 99));
		expect(model.method.achievedMargin).toBeCloseTo(expected, 12);
		expect(model.method.achievedMargin).toBeCloseTo(0.4825, 4);
	});

	it('lists calls by start time in each site’s own time zone', () => {
		expect(model.callLog.map((c) => [c.id, c.localTime, c.timeZone])).toEqual([
			['c1', '2026-07-01 09:30', 'Asia/Shanghai'],
			['c2', '2026-07-01 11:00', 'Asia/Shanghai'],
			['c3', '2026-07-02 09:00', 'Europe/Dublin'],
			['c4', '2026-07-03 09:00', 'Europe/Dublin']
		]);
	});

	it('rates very limited assurance and names every measure that set it', () => {
		expect(model.summary.rating).toBe('very_limited');
		expect(model.summary.assessment.limiting).toEqual([
			'mean_score',
			'critical_rate',
			'privacy_rate'
		]);
	});
});

describe('a report with no calls', () => {
	const empty: ReportInput = {
		...worked,
		previousPeriods: [],
		calls: [],
		audit: [],
		findings: [],
		actions: []
	};
	const model = buildReportModel(empty);

	it('says so, is unrated and has no margin of error instead of dividing by zero', () => {
		expect(model.summary.noCalls).toBe(true);
		expect(model.summary.rating).toBeNull();
		expect(model.summary.current.meanScore).toBeNull();
		expect(model.method.achievedMargin).toBeNull();
		expect(model.privacy.rate).toBeNull();
		expect(model.service.score).toBeNull();
		expect(model.audit.conformance).toBeNull();
		expect(model.summary.scoreChange).toBeNull();
	});

	it('holds no NaN or Infinity anywhere', () => {
		expect(numbers(model).every(Number.isFinite)).toBe(true);
	});
});

describe('the synthetic input', () => {
	it('is reproducible and gives a full-size model with finite numbers', () => {
		const a = syntheticReportInput({ calls: 200, findings: 40 });
		expect(syntheticReportInput({ calls: 200, findings: 40 })).toEqual(a);
		const model = buildReportModel(a);
		expect(model.callLog).toHaveLength(200);
		expect(model.findings).toHaveLength(40);
		expect(model.trend).toHaveLength(4);
		expect(numbers(model).every(Number.isFinite)).toBe(true);
	});
});
