import { describe, expect, it } from 'vitest';
import { scoreScenario } from '../scoring';
import { answers, audit, call, item, section, yesNo } from '../scoring/test-fixtures';
import { dueDate, generateFindings } from '.';

const content = call([
	section('s', [
		yesNo('greet', { severity: 'm', label: { en: 'Greets', 'zh-CN': '问候' } }),
		yesNo('verify', { critical: true, clauses: ['P5'] }),
		yesNo('close', { severity: 'M', help: { en: 'Thank the caller by name' } }),
		item('memo', 'text', { required: false })
	])
]);

describe('generateFindings', () => {
	it('turns each failed item into a finding with its severity, clauses and texts in both languages', () => {
		const score = scoreScenario(content, answers({ greet: 'no', verify: 'no', close: 'yes' }));
		const drafts = generateFindings(content, score);
		expect(drafts.map((d) => [d.itemId, d.severity])).toEqual([
			['greet', 'm'],
			['verify', 'C']
		]);
		const verify = drafts[1];
		expect(verify.clauses).toEqual(['P5']);
		expect(verify.criteria.en).toContain('P5');
		expect(verify.condition['zh-CN']).toContain('未达到');
		expect(verify.effect.en).toMatch(/^Critical/);
		expect(drafts[0].condition).toEqual({
			en: 'Not met: Greets (recorded: no).',
			'zh-CN': '未达到：问候（记录：no）。'
		});
	});

	it('gives no finding for passed, N/A, hidden or text items', () => {
		const score = scoreScenario(content, answers({ greet: 'yes', verify: 'yes', close: 'na' }));
		expect(generateFindings(content, score)).toEqual([]);
	});

	it('uses the item guidance as the recommendation when there is one', () => {
		const score = scoreScenario(content, answers({ greet: 'yes', verify: 'yes', close: 'no' }));
		const [close] = generateFindings(content, score);
		expect(close.recommendation.en).toBe('Thank the caller by name');
		expect(close.severity).toBe('M');
	});

	it('turns vendor-audit MAJ, MIN and OBS results into findings and COM into none', () => {
		const vendor = audit([
			section('a', [
				item('dpa', 'audit_result', { severity: 'C' }),
				item('lock', 'audit_result'),
				item('desk', 'audit_result'),
				item('log', 'audit_result')
			])
		]);
		const score = scoreScenario(
			vendor,
			answers({ dpa: 'MIN', lock: 'MAJ', desk: 'OBS', log: 'COM' })
		);
		const drafts = generateFindings(vendor, score);
		expect(drafts.map((d) => [d.itemId, d.auditResult, d.severity, d.source])).toEqual([
			['desk', 'OBS', 'm', 'vendor_audit'],
			['dpa', 'MIN', 'C', 'vendor_audit'],
			['lock', 'MAJ', 'M', 'vendor_audit']
		]);
	});
});

describe('dueDate', () => {
	it('is 30, 90 and 180 days out by default and follows an organisation override', () => {
		const opened = new Date('2026-01-01T10:00:00Z');
		expect(dueDate('C', opened)).toBe('2026-01-31');
		expect(dueDate('M', opened)).toBe('2026-04-01');
		expect(dueDate('m', opened)).toBe('2026-06-30');
		expect(dueDate('C', opened, { C: 7, M: 90, m: 180 })).toBe('2026-01-08');
	});
});
