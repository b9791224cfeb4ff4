import { describe, expect, it } from 'vitest';
import { deviationFromBenchmark, scoreSpread } from './spread';

describe('spread of overall scores', () => {
	it('gives min, max, range, mean and the sample standard deviation', () => {
		const r = scoreSpread([80, 85, 90, 70]);
		expect(r).toMatchObject({ count: 4, min: 70, max: 90, range: 20, mean: 81.25 });
		expect(r?.sd).toBeCloseTo(Math.sqrt(218.75 / 3), 12);
	});

	it('counts scores within ±5 points of the mean, edges included', () => {
		const r = scoreSpread([80, 85, 90, 70]);
		expect(r).toMatchObject({ center: 81.25, band: 5, withinBand: 2, withinBandShare: 0.5 });
	});

	it('centres the band on the benchmark score when given, and takes another width', () => {
		expect(scoreSpread([80, 85, 90, 70], { center: 85 })).toMatchObject({
			withinBand: 3,
			withinBandShare: 0.75
		});
		expect(scoreSpread([80, 85, 90, 70], { center: 85, band: 15 })?.withinBandShare).toBe(1);
		expect(scoreSpread([80, 85, 90, 70], { center: 85, band: 0 })?.withinBand).toBe(1);
	});

	it('treats a score a rounding error beyond the edge as inside', () => {
		expect(scoreSpread([0.1 + 0.2 + 4.7], { center: 0, band: 5 })?.withinBand).toBe(1);
	});

	it('skips missing scores, gives a single score no spread, and nothing for no scores', () => {
		expect(scoreSpread([null, 72, undefined])).toMatchObject({ count: 1, sd: 0, range: 0 });
		expect(scoreSpread([])).toBeNull();
		expect(scoreSpread([null, Number.NaN])).toBeNull();
	});

	it('rejects a negative band', () => {
		expect(() => scoreSpread([1], { band: -1 })).toThrow(RangeError);
	});
});

describe('deviation from the benchmark evaluator', () => {
	const scores = {
		officer: { greeting: 1, verify: 0, close: 2, tone: 3 },
		lee: { greeting: 1, verify: 1, close: 0, tone: 3 },
		chen: { greeting: null, verify: 0.5 },
		wang: {}
	};

	it('gives the mean absolute and signed difference over items both scored', () => {
		const [lee, chen, wang] = deviationFromBenchmark(scores, 'officer');
		// lee − officer: 0, +1, −2, 0
		expect(lee).toEqual({ evaluator: 'lee', compared: 4, meanAbsolute: 0.75, meanSigned: -0.25 });
		expect(chen).toEqual({ evaluator: 'chen', compared: 1, meanAbsolute: 0.5, meanSigned: 0.5 });
		expect(wang).toEqual({ evaluator: 'wang', compared: 0, meanAbsolute: null, meanSigned: null });
	});

	it('leaves the benchmark out and throws when it has no scores', () => {
		expect(deviationFromBenchmark(scores, 'officer').map((d) => d.evaluator)).not.toContain(
			'officer'
		);
		expect(() => deviationFromBenchmark(scores, 'nobody')).toThrow(RangeError);
	});
});
