import { describe, expect, it } from 'vitest';
import { cohenKappa } from './agreement';
import { fleissKappa } from './fleiss';
import { summarizeCalibration, type CalibrationInput } from './summary';

/** An officer (the benchmark) and three evaluators blind-scoring one call with four items. */
const session: CalibrationInput = {
	evaluators: ['officer', 'lee', 'chen', 'wang'],
	benchmark: 'officer',
	items: [
		{
			id: 'greeting',
			answers: { officer: 'yes', lee: 'yes', chen: 'yes', wang: 'yes' },
			points: { officer: 1, lee: 1, chen: 1, wang: 1 }
		},
		{
			id: 'verify',
			answers: { officer: 'no', lee: 'yes', chen: 'no', wang: 'no' },
			points: { officer: 0, lee: 2, chen: 0, wang: 0 }
		},
		{
			id: 'hold',
			answers: { officer: 'yes', lee: 'na', chen: 'no', wang: 'yes' },
			points: { officer: 1, lee: null, chen: 0, wang: 1 }
		},
		{
			id: 'close',
			answers: { officer: 'yes', lee: 'yes', chen: 'yes' },
			points: { officer: 1, lee: 1, chen: 1 }
		}
	],
	overall: { officer: 75, lee: 95, chen: 70, wang: null }
};

describe('calibration summary', () => {
	const s = summarizeCalibration(session);

	it('reports agreement per item with the benchmark answer', () => {
		expect(
			s.items.map((i) => [i.id, i.benchmarkAnswer, i.modal, i.modalShare, i.unanimous])
		).toEqual([
			['greeting', 'yes', ['yes'], 1, true],
			['verify', 'no', ['no'], 0.75, false],
			['hold', 'yes', ['yes'], 0.5, false],
			['close', 'yes', ['yes'], 1, true]
		]);
	});

	it("computes Fleiss' kappa over every evaluator and item, N/A counting as an answer", () => {
		expect(s.fleiss.categories).toEqual(['yes', 'no', 'na']);
		const direct = fleissKappa([
			[4, 0, 0],
			[1, 3, 0],
			[2, 1, 1],
			[3, 0, 0]
		]);
		expect(s.fleiss.kappa).toBeCloseTo(direct.kappa ?? Number.NaN, 12);
		expect(s.fleiss.subjectAgreement).toEqual(direct.subjectAgreement);
	});

	it('centres the score band on the benchmark and skips an evaluator without a score', () => {
		expect(s.spread).toMatchObject({ count: 3, min: 70, max: 95, range: 25, center: 75 });
		expect(s.spread?.withinBand).toBe(2);
	});

	it('compares every other evaluator with the benchmark', () => {
		const lee = s.evaluators.find((e) => e.evaluator === 'lee');
		expect(lee).toMatchObject({
			overall: 95,
			overallDelta: 20,
			compared: 3,
			meanAbsolute: 2 / 3,
			meanSigned: 2 / 3,
			answerMatch: 0.5
		});
		expect(lee?.cohen?.kappa).toBeCloseTo(
			cohenKappa(['yes', 'yes', 'na', 'yes'], ['yes', 'no', 'yes', 'yes']).kappa ?? Number.NaN,
			12
		);
		expect(s.evaluators.map((e) => e.evaluator)).toEqual(['lee', 'chen', 'wang']);
		expect(s.evaluators.find((e) => e.evaluator === 'wang')).toMatchObject({
			overall: null,
			overallDelta: null,
			compared: 3
		});
	});

	it('works without a benchmark: no comparisons, the band centred on the mean', () => {
		const r = summarizeCalibration({ ...session, benchmark: undefined });
		expect(r.items[0].benchmarkAnswer).toBeNull();
		expect(r.spread?.center).toBeCloseTo(80, 12);
		expect(r.evaluators).toHaveLength(4);
		expect(r.evaluators[0]).toMatchObject({ overallDelta: null, meanAbsolute: null, cohen: null });
	});

	it('gives defined results for a session nobody has scored yet', () => {
		const r = summarizeCalibration({
			evaluators: ['officer', 'lee'],
			benchmark: 'officer',
			items: [{ id: 'greeting', answers: {} }],
			overall: {}
		});
		expect(r.fleiss.kappa).toBeNull();
		expect(r.spread).toBeNull();
		expect(r.evaluators[0]).toMatchObject({ compared: 0, answerMatch: null, overallDelta: null });
	});
});
