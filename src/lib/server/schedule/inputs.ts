/**
 * What the planner needs besides the programme: the audit organisation's shoppers (profiles and
 * conflicts), the published version each scenario is called with, and earlier calls that still
 * count for lockout, daily limits and rotation.
 */
import {
	programmeSchema,
	shopperSchema,
	type PastCall,
	type Programme,
	type Shopper
} from '$lib/schemas/programme';
import { addDays } from '$lib/components/schedule/time';
import { parseTimestamp } from '$lib/i18n/datetime';
import { loose, must } from './db';
import type { ProgrammeRow } from './programmes';

export interface PlanInputs {
	programme: Programme;
	shoppers: Shopper[];
	history: PastCall[];
	/** scenario id → id of its newest published version */
	versions: Map<string, string>;
}

interface ProfileRow {
	id: string;
	languages: string[];
	home_time_zone: string | null;
	availability: Record<string, string[]> | null;
}

/** Loads and validates everything `planProgramme` takes for `row`. */
export async function loadPlanInputs(client: unknown, row: ProgrammeRow): Promise<PlanInputs> {
	const db = loose(client);
	const programme = programmeSchema.parse(row.definition);
	const members = must<{ user_id: string }[]>(
		'shoppers',
		await db
			.from('memberships')
			.select('user_id')
			.eq('organisation_id', row.organisation_id)
			.eq('role', 'shopper')
	);
	const ids = members.map((mb) => mb.user_id);
	const scenarioIds = programme.scenarios.map((s) => s.scenarioId);
	const from = addDays(programme.period.start, -programme.lockoutDays - 1);
	const to = addDays(programme.period.end, programme.lockoutDays + 2);
	const [profiles, conflicts, versions, past] = await Promise.all([
		db.from('profiles').select('id, languages, home_time_zone, availability').in('id', ids),
		db.from('shopper_conflicts').select('shopper_id, vendor_id').in('shopper_id', ids),
		db
			.from('scenario_versions')
			.select('id, scenario_id, version')
			.eq('status', 'published')
			.in('scenario_id', scenarioIds)
			.order('version', { ascending: false }),
		db
			.from('test_calls')
			.select('shopper_id, site_id, scheduled_at, window_start, programme_id, status')
			.in('shopper_id', ids)
			.neq('status', 'cancelled')
			.gte('window_start', `${from}T00:00:00Z`)
			.lt('window_start', `${to}T00:00:00Z`)
	]);
	const conflictsOf = new Map<string, string[]>();
	for (const c of must<{ shopper_id: string; vendor_id: string }[]>('conflicts', conflicts))
		conflictsOf.set(c.shopper_id, [...(conflictsOf.get(c.shopper_id) ?? []), c.vendor_id]);

	const shoppers: Shopper[] = [];
	for (const p of must<ProfileRow[]>('profiles', profiles)) {
		const availability =
			p.availability && Object.keys(p.availability).length ? p.availability : undefined;
		// A shopper without languages or a home zone cannot be matched to anything: left out.
		const parsed = shopperSchema.safeParse({
			shopperId: p.id,
			timeZone: p.home_time_zone ?? '',
			languages: p.languages,
			availability,
			conflicts: conflictsOf.get(p.id) ?? []
		});
		if (parsed.success) shoppers.push(parsed.data);
	}
	shoppers.sort((a, b) => (a.shopperId < b.shopperId ? -1 : 1));

	const latest = new Map<string, string>();
	for (const v of must<{ id: string; scenario_id: string }[]>('versions', versions))
		if (!latest.has(v.scenario_id)) latest.set(v.scenario_id, v.id);

	type Past = {
		shopper_id: string;
		site_id: string;
		scheduled_at: string | null;
		window_start: string;
		programme_id: string | null;
		status: string;
	};
	const history = must<Past[]>('calls', past)
		// This programme's unstarted calls are about to be replaced.
		.filter((c) => !(c.programme_id === row.id && c.status === 'scheduled'))
		.map((c) => ({
			shopperId: c.shopper_id,
			siteId: c.site_id,
			start: parseTimestamp(c.scheduled_at ?? c.window_start).toISOString(),
			minutes: programme.callMinutes
		}));
	return { programme, shoppers, history, versions: latest };
}
