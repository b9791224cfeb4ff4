import { fail } from '@sveltejs/kit';
import { localiseErrors } from '$lib/i18n/localise';
import { m } from '$lib/paraglide/messages';
import { formObject, validate } from '$lib/schemas/form';
import { profileSchema } from '$lib/schemas/profile';
import { activeFeed } from '$lib/server/ics/feeds';
import type { Actions, PageServerLoad } from './$types';

// The calendar-feed section's state; its actions live in ./calendar.
export const load: PageServerLoad = async ({ locals, depends }) => {
	depends('app:calendar-feed');
	return { feed: await activeFeed(locals.supabase, locals.user!.id) };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const input = formObject(await request.formData(), ['languages']);
		const parsed = validate(profileSchema, input);
		if (!parsed.ok) return fail(400, { values: input, errorFields: localiseErrors(parsed.errors) });
		// The user's own row, through their own client: the update policy allows exactly this.
		const { error } = await locals.supabase
			.from('profiles')
			.update(parsed.data)
			.eq('id', locals.user!.id);
		if (error) {
			const errorFields =
				error.code === '23514' ? { home_time_zone: m.error_time_zone_invalid() } : undefined;
			return fail(400, { values: input, errorFields, errorMessage: m.error_unexpected() });
		}
		return { saved: true };
	}
};
