import { describe, expect, it } from 'vitest';
import { accessRedirect, areaOf, areasFor, homeFor, NO_ACCESS_PATH, roleFitsKind } from './roles';

describe('role homes', () => {
	it('sends admins and compliance officers to /app', () => {
		expect(homeFor(['admin'])).toBe('/app');
		expect(homeFor(['compliance_officer'])).toBe('/app');
	});
	it('sends shoppers to /shopper and vendor managers and client viewers to /portal', () => {
		expect(homeFor(['shopper'])).toBe('/shopper');
		expect(homeFor(['vendor_manager'])).toBe('/portal');
		expect(homeFor(['client_viewer'])).toBe('/portal');
	});
	it('sends someone with several roles to the broadest area first', () => {
		expect(homeFor(['shopper', 'compliance_officer'])).toBe('/app');
		expect(homeFor(['shopper', 'client_viewer'])).toBe('/portal');
		expect(areasFor(['shopper', 'admin', 'vendor_manager'])).toEqual(['app', 'portal', 'shopper']);
	});
	it('sends someone without any membership to the no-access page', () => {
		expect(homeFor([])).toBe(NO_ACCESS_PATH);
	});
});

describe('areas of paths', () => {
	it('recognises an area and the pages under it', () => {
		expect(areaOf('/app')).toBe('app');
		expect(areaOf('/app/admin/users')).toBe('app');
		expect(areaOf('/shopper/profile')).toBe('shopper');
		expect(areaOf('/portal')).toBe('portal');
	});
	it('does not mistake look-alike or public paths for an area', () => {
		expect(areaOf('/apple')).toBeNull();
		expect(areaOf('/shoppers')).toBeNull();
		expect(areaOf('/signin')).toBeNull();
		expect(areaOf('/')).toBeNull();
	});
});

describe('access to an area', () => {
	it('sends a visitor without a session to sign-in, remembering the page', () => {
		expect(accessRedirect('app', '/app/admin/users?x=1', false, [])).toBe(
			'/signin?redirectTo=%2Fapp%2Fadmin%2Fusers%3Fx%3D1'
		);
	});
	it('sends a signed-in user to their own home when the area is not theirs', () => {
		expect(accessRedirect('app', '/app', true, ['shopper'])).toBe('/shopper');
		expect(accessRedirect('shopper', '/shopper', true, ['vendor_manager'])).toBe('/portal');
		expect(accessRedirect('portal', '/portal', true, ['compliance_officer'])).toBe('/app');
		expect(accessRedirect('portal', '/portal', true, [])).toBe(NO_ACCESS_PATH);
	});
	it('lets a user into their own area', () => {
		expect(accessRedirect('app', '/app', true, ['admin'])).toBeNull();
		expect(accessRedirect('shopper', '/shopper/profile', true, ['shopper'])).toBeNull();
		expect(accessRedirect('portal', '/portal', true, ['client_viewer'])).toBeNull();
	});
});

describe('roles and organisation kinds', () => {
	it('holds staff roles in the audit organisation and portal roles in clients or vendors', () => {
		expect(roleFitsKind('admin', 'audit')).toBe(true);
		expect(roleFitsKind('shopper', 'audit')).toBe(true);
		expect(roleFitsKind('vendor_manager', 'vendor')).toBe(true);
		expect(roleFitsKind('client_viewer', 'client')).toBe(true);
	});
	it('refuses a role in the wrong kind of organisation', () => {
		expect(roleFitsKind('admin', 'vendor')).toBe(false);
		expect(roleFitsKind('vendor_manager', 'client')).toBe(false);
		expect(roleFitsKind('client_viewer', 'audit')).toBe(false);
	});
});
