import { describe, expect, it } from 'vitest';
import { scoreScenario } from '../scoring';
import { answers, call, section, yesNo } from '../scoring/test-fixtures';
import { feedbackSheet } from '.';

const content = call([
	section('open', [yesNo('greet'), yesNo('name', { severity: 'm' })], { category: 'opening' }),
	section(
		'body',
		[
			yesNo('verify', {
				critical: true,
				clauses: ['P5'],
				help: { en: 'Ask two identifiers first' }
			}),
			yesNo('accurate', { severity: 'M' }),
			yesNo('recap', { severity: 'm', weight: 3 }),
			yesNo('close', { severity: 'm' })
		],
		{ category: 'accuracy' }
	)
]);

describe('feedbackSheet', () => {
	const all = { greet: 'yes', name: 'no', verify: 'no', accurate: 'no', recap: 'no', close: 'no' };

	it('lists strengths first and at most three issues, the worst first', () => {
		const sheet = feedbackSheet(content, scoreScenario(content, answers(all)), 'Agent 7F3A');
		expect(sheet.agent).toBe('Agent 7F3A');
		expect(sheet.strengths.map((s) => s.itemId)).toEqual(['greet']);
		expect(sheet.issues.map((i) => i.itemId)).toEqual(['verify', 'accurate', 'recap']);
		expect(sheet.moreIssues).toBe(2);
	});

	it('names the standard each issue fails and what good looks like', () => {
		const [verify, accurate] = feedbackSheet(content, scoreScenario(content, answers(all))).issues;
		expect(verify.critical).toBe(true);
		expect(verify.standard[0].code).toBe('P5');
		expect(verify.standard[0].title?.en).toBeTruthy();
		expect(verify.good.en).toBe('Ask two identifiers first');
		expect(accurate.good.en).toBe('accurate');
	});

	it("compares each category with the same agent's previous result", () => {
		const previous = scoreScenario(content, answers({ ...all, greet: 'no' }));
		const sheet = feedbackSheet(content, scoreScenario(content, answers(all)), 'A', previous);
		const opening = sheet.categories.find((c) => c.category === 'opening')!;
		expect(opening.previous).toBe(0);
		expect(opening.score).toBe(0.5);
		expect(opening.delta).toBe(0.5);
		const first = feedbackSheet(content, scoreScenario(content, answers(all)));
		expect(first.categories.every((c) => c.previous === null && c.delta === null)).toBe(true);
	});
});
