import { fail, redirect } from '@sveltejs/kit';
import { localiseErrors } from '$lib/i18n/localise';
import { m } from '$lib/paraglide/messages';
import { formObject, validate } from '$lib/schemas/form';
import { scenarioContentSchema } from '$lib/schemas/scenario';
import { cleanContent } from '$lib/components/scenario/clean';
import { newContent } from '$lib/components/scenario/templates';
import { createScenarioSchema } from './forms';
import { listScenarios, versionPath } from './scenarios.server';
import type { Actions, PageServerLoad } from './$types';

/** The audit organisations where the caller designs scenarios. */
async function designOrganisations(locals: App.Locals) {
	const memberships = await locals.memberships();
	const seen = new Map<string, { id: string; name: string; nameZh: string | null }>();
	for (const mb of memberships)
		if (
			(mb.role === 'admin' || mb.role === 'compliance_officer') &&
			mb.organisation?.kind === 'audit'
		)
			seen.set(mb.organisationId, mb.organisation);
	return [...seen.values()];
}

export const load: PageServerLoad = async ({ locals }) => {
	const [scenarios, organisations] = await Promise.all([
		listScenarios(locals.supabase),
		designOrganisations(locals)
	]);
	return { scenarios, organisations };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const input = formObject(await request.formData());
		const values = Object.fromEntries(
			['organisation_id', 'kind', 'code', 'title', 'title_zh'].map((k) => [
				k,
				String(input[k] ?? '')
			])
		);
		const parsed = validate(createScenarioSchema, input);
		if (!parsed.ok) return fail(400, { values, errorFields: localiseErrors(parsed.errors) });
		const { organisation_id, kind, code, title, title_zh } = parsed.data;

		const { data: scenario, error: insertErr } = await locals.supabase
			.from('scenarios')
			.insert({ organisation_id, kind, code, title, title_zh })
			.select('id')
			.single<{ id: string }>();
		if (insertErr?.code === '23505')
			return fail(400, { values, errorFields: { code: m.sc_error_code_taken() } });
		if (insertErr || !scenario)
			return fail(403, { values, errorMessage: m.sc_error_create_denied() });

		const content = scenarioContentSchema.parse(
			cleanContent(newContent(kind, title_zh ? { en: title, 'zh-CN': title_zh } : { en: title }))
		);
		const { error: versionErr } = await locals.supabase
			.from('scenario_versions')
			.insert({ scenario_id: scenario.id, version: 1, status: 'draft', content });
		if (versionErr) {
			// No transaction over REST: take the half-made scenario away again rather than leave it empty.
			await locals.supabase.from('scenarios').delete().eq('id', scenario.id);
			console.error(`scenario ${code}: first draft refused: ${versionErr.message}`);
			return fail(500, { values, errorMessage: m.error_unexpected() });
		}
		redirect(303, versionPath(scenario.id, 1));
	}
};
