import { describe, expect, it } from 'vitest';
import { isCritical } from '../../schemas/scenario-checklist';
import { scoreScenario } from '../scoring';
import { findLibraryEntry, libraryContent, scenarioLibrary } from './index';
import { allItems, perfectAnswers, worstAnswer } from './test-answers';

/**
 * Answers that send a call down its other branches, so that items shown only there (the spoken
 * card number, for one) are scored too.
 */
const otherPaths: Record<string, Record<string, string>[]> = {
	'SQ-9': [{ sq_clarify: 'no' }],
	'SE-RELATIVE': [{ rel_asked: 'no' }],
	'SE-MANAGER': [{ bm_internal_check: 'no' }],
	'SE-PHONE': [{ mc10: 'no' }],
	'PCI-PAY': [{ mc23: 'no' }]
};

describe('scoring the library', () => {
	for (const entry of scenarioLibrary) {
		describe(entry.code, () => {
			const content = libraryContent(entry);

			it('scores a perfect answer set at exactly 100 % with nothing missing', () => {
				const result = scoreScenario(content, perfectAnswers(content));
				expect(result.status).toBe('scored');
				expect(result.score).toBeCloseTo(1, 12);
				expect(result.failed).toBe(false);
				expect(result.missing).toEqual([]);
				for (const clause of Object.values(result.clauses)) expect(clause.rate).toBe(1);
			});

			it('fails the call on every critical item, in the scenario’s critical mode', () => {
				const critical = allItems(content).filter(isCritical);
				const tested = new Set<string>();
				for (const overrides of [{}, ...(otherPaths[entry.code] ?? [])])
					for (const item of critical) {
						const answers = perfectAnswers(content, {
							overrides: { ...overrides, [item.id]: worstAnswer(item) }
						});
						const result = scoreScenario(content, answers);
						if (result.items.find((i) => i.id === item.id)?.status !== 'scored') continue;
						tested.add(item.id);
						expect(result.failed, item.id).toBe(true);
						expect(result.criticalFailures, item.id).toContain(item.id);
						if (content.scoring.criticalMode === 'zero_and_flag') {
							expect(result.score).toBe(0);
							expect(result.flagged).toBe(true);
						} else {
							expect(result.score).toBe(result.rawScore);
							expect(result.score!).toBeLessThan(1);
							expect(result.flagged).toBe(false);
						}
					}
				expect([...tested].sort()).toEqual(critical.map((i) => i.id).sort());
			});

			it('lowers the score, without failing the call, when a non-critical item is missed', () => {
				const item = allItems(content).find(
					(i) => !isCritical(i) && !i.bonus && i.type !== 'text' && i.type !== 'duration'
				)!;
				const result = scoreScenario(
					content,
					perfectAnswers(content, { overrides: { [item.id]: worstAnswer(item) } })
				);
				expect(result.failed).toBe(false);
				expect(result.score!).toBeLessThan(1);
				expect(result.score!).toBeGreaterThan(0);
			});
		});
	}

	it('lets the service-quality bonus item lift a perfect call above 100 %', () => {
		const content = libraryContent(findLibraryEntry('SQ-9')!);
		const result = scoreScenario(content, perfectAnswers(content, { bonus: true }));
		expect(result.score!).toBeGreaterThan(1);
		expect(result.score).toBeCloseTo(result.maxScore!, 12);
		expect(Object.keys(result.categories)).toHaveLength(9);
	});
});
