import { afterEach, describe, expect, it } from 'vitest';
import { baseLocale, overwriteGetLocale } from '$lib/paraglide/runtime';
import {
	checkProgramme,
	describeIssue,
	fieldLabel,
	localiseProgrammeMessage
} from './wizard-issues';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Shares adding up to 90 % and a site in a time zone that does not exist. */
const bad = {
	name: 'Q1',
	clientId: 'client-1',
	vendorIds: ['vendor-1'],
	sites: [{ siteId: 'site-1', vendorId: 'vendor-1', timeZone: 'Mars/Olympus', hours: {} }],
	scenarios: [
		{ scenarioId: 'scenario-1', share: 60 },
		{ scenarioId: 'scenario-2', share: 30 }
	],
	period: { start: '2026-03-02', end: '2026-03-31' },
	seed: 7
};

const issuesOf = (value: unknown) => {
	const checked = checkProgramme(value);
	if (checked.ok) throw new Error('expected issues');
	return checked.issues;
};

afterEach(() => overwriteGetLocale(() => baseLocale));

describe('the programme wizard’s validation messages', () => {
	it('reads a bad share sum and a bad time zone in English under en', () => {
		const issues = issuesOf(bad);
		expect(issues.scenarios).toBe(
			'The scenario shares must add up to 100 % (they add up to 90 %).'
		);
		expect(issues['sites.0.timeZone']).toBe('Use an IANA time zone name, e.g. Asia/Shanghai.');
		expect(describeIssue('sites.0.timeZone', issues['sites.0.timeZone'])).toBe(
			'Site 1: Time zone: Use an IANA time zone name, e.g. Asia/Shanghai.'
		);
	});

	it('reads the same issues in Chinese, at the same fields, under zh-CN', () => {
		const english = Object.keys(issuesOf(bad));
		overwriteGetLocale(() => 'zh-CN');
		const issues = issuesOf(bad);
		expect(Object.keys(issues)).toEqual(english);
		expect(issues.scenarios).toBe('场景占比之和必须为 100 %（当前合计 90 %）。');
		expect(issues['sites.0.timeZone']).toBe('请使用 IANA 时区名称，例如 Asia/Shanghai。');
		expect(describeIssue('scenarios', issues.scenarios)).toMatch(/^场景：/);
		expect(fieldLabel('sites.0.timeZone')).toBe('站点 1：时区');
	});

	it('uses zod’s Chinese messages for its own checks (empty name, wrong type)', () => {
		overwriteGetLocale(() => 'zh-CN');
		const issues = issuesOf({ ...bad, name: '', seed: 'seven' });
		expect(hasChinese(issues.name)).toBe(true);
		expect(hasChinese(issues.seed)).toBe(true);
	});

	it('translates every fixed message of the programme schema', () => {
		overwriteGetLocale(() => 'zh-CN');
		const english = [
			'use a date as YYYY-MM-DD',
			'use an IANA time zone name, e.g. Asia/Shanghai',
			'use a language tag, e.g. en or zh-CN',
			'use HH:MM-HH:MM with the end after the start',
			'give one weight for each of the 24 hours',
			'at least one hour needs a weight above 0',
			'the scenario shares must add up to 100 % (they add up to 90 %)',
			'duplicate site "site-1"',
			'vendor "v" is not in the programme\'s scope',
			'the period ends before it starts',
			'a period is at most 366 days'
		];
		expect(english.filter((text) => !hasChinese(localiseProgrammeMessage(text)))).toEqual([]);
	});

	it('passes a message it does not know through, and a valid programme has no issues', () => {
		expect(localiseProgrammeMessage('something new')).toBe('something new');
		const good = { ...bad, sites: [{ ...bad.sites[0], timeZone: 'Asia/Shanghai' }] };
		good.scenarios = [{ scenarioId: 'scenario-1', share: 100 }];
		expect(checkProgramme(good).ok).toBe(true);
	});
});
