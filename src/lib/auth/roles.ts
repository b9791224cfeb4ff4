/**
 * Who belongs where: the three audiences (route groups) and the home each role lands on.
 * Pure, so the hook, the group layouts and the tests share one definition.
 */
export const APP_ROLES = [
	'admin',
	'compliance_officer',
	'shopper',
	'vendor_manager',
	'client_viewer'
] as const;
export type AppRole = (typeof APP_ROLES)[number];

export type Area = 'app' | 'shopper' | 'portal';

export type OrganisationKind = 'audit' | 'client' | 'vendor';

/** The kind of organisation each role is held in (the audit organisation employs its shoppers). */
export const ROLE_ORGANISATION_KIND: Record<AppRole, OrganisationKind> = {
	admin: 'audit',
	compliance_officer: 'audit',
	shopper: 'audit',
	vendor_manager: 'vendor',
	client_viewer: 'client'
};

/** Which roles may enter each area. */
export const AREA_ROLES: Record<Area, readonly AppRole[]> = {
	app: ['admin', 'compliance_officer'],
	shopper: ['shopper'],
	portal: ['vendor_manager', 'client_viewer']
};

/** Where a user with no membership at all is sent (it explains that an admin must invite them). */
export const NO_ACCESS_PATH = '/no-access';

// Someone with several memberships lands on the broadest view first.
const HOME_ORDER: Area[] = ['app', 'portal', 'shopper'];

/** True for a role name the database may return. */
export function isAppRole(value: unknown): value is AppRole {
	return typeof value === 'string' && (APP_ROLES as readonly string[]).includes(value);
}

/** The areas a set of roles may enter, broadest first. */
export function areasFor(roles: readonly AppRole[]): Area[] {
	return HOME_ORDER.filter((area) => AREA_ROLES[area].some((r) => roles.includes(r)));
}

/** The path a user lands on after sign-in. */
export function homeFor(roles: readonly AppRole[]): string {
	const [first] = areasFor(roles);
	return first ? `/${first}` : NO_ACCESS_PATH;
}

/** The protected area a path belongs to, if any (`/app`, `/app/…`, but not `/apple`). */
export function areaOf(pathname: string): Area | null {
	for (const area of HOME_ORDER) {
		if (pathname === `/${area}` || pathname.startsWith(`/${area}/`)) return area;
	}
	return null;
}

/**
 * Where to send a request for `pathname`, or null to let it through: to sign-in (remembering where it
 * was going) without a session, to the user's own home when the area is not theirs.
 */
export function accessRedirect(
	area: Area,
	target: string,
	signedIn: boolean,
	roles: readonly AppRole[]
): string | null {
	if (!signedIn) return `/signin?redirectTo=${encodeURIComponent(target)}`;
	if (!AREA_ROLES[area].some((r) => roles.includes(r))) return homeFor(roles);
	return null;
}

/** True when `role` can be held in an organisation of `kind`. */
export function roleFitsKind(role: AppRole, kind: OrganisationKind): boolean {
	return ROLE_ORGANISATION_KIND[role] === kind;
}
