import { describe, expect, it } from 'vitest';
import { callKpis } from './kpis';

describe('callKpis', () => {
	it('takes ASA, hold and talk from the timers and counts transfers', () => {
		const kpis = callKpis({
			timings: { time_to_answer: 4000, hold: 9000, talk: 60_000 },
			markers: [
				{ kind: 'transfer', t: 1 },
				{ kind: 'transfer', t: 2 },
				{ kind: 'hold_start', t: 3 }
			]
		});
		expect(kpis).toEqual({ asa_ms: 4000, hold_ms: 9000, holds: 1, talk_ms: 60_000, transfers: 2 });
	});

	it('sums hold marker pairs when there is no hold timer, an open hold running to the last marker', () => {
		const kpis = callKpis({
			timings: {},
			markers: [
				{ kind: 'hold_start', t: 1000 },
				{ kind: 'hold_end', t: 4000 },
				{ kind: 'hold_start', t: 10_000 },
				{ kind: 'greeting', t: 12_000 }
			]
		});
		expect(kpis).toMatchObject({ hold_ms: 5000, holds: 2, asa_ms: null, talk_ms: null });
	});

	it('reports no hold time for a call without holds', () => {
		expect(callKpis({ timings: {}, markers: [] })).toEqual({
			asa_ms: null,
			hold_ms: null,
			holds: 0,
			talk_ms: null,
			transfers: 0
		});
	});
});
