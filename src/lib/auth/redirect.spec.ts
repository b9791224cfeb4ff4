import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('post-sign-in redirects', () => {
	it('keeps same-origin paths with their query and hash', () => {
		expect(safeRedirectPath('/app')).toBe('/app');
		expect(safeRedirectPath('/app/admin/users?tab=2#x')).toBe('/app/admin/users?tab=2#x');
	});
	it('normalises dot segments without leaving the origin', () => {
		expect(safeRedirectPath('/app/../portal')).toBe('/portal');
	});
	it.each([
		'https://evil.example',
		'http://evil.example/app',
		'//evil.example',
		'///evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'/\t/evil.example',
		'/\n/evil.example',
		'javascript:alert(1)',
		'app',
		'',
		' /app'
	])('drops %j, which could leave the site', (target) => {
		expect(safeRedirectPath(target)).toBeNull();
	});
	it('drops missing and absurdly long targets', () => {
		expect(safeRedirectPath(null)).toBeNull();
		expect(safeRedirectPath(undefined)).toBeNull();
		expect(safeRedirectPath(`/${'a'.repeat(3000)}`)).toBeNull();
	});
});
