/**
 * The minute jobs: every minute the app server asks the database to mark missed calls and queue
 * reminders (`public.run_scheduled_jobs()`, service_role only). The work is idempotent in the
 * database, so two app processes, a slow run overlapping the next, or a restart never double-send;
 * on a hosted project pg_cron could call the same function instead. Importing this module from
 * hooks.server.ts starts the timer once per process (not while building, not twice under HMR).
 */
import { building, dev } from '$app/environment';
import { env } from '$env/dynamic/private';
import type { AppClient } from '$lib/tenancy';
import { supabaseAdmin } from './supabase-admin';
import { purgeWhenDue } from './retention/purge';

export const JOB_INTERVAL_MS = 60_000;

/** What one run of `public.run_scheduled_jobs()` did (its jsonb, key for key). */
export interface JobCounts {
	/** Calls whose window ended unsubmitted, now missed. */
	missed: number;
	/** Shoppers reminded of a call starting within two hours. */
	reminded: number;
	/** Calibration evaluators reminded to score (at most once a day each). */
	calibration_reminded: number;
}

/** Runs the scheduled jobs once with a service-role `client`; returns what they did. */
export async function runScheduledJobs(client: AppClient): Promise<JobCounts> {
	const { data, error } = await client.rpc('run_scheduled_jobs');
	if (error) throw new Error(`run_scheduled_jobs failed: ${error.message}`);
	return data as unknown as JobCounts;
}

const STARTED = Symbol.for('clearcall.scheduledJobs');
type Holder = { [STARTED]?: ReturnType<typeof setInterval> };

/**
 * Starts calling the jobs every `intervalMs` with `client` (the service-role client by default) and
 * returns a function that stops them. A second start in the same process returns the first one's stop.
 */
export function startScheduledJobs(
	client: () => AppClient = supabaseAdmin,
	intervalMs = JOB_INTERVAL_MS
): () => void {
	const holder = globalThis as Holder;
	const stop = () => {
		clearInterval(holder[STARTED]);
		delete holder[STARTED];
	};
	if (holder[STARTED]) return stop;
	let running = false;
	const tick = async () => {
		// A run still in flight means the database is slow; piling more on would not help.
		if (running) return;
		running = true;
		try {
			const counts = await runScheduledJobs(client());
			if (dev && (counts.missed || counts.reminded || counts.calibration_reminded))
				console.info('[jobs]', counts);
			// Hourly at most, inside the same guard so a slow purge never overlaps the next tick.
			const purged = await purgeWhenDue(client());
			if (dev && purged) console.info('[jobs] evidence purged', purged);
		} catch (e) {
			console.error('[jobs]', e instanceof Error ? e.message : e);
		} finally {
			running = false;
		}
	};
	holder[STARTED] = setInterval(tick, intervalMs);
	holder[STARTED].unref?.();
	void tick();
	return stop;
}

// Without the service key there is no stack to talk to (e.g. `vite build`); under vitest the tests
// start the jobs themselves.
if (
	!building &&
	import.meta.env.MODE !== 'test' &&
	env.SUPABASE_SERVICE_ROLE_KEY &&
	env.CLEARCALL_JOBS !== 'off'
)
	startScheduledJobs();
