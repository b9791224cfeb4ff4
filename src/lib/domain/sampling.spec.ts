import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { achievedMargin, inverseNormal, planSample, sampleSize, zForConfidence } from './sampling';

/** Φ(x) from erf's everywhere-positive series (no cancellation), an independent check of Φ⁻¹. */
function normalCdf(x: number): number {
	const t = Math.abs(x) / Math.SQRT2;
	let term = t;
	let sum = t;
	for (let n = 1; n < 500 && term > 1e-18 * sum; n++) {
		term *= (2 * t * t) / (2 * n + 1);
		sum += term;
	}
	const erf = Math.min(1, (2 / Math.sqrt(Math.PI)) * Math.exp(-t * t) * sum);
	return x < 0 ? (1 - erf) / 2 : (1 + erf) / 2;
}

describe('inverse normal', () => {
	it('matches published quantiles to full double precision', () => {
		const published: [number, number][] = [
			[0.8, 0.8416212335729143],
			[0.9, 1.2815515655446004],
			[0.95, 1.6448536269514722],
			[0.975, 1.959963984540054],
			[0.995, 2.5758293035489004],
			[0.9995, 3.2905267314919255],
			[1e-10, -6.361340902404056]
		];
		for (const [p, z] of published) expect(inverseNormal(p)).toBeCloseTo(z, 13);
		expect(inverseNormal(0.5)).toBe(0);
		expect(inverseNormal(1e-300)).toBeCloseTo(-37.0471, 4);
	});

	it('is the inverse of the normal distribution function across the range', () => {
		fc.assert(
			fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (p) => {
				expect(Math.abs(normalCdf(inverseNormal(p)) - p)).toBeLessThan(1e-13);
			})
		);
	});

	it('is antisymmetric about one half and increasing', () => {
		fc.assert(
			fc.property(
				// Below 1e-6, 1 − p itself loses the digits that antisymmetry would compare.
				fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
				fc.double({ min: 1e-6, max: 0.5, noNaN: true }),
				(p, q) => {
					expect(inverseNormal(p)).toBeCloseTo(-inverseNormal(1 - p), 8);
					if (q > p * (1 + 1e-9)) expect(inverseNormal(p)).toBeLessThan(inverseNormal(q));
				}
			)
		);
	});

	it('rejects probabilities outside (0, 1)', () => {
		for (const p of [0, 1, -0.1, 1.5, Number.NaN])
			expect(() => inverseNormal(p)).toThrow(RangeError);
		for (const c of [0, 1, 95]) expect(() => zForConfidence(c)).toThrow(RangeError);
	});

	it('gives any confidence level its two-sided critical value, not only tabulated ones', () => {
		expect(zForConfidence(0.9)).toBeCloseTo(1.6448536269514722, 12);
		expect(zForConfidence(0.95)).toBeCloseTo(1.959963984540054, 12);
		expect(zForConfidence(0.99)).toBeCloseTo(2.5758293035489004, 12);
		expect(zForConfidence(0.9)).toBeLessThan(zForConfidence(0.93));
		expect(zForConfidence(0.93)).toBeLessThan(zForConfidence(0.95));
	});
});

describe('sample size', () => {
	const at = (confidence: number, margin: number, population?: number) =>
		sampleSize({ confidence, margin }, population).calls;

	it('matches published tables for p = 0.5', () => {
		expect(at(0.95, 0.05)).toBe(385);
		expect(at(0.95, 0.05, 1000)).toBe(278);
		expect(at(0.99, 0.05)).toBe(664);
		expect(at(0.95, 0.1)).toBe(97);
		expect(at(0.95, 0.05, 500)).toBe(218);
		expect(at(0.95, 0.03)).toBe(1068);
		expect(at(0.9, 0.05)).toBe(271);
		expect(at(0.95, 0.05, 100)).toBe(80);
		expect(at(0.95, 0.05, 10_000)).toBe(370);
		expect(at(0.99, 0.01)).toBe(16_588);
	});

	it('needs fewer calls when the expected pass rate is far from one half', () => {
		// 0.9 × 0.1 = 0.09 against 0.25: 1.96² × 0.09 / 0.05² = 138.3 → 139
		expect(sampleSize({ confidence: 0.95, margin: 0.05, passRate: 0.9 }).calls).toBe(139);
		expect(sampleSize({ confidence: 0.95, margin: 0.05, passRate: 0.1 }).calls).toBe(139);
	});

	it('asks nothing of a site with no calls and never more calls than the site handles', () => {
		expect(sampleSize({ confidence: 0.95, margin: 0.05 }, 0)).toMatchObject({
			calls: 0,
			census: true
		});
		expect(sampleSize({ confidence: 0.95, margin: 0.05 }, 1)).toMatchObject({
			calls: 1,
			census: true
		});
		expect(sampleSize({ confidence: 0.99, margin: 0.01 }, 40)).toMatchObject({
			calls: 40,
			census: true
		});
		expect(sampleSize({ confidence: 0.95, margin: 0.05 }, 1000).census).toBe(false);
	});

	it('reports n0 and z alongside the rounded number of calls', () => {
		const s = sampleSize({ confidence: 0.95, margin: 0.05 }, 1000);
		expect(s.n0).toBeCloseTo(384.1459, 3);
		expect(s.z).toBeCloseTo(1.96, 2);
		expect(s.population).toBe(1000);
	});

	it('rejects impossible targets and populations', () => {
		const ok = { confidence: 0.95, margin: 0.05 };
		expect(() => sampleSize({ ...ok, margin: 0 })).toThrow(RangeError);
		expect(() => sampleSize({ ...ok, margin: 1 })).toThrow(RangeError);
		expect(() => sampleSize({ ...ok, confidence: 1 })).toThrow(RangeError);
		expect(() => sampleSize({ ...ok, passRate: 0 })).toThrow(RangeError);
		expect(() => sampleSize({ ...ok, passRate: 1 })).toThrow(RangeError);
		expect(() => sampleSize(ok, -1)).toThrow(RangeError);
		expect(() => sampleSize(ok, 10.5)).toThrow(RangeError);
	});

	it('is between 1 and the population, and grows with the population and the confidence', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.5, max: 0.999, noNaN: true }),
				fc.double({ min: 0.005, max: 0.5, noNaN: true }),
				fc.integer({ min: 1, max: 1_000_000 }),
				(confidence, margin, population) => {
					const n = sampleSize({ confidence, margin }, population).calls;
					expect(n).toBeGreaterThanOrEqual(1);
					expect(n).toBeLessThanOrEqual(population);
					expect(sampleSize({ confidence, margin }, population + 1).calls).toBeGreaterThanOrEqual(
						n
					);
					expect(sampleSize({ confidence, margin }).calls).toBeGreaterThanOrEqual(n);
					const surer = Math.min(0.999, confidence + 0.01);
					expect(
						sampleSize({ confidence: surer, margin }, population).calls
					).toBeGreaterThanOrEqual(n);
				}
			)
		);
	});

	it('plans each site from its own volume', () => {
		const plan = planSample({ confidence: 0.95, margin: 0.05 }, [
			{ siteId: 'a', volume: 1000 },
			{ siteId: 'b', volume: 500 },
			{ siteId: 'c' },
			{ siteId: 'd', volume: 0 }
		]);
		expect(plan.map((p) => [p.siteId, p.sample.calls])).toEqual([
			['a', 278],
			['b', 218],
			['c', 385],
			['d', 0]
		]);
	});
});

describe('achieved margin', () => {
	it('is the margin the planned sample was sized for', () => {
		// 278 of 1,000 was sized for ±5 %; rounding up makes it very slightly better.
		const e = achievedMargin({ confidence: 0.95, completed: 278, population: 1000 })!;
		expect(e).toBeLessThanOrEqual(0.05);
		expect(e).toBeCloseTo(0.05, 3);
		expect(achievedMargin({ confidence: 0.95, completed: 385 })!).toBeCloseTo(0.0499, 4);
		expect(achievedMargin({ confidence: 0.95, completed: 97 })!).toBeCloseTo(0.0995, 4);
	});

	it('is undefined (null), not NaN or Infinity, when nothing was completed', () => {
		expect(achievedMargin({ confidence: 0.95, completed: 0 })).toBeNull();
		expect(achievedMargin({ confidence: 0.95, completed: 0, population: 0 })).toBeNull();
		expect(achievedMargin({ confidence: 0.95, completed: 0, population: 100 })).toBeNull();
	});

	it('is zero for a census, including when more calls were made than the volume estimate', () => {
		expect(achievedMargin({ confidence: 0.95, completed: 100, population: 100 })).toBe(0);
		expect(achievedMargin({ confidence: 0.95, completed: 120, population: 100 })).toBe(0);
		expect(achievedMargin({ confidence: 0.95, completed: 1, population: 1 })).toBe(0);
	});

	it('shrinks with more completed calls and is finite and positive otherwise', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.5, max: 0.999, noNaN: true }),
				fc.integer({ min: 1, max: 100_000 }),
				fc.option(fc.integer({ min: 2, max: 1_000_000 }), { nil: undefined }),
				(confidence, completed, population) => {
					const e = achievedMargin({ confidence, completed, population });
					if (population !== undefined && completed >= population) {
						expect(e).toBe(0);
						return;
					}
					expect(e).not.toBeNull();
					expect(Number.isFinite(e)).toBe(true);
					expect(e!).toBeGreaterThan(0);
					const more = achievedMargin({ confidence, completed: completed + 1, population })!;
					expect(more).toBeLessThanOrEqual(e!);
				}
			)
		);
	});

	it('reverses the sample size: the calls it plans achieve the target margin', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0.5, max: 0.999, noNaN: true }),
				fc.double({ min: 0.01, max: 0.5, noNaN: true }),
				fc.option(fc.integer({ min: 2, max: 100_000 }), { nil: undefined }),
				(confidence, margin, population) => {
					const { calls } = sampleSize({ confidence, margin }, population);
					const e = achievedMargin({ confidence, completed: calls, population })!;
					expect(e).toBeLessThanOrEqual(margin + 1e-12);
					if (calls > 1 && calls !== population) {
						const fewer = achievedMargin({ confidence, completed: calls - 1, population })!;
						expect(fewer).toBeGreaterThan(margin - 1e-12);
					}
				}
			)
		);
	});

	it('rejects negative or fractional call counts', () => {
		expect(() => achievedMargin({ confidence: 0.95, completed: -1 })).toThrow(RangeError);
		expect(() => achievedMargin({ confidence: 0.95, completed: 2.5 })).toThrow(RangeError);
	});
});
