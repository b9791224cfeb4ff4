/**
 * How the call planner scales: 10,000 calls over 1,000 sites and 200 shoppers, then 100,000 calls
 * over 10,000 sites and 2,000 shoppers (ten times everything), median of a few runs each. Sites
 * and shoppers are spread over six time zones and five languages, with weekday opening hours,
 * hour weights, availability windows, conflicts, a 7-day lockout and 5 calls per shopper per day,
 * so every rule is exercised. Near-linear planning keeps growth_ratio close to 10 (goal ≤ 12).
 *
 * Run: npx tsx bench/schedule.ts   (BENCH_RUNS=9 for more runs; the CPU time per run is printed
 * too, since wall time on a shared machine also counts other people's work)
 */
import { planProgramme } from '../src/lib/domain/schedule';
import { seededRng, type Rng } from '../src/lib/domain/schedule/prng';
import {
	programmeSchema,
	shopperSchema,
	type Programme,
	type Shopper
} from '../src/lib/schemas/programme';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const ZONES = [
	['Asia/Shanghai', ['zh']],
	['Asia/Hong_Kong', ['yue', 'zh']],
	['Asia/Manila', ['en', 'tl']],
	['Asia/Kuala_Lumpur', ['ms', 'en']],
	['Europe/Dublin', ['en']],
	['Australia/Sydney', ['en']]
] as const;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const PEAKS = [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 2, 1, 2, 3, 3, 2, 2, 1, 1, 0, 0, 0, 0];

const log = (msg: string) => console.log(`[bench schedule] ${msg}`);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];
const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function workload(sites: number, shoppers: number): { programme: Programme; shoppers: Shopper[] } {
	const rng = seededRng('bench', sites);
	const vendorIds = Array.from({ length: Math.max(3, sites / 100) }, (_, i) => `vendor-${i}`);
	const programme = programmeSchema.parse({
		name: `bench ${sites} sites`,
		clientId: 'client-1',
		vendorIds,
		sites: Array.from({ length: sites }, (_, i) => {
			const [zone, languages] = pick(rng, ZONES);
			const late = rng() < 0.3;
			return {
				siteId: `site-${i}`,
				vendorId: vendorIds[i % vendorIds.length],
				timeZone: zone,
				languages: [...languages],
				lines: [{ lineId: `line-${i}-a` }, { lineId: `line-${i}-b` }],
				hours: {
					...Object.fromEntries(WEEKDAYS.map((d) => [d, [late ? '08:00-20:00' : '09:00-18:00']])),
					sat: late ? ['10:00-16:00'] : []
				},
				excludedDates: ['2026-04-03', '2026-04-06'],
				calls: 10
			};
		}),
		scenarios: [
			{ scenarioId: 'service', share: 60 },
			{ scenarioId: 'privacy', share: 30 },
			{ scenarioId: 'pretext', share: 10 }
		],
		period: { start: '2026-03-16', end: '2026-04-12' },
		hourWeights: PEAKS,
		lockoutDays: 7,
		maxCallsPerShopperPerDay: 5,
		seed: 2026
	});
	const people = Array.from({ length: shoppers }, (_, i) => {
		const [zone, languages] = pick(rng, ZONES);
		const from = 8 + Math.floor(rng() * 4);
		return shopperSchema.parse({
			shopperId: `shopper-${i}`,
			timeZone: zone,
			languages: rng() < 0.3 ? [...languages, 'en'] : [...languages],
			availability: Object.fromEntries(
				WEEKDAYS.filter(() => rng() < 0.8).map((d) => [
					d,
					[`${from < 10 ? '0' : ''}${from}:00-${from + 9}:00`]
				])
			),
			conflicts: rng() < 0.1 ? [pick(rng, vendorIds)] : []
		});
	});
	return { programme, shoppers: people };
}

/** Median wall and CPU milliseconds of RUNS plans of one workload. */
function measure(label: string, sites: number, shoppers: number): { wall: number; cpu: number } {
	const w = workload(sites, shoppers);
	const times: number[] = [];
	const cpus: number[] = [];
	for (let run = 1; run <= RUNS; run++) {
		const t = performance.now();
		const cpu = process.cpuUsage();
		const plan = planProgramme(w.programme, w.shoppers);
		const ms = performance.now() - t;
		const used = process.cpuUsage(cpu);
		const cpuMs = (used.user + used.system) / 1000;
		times.push(ms);
		cpus.push(cpuMs);
		log(
			`${label} run ${run}/${RUNS}: ${ms.toFixed(0)} ms (cpu ${cpuMs.toFixed(0)} ms), ` +
				`requested ${plan.requested}, planned ` +
				`${plan.calls.length}, unfillable ${plan.unfillable.length}`
		);
	}
	return { wall: median(times), cpu: median(cpus) };
}

log(`node ${process.version}, ${RUNS} runs each after one warm-up`);
{
	// One unmeasured plan first, so the 10k figure is not the JIT compiling the planner.
	const w = workload(1_000, 200);
	const t = performance.now();
	planProgramme(w.programme, w.shoppers);
	log(`warm-up: ${(performance.now() - t).toFixed(0)} ms`);
}
const small = measure('10k calls / 1,000 sites / 200 shoppers', 1_000, 200);
const large = measure('100k calls / 10,000 sites / 2,000 shoppers', 10_000, 2_000);
log(
	`median cpu: 10k ${small.cpu.toFixed(0)} ms, 100k ${large.cpu.toFixed(0)} ms, ratio ` +
		(large.cpu / small.cpu).toFixed(2)
);
console.log(
	`plan_10k_ms=${small.wall.toFixed(0)} plan_100k_ms=${large.wall.toFixed(0)} ` +
		`growth_ratio=${(large.wall / small.wall).toFixed(2)}`
);
