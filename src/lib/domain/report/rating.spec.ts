import { describe, expect, it } from 'vitest';
import { gradeMeasure, rateAssurance, ratingRules, type RatingMeasures } from './rating';

const rule = (id: string) => ratingRules.find((r) => r.measure === id)!;
const good: RatingMeasures = {
	mean_score: 0.95,
	critical_rate: 0,
	privacy_rate: 0.99,
	open_critical_findings: 0,
	major_nonconformities: 0,
	overdue_actions: 0
};

describe('assurance rating', () => {
	it('grades a bound as the better grade, also for a float a hair below it', () => {
		expect(gradeMeasure(rule('mean_score'), 0.9)).toBe('high');
		expect(gradeMeasure(rule('mean_score'), (0.7 + 0.8 + 0.9 + 1.2) / 4)).toBe('high');
		expect(gradeMeasure(rule('mean_score'), 0.75)).toBe('reasonable');
		expect(gradeMeasure(rule('mean_score'), 0.6)).toBe('limited');
		expect(gradeMeasure(rule('mean_score'), 0.59)).toBe('very_limited');
		expect(gradeMeasure(rule('critical_rate'), 0.05)).toBe('reasonable');
		expect(gradeMeasure(rule('overdue_actions'), 6)).toBe('very_limited');
	});

	it('is high only when every measure is high', () => {
		expect(rateAssurance(good, true)).toMatchObject({ rating: 'high', limiting: [] });
	});

	it('takes the worst measure, so one weak area is not averaged away', () => {
		const outcome = rateAssurance({ ...good, major_nonconformities: 2 }, true);
		expect(outcome.rating).toBe('limited');
		expect(outcome.limiting).toEqual(['major_nonconformities']);
	});

	it('skips measures without evidence and is unrated with no evidence at all', () => {
		const noCalls = { ...good, mean_score: null, critical_rate: null, privacy_rate: null };
		expect(rateAssurance(noCalls, true).rating).toBe('high');
		expect(rateAssurance(noCalls, false).rating).toBeNull();
	});
});
