/**
 * The calls before anyone is assigned: how many each site needs (its sample size or a fixed
 * number), when (spread over its calendar), on which line (shared evenly) and with which scenario
 * (the programme's mix, counted by largest remainder and spread fairly across sites).
 */
import type { Programme, ProgrammeSite } from '../../schemas/programme';
import { sampleSize, type SampleSize } from '../sampling';
import { SiteCalendar, type Slot } from './calendar';
import { weeklyIntervals } from './hours';
import { interleave, largestRemainder } from './mix';
import { seededRng, shuffle } from './prng';
import { languageKey } from './shoppers';
import { dayOf } from './tz';

/** Every hour counts the same when a programme gives no hour weights. */
const FLAT_WEIGHTS: readonly number[] = Array.from({ length: 24 }, () => 1);

export interface SiteContext {
	site: ProgrammeSite;
	/** Position in the programme's sites. */
	index: number;
	calendar: SiteCalendar;
	requested: number;
	sample: SampleSize | null;
}

export interface Draft {
	id: string;
	site: SiteContext;
	lineId: string | null;
	/** Language keys a shopper must speak one of; empty = any. */
	languages: string[];
	scenarioIndex: number;
	/** Null when the site has no calling time in the period. */
	slot: Slot | null;
}

export interface Drafts {
	sites: SiteContext[];
	/** Grouped by site, in the seeded site order. */
	drafts: Draft[];
	/** Calls per scenario, in the programme's scenario order. */
	scenarioCounts: number[];
}

function languageKeys(tags: readonly string[]): string[] {
	return [...new Set(tags.map(languageKey))].sort();
}

/** Lines for `n` calls: equal shares, interleaved, in a seeded order of lines. */
function linesFor(site: ProgrammeSite, n: number, seed: number): (string | null)[] {
	if (site.lines.length === 0) return Array.from({ length: n }, () => null);
	const lines = shuffle([...site.lines], seededRng(seed, 'lines', site.siteId));
	const counts = largestRemainder(
		lines.map(() => 1),
		n
	);
	return interleave(counts).map((i) => lines[i].lineId);
}

/** Builds every site's calendar and the unassigned calls of the whole programme. */
export function draftCalls(programme: Programme): Drafts {
	const firstDay = dayOf(programme.period.start);
	const lastDay = dayOf(programme.period.end);
	const sites: SiteContext[] = programme.sites.map((site, index) => {
		const sample =
			site.calls === undefined ? sampleSize(programme.sampling, site.callVolume) : null;
		const calendar = new SiteCalendar({
			zone: site.timeZone,
			week: weeklyIntervals(site.hours),
			excluded: new Set(site.excludedDates.map(dayOf)),
			firstDay,
			lastDay,
			callMinutes: programme.callMinutes,
			hourWeights: site.hourWeights ?? programme.hourWeights ?? FLAT_WEIGHTS
		});
		return { site, index, calendar, requested: site.calls ?? sample?.calls ?? 0, sample };
	});

	const order = shuffle(
		sites.map((_, i) => i),
		seededRng(programme.seed, 'sites')
	);
	const drafts: Draft[] = [];
	for (const i of order) {
		const ctx = sites[i];
		const { site, requested } = ctx;
		const slots = ctx.calendar.place(requested, seededRng(programme.seed, 'site', site.siteId));
		const lines = linesFor(site, requested, programme.seed);
		const siteLanguages = languageKeys(site.languages);
		// Each line's language keys, worked out once and shared by its calls.
		const lineLanguages = new Map(
			site.lines.map((l) => [
				l.lineId,
				l.languages.length ? languageKeys(l.languages) : siteLanguages
			])
		);
		for (let k = 0; k < requested; k++) {
			drafts.push({
				id: `${site.siteId}/${k + 1}`,
				site: ctx,
				lineId: lines[k],
				languages: lines[k] === null ? siteLanguages : lineLanguages.get(lines[k]!)!,
				scenarioIndex: -1,
				slot: slots[k] ?? null
			});
		}
	}

	const scenarioCounts = largestRemainder(
		programme.scenarios.map((s) => s.share),
		drafts.length
	);
	const sequence = interleave(scenarioCounts);
	// Consecutive drafts are one site's; shuffle each site's share so its rare scenario is not
	// always its first call.
	for (let start = 0; start < drafts.length;) {
		const siteId = drafts[start].site.site.siteId;
		let end = start;
		while (end < drafts.length && drafts[end].site.site.siteId === siteId) end++;
		const mine = shuffle(sequence.slice(start, end), seededRng(programme.seed, 'mix', siteId));
		for (let k = start; k < end; k++) drafts[k].scenarioIndex = mine[k - start];
		start = end;
	}
	return { sites, drafts, scenarioCounts };
}
