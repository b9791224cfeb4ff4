import { requireArea } from '$lib/server/guard';
import type { LayoutServerLoad } from './$types';

// Officers and admins only; the hook enforces the same rule for actions and endpoints.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const { user, memberships, roles } = await requireArea(locals, url, 'app');
	return { email: user.email ?? '', memberships, roles };
};
