import { requireArea } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Vendor managers and client viewers only; the hook enforces the same rule for actions and endpoints.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const { memberships, roles } = await requireArea(locals, url, 'portal');
	return { memberships, roles };
};
