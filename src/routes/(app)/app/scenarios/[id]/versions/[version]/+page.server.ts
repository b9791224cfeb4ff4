import { fail, redirect } from '@sveltejs/kit';
import { checkContent, checkImport } from '$lib/components/scenario/issues';
import { m } from '$lib/paraglide/messages';
import type { FieldError } from '$lib/schemas/scenario-import';
import {
	explainRefusal,
	loadScenario,
	loadVersion,
	versionPath,
	writeDraft
} from '../../../scenarios.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const [{ scenario, versions }, version] = await Promise.all([
		loadScenario(locals.supabase, params.id),
		loadVersion(locals.supabase, params.id, params.version)
	]);
	return { scenario, versions, version };
};

const rootError = (message: string): FieldError[] => [{ path: [], at: '', message }];

/** The version the action is about, which must still be a draft. */
async function draftOf(locals: App.Locals, params: { id: string; version: string }) {
	const version = await loadVersion(locals.supabase, params.id, params.version);
	return version.status === 'draft' ? version : null;
}

export const actions: Actions = {
	/** Saves the designer's document after validating it again with the same schema. */
	save: async ({ locals, params, request }) => {
		const raw = String((await request.formData()).get('content') ?? '');
		let value: unknown;
		try {
			value = JSON.parse(raw);
		} catch {
			return fail(400, { action: 'save', errors: rootError(m.sc_error_not_json()) });
		}
		const draft = await draftOf(locals, params);
		if (!draft)
			return fail(409, { action: 'save', errorMessage: m.sc_error_frozen(), content: value });
		const checked = checkContent(value);
		// The refused document goes back to the page, so nothing typed is lost.
		if (!checked.ok) return fail(400, { action: 'save', errors: checked.errors, content: value });
		const refused = await writeDraft(locals.supabase, draft.id, checked.content);
		if (refused) return fail(409, { action: 'save', errorMessage: refused, content: value });
		const title = checked.content.title;
		// The list shows the scenario's own title; keep it in step with the draft's.
		await locals.supabase
			.from('scenarios')
			.update({ title: title.en || title['zh-CN'], title_zh: title['zh-CN'] || null })
			.eq('id', params.id);
		return { action: 'save', saved: true };
	},

	/** Publishes the saved draft once its stored content passes the schema. */
	publish: async ({ locals, params }) => {
		const draft = await draftOf(locals, params);
		if (!draft) return fail(409, { action: 'publish', errorMessage: m.sc_error_frozen() });
		const checked = checkContent(draft.content);
		if (!checked.ok)
			return fail(400, {
				action: 'publish',
				errorMessage: m.sc_error_publish_invalid(),
				errors: checked.errors
			});
		const { error: err } = await locals.supabase.rpc('publish_scenario_version', {
			p_version_id: draft.id
		});
		if (err) return fail(409, { action: 'publish', errorMessage: explainRefusal(err) });
		return { action: 'publish', published: true };
	},

	/** Opens a draft copied from the latest version (or the draft already open). */
	draft: async ({ locals, params }) => {
		const { data, error: err } = await locals.supabase
			.rpc('create_scenario_draft', { p_scenario_id: params.id })
			.single<{ version: number }>();
		if (err || !data)
			return fail(409, { action: 'draft', errorMessage: explainRefusal(err ?? { message: '' }) });
		redirect(303, versionPath(params.id, data.version));
	},

	/** Replaces the draft's content with an imported file or pasted JSON; a bad one saves nothing. */
	import: async ({ locals, params, request }) => {
		const form = await request.formData();
		const file = form.get('file');
		const text =
			file instanceof File && file.size > 0 ? await file.text() : String(form.get('json') ?? '');
		if (!text.trim())
			return fail(400, { action: 'import', importErrors: rootError(m.sc_import_empty()) });
		const checked = checkImport(text);
		if (!checked.ok)
			return fail(400, { action: 'import', importErrors: checked.errors, json: text });
		const { scenario } = await loadScenario(locals.supabase, params.id);
		if (checked.content.kind !== scenario.kind)
			return fail(400, {
				action: 'import',
				json: text,
				importErrors: [{ path: ['kind'], at: 'kind', message: m.sc_import_kind_mismatch() }]
			});
		const draft = await draftOf(locals, params);
		if (!draft) return fail(409, { action: 'import', errorMessage: m.sc_error_frozen() });
		const refused = await writeDraft(locals.supabase, draft.id, checked.content);
		if (refused) return fail(409, { action: 'import', errorMessage: refused });
		return { action: 'import', imported: Date.now() };
	}
};
