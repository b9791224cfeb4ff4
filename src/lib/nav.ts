/** Role-aware navigation: what each area shows in its menu, given the user's roles. */
import type { Pathname } from '$app/types';
import { m } from '$lib/paraglide/messages';
import { areasFor, type AppRole, type Area } from '$lib/auth/roles';

export interface NavItem {
	href: Pathname;
	label: () => string;
	/** Short glyph for the phone's bottom bar. */
	icon: 'home' | 'user' | 'users' | 'building' | 'swap' | 'clipboard' | 'calendar' | 'list';
}

/** The menu of `area` for someone holding `roles`. */
export function navFor(area: Area, roles: readonly AppRole[]): NavItem[] {
	const items: NavItem[] = [];
	if (area === 'app') {
		items.push({ href: '/app', label: m.nav_overview, icon: 'home' });
		items.push({ href: '/app/dashboard', label: m.rp_dash_nav, icon: 'list' });
		items.push({ href: '/app/review', label: m.rv_nav_review, icon: 'clipboard' });
		items.push({ href: '/app/findings', label: m.rv_nav_findings, icon: 'list' });
		items.push({ href: '/app/calibration', label: m.rv_nav_calibration, icon: 'users' });
		items.push({ href: '/app/programmes', label: m.nav_programmes, icon: 'list' });
		items.push({ href: '/app/calendar', label: m.nav_calendar, icon: 'calendar' });
		items.push({ href: '/app/scenarios', label: m.nav_scenarios, icon: 'clipboard' });
		items.push({ href: '/app/reports', label: m.rp_pub_nav_reports, icon: 'list' });
		items.push({ href: '/app/settings/alerts', label: m.rv_nav_alerts, icon: 'clipboard' });
		if (roles.includes('admin')) {
			items.push({ href: '/app/admin/users', label: m.nav_users, icon: 'users' });
			items.push({
				href: '/app/admin/retention',
				label: m.rp_pub_nav_retention,
				icon: 'clipboard'
			});
		}
	} else if (area === 'shopper') {
		items.push({ href: '/shopper', label: m.nav_today, icon: 'home' });
		items.push({ href: '/shopper/upcoming', label: m.nav_upcoming, icon: 'calendar' });
		items.push({ href: '/shopper/jobs', label: m.nav_jobs, icon: 'list' });
		items.push({ href: '/shopper/profile', label: m.nav_profile, icon: 'user' });
	} else {
		items.push({ href: '/portal', label: m.nav_overview, icon: 'building' });
		items.push({ href: '/portal/dashboard', label: m.rp_dash_nav, icon: 'list' });
		items.push({ href: '/portal/reports', label: m.rp_pub_nav_reports, icon: 'list' });
		if (roles.includes('vendor_manager'))
			items.push({ href: '/portal/findings', label: m.rv_nav_findings, icon: 'list' });
	}
	return items;
}

const AREA_LABEL: Record<Area, () => string> = {
	app: m.area_app,
	shopper: m.area_shopper,
	portal: m.area_portal
};

/** Links to the user's other areas, for people with memberships in more than one audience. */
export function otherAreas(area: Area, roles: readonly AppRole[]): NavItem[] {
	return areasFor(roles)
		.filter((a) => a !== area)
		.map((a) => ({ href: `/${a}` as const, label: AREA_LABEL[a], icon: 'swap' as const }));
}

/** True when `href` is the current page or a section containing it (`/app` only matches exactly). */
export function isCurrent(href: string, pathname: string, exact: boolean): boolean {
	return exact ? pathname === href : pathname === href || pathname.startsWith(`${href}/`);
}

/**
 * A menu path typed for `resolve()`, whose signature takes one literal route at a time rather than
 * the union a menu holds. Menu paths are static (no parameters), so resolve() only adds the base.
 */
export function menuRoute(href: Pathname): '/' {
	return href as '/';
}
