/**
 * The bundle a phone stores to do a call in airplane mode: the call, its site and line, the
 * recording rule and the frozen scenario version, read with the shopper's own client (RLS decides).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { scenarioContentSchema, type MysteryCallContent } from '../schemas/scenario';
import type { CallBundle, RecordingPolicy } from '../shopper/offline/types';

const POLICIES = new Set<RecordingPolicy>(['one_party', 'all_party', 'not_allowed']);

interface Row {
	id: string;
	organisation_id: string;
	status: string;
	window_start: string;
	window_end: string;
	scheduled_at: string | null;
	shopper_id: string | null;
	site: { name: string; name_zh: string | null; time_zone: string } | null;
	line: { label: string; phone_number: string | null } | null;
	version: {
		content: unknown;
		scenario: { title: string; title_zh: string | null } | null;
	} | null;
}

const COLUMNS =
	'id, organisation_id, status, window_start, window_end, scheduled_at, shopper_id, ' +
	'site:sites(name, name_zh, time_zone), line:lines(label, phone_number), ' +
	'version:scenario_versions(content, scenario:scenarios(title, title_zh))';

/**
 * The effective recording rule; the strictest common one (all-party consent) when the function is
 * missing or answers nothing, so the phone never tells a shopper that less is enough.
 */
async function recordingPolicy(client: SupabaseClient, callId: string): Promise<RecordingPolicy> {
	const { data, error } = await client.rpc(
		'call_recording_policy' as never,
		{
			p_call_id: callId
		} as never
	);
	const value = error ? null : (data as unknown as string | null);
	return value && POLICIES.has(value as RecordingPolicy) ? (value as RecordingPolicy) : 'all_party';
}

/** Call `callId`'s bundle for `userId`, or null when it is not their mystery call. */
export async function callBundle(
	client: SupabaseClient,
	userId: string,
	callId: string
): Promise<CallBundle | null> {
	const { data, error } = await client
		.from('test_calls')
		.select(COLUMNS)
		.eq('id', callId)
		.maybeSingle<Row>();
	if (error) throw new Error(`loading the call failed: ${error.message}`);
	if (!data || data.shopper_id !== userId || !data.version || !data.site) return null;
	const content = scenarioContentSchema.parse(data.version.content);
	if (content.kind !== 'mystery_call') return null;
	return {
		callId: data.id,
		organisationId: data.organisation_id,
		status: data.status,
		windowStart: data.window_start,
		windowEnd: data.window_end,
		scheduledAt: data.scheduled_at,
		siteName: data.site.name,
		siteNameZh: data.site.name_zh,
		siteZone: data.site.time_zone,
		lineLabel: data.line?.label ?? null,
		phoneNumber: data.line?.phone_number ?? null,
		recordingPolicy: await recordingPolicy(client, callId),
		scenarioTitle: data.version.scenario?.title ?? '',
		scenarioTitleZh: data.version.scenario?.title_zh ?? null,
		content: content as MysteryCallContent,
		fetchedAt: Date.now()
	};
}
