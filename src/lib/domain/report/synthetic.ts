/**
 * A reproducible synthetic report input: a vendor with sites in two zones, mystery calls scored on
 * the real 40-item checklist's clause tags, the 28 vendor-audit controls, findings and actions.
 * Tests, `bench/report.ts` and (later) the dashboard seed share it, so all three exercise the same
 * realistic shapes. Seeded: the same options give the same input, byte for byte.
 */
import { auditRows } from '../library/audit-items';
import { callRows } from '../library/call-items';
import { seededRng, type Rng } from '../schedule/prng';
import { dayOf, isoDay, toUtc } from '../schedule/tz';
import { serviceCategories, type ServiceCategory } from '../../schemas/scenario-base';
import type { LocalizedTitle } from '../clauses/types';
import type {
	ActionStatus,
	FindingStatus,
	ReportAction,
	ReportCall,
	ReportFinding,
	ReportInput,
	ReportLocale,
	ReportPeriod
} from './input';

export interface SyntheticOptions {
	calls?: number;
	findings?: number;
	locale?: ReportLocale;
	seed?: string;
	/** Earlier periods for the trend (each with a quarter of `calls`). */
	previousPeriods?: number;
	issuedOn?: string;
}

const SITES = [
	{ id: 'site-sh', name: '上海浦东中心 Shanghai Pudong', timeZone: 'Asia/Shanghai' },
	{ id: 'site-cd', name: '成都高新中心 Chengdu Hi-Tech', timeZone: 'Asia/Shanghai' },
	{ id: 'site-mnl', name: 'Manila Ortigas', timeZone: 'Asia/Manila' }
];

const SCENARIOS: LocalizedTitle[] = [
	{ en: 'Privacy handling on a billing call', 'zh-CN': '账单来电中的个人信息处理' },
	{ en: 'Pretext: caller claims to be a relative', 'zh-CN': '冒充亲属来电' },
	{ en: 'Pretext: change of phone number', 'zh-CN': '冒充客户变更手机号' },
	{ en: 'Card payment by phone', 'zh-CN': '电话支付银行卡' }
];

const QUARTER = (year: number, q: number): ReportPeriod => {
	const from = `${year}-${String(q * 3 - 2).padStart(2, '0')}-01`;
	const end = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
	return { from, to: isoDay(dayOf(end) - 1) };
};

const hex = (rng: Rng, n: number) =>
	Array.from({ length: n }, () => Math.floor(rng() * 16).toString(16)).join('');

function synthCalls(rng: Rng, n: number, period: ReportPeriod, prefix: string, skill: number) {
	const first = dayOf(period.from);
	const days = dayOf(period.to) - first + 1;
	const calls: ReportCall[] = [];
	for (let i = 0; i < n; i++) {
		const site = SITES[Math.floor(rng() * SITES.length)];
		const minute = 9 * 60 + Math.floor(rng() * 9 * 60);
		const startedAt = new Date(toUtc(site.timeZone, first + Math.floor(rng() * days), minute));
		const clauses: ReportCall['clauses'] = {};
		let earned = 0;
		let possible = 0;
		let criticalFailed = false;
		for (const row of callRows) {
			if (rng() < 0.55) continue; // not exercised by this call's scenario
			const weight = row.severity === 'C' ? 3 : row.severity === 'M' ? 2 : 1;
			const passed = rng() < (row.severity === 'C' ? skill + (1 - skill) * 0.7 : skill);
			possible += weight;
			if (passed) earned += weight;
			else if (row.severity === 'C') criticalFailed = true;
			for (const code of row.clauses) {
				const r = (clauses[code] ??= { passed: 0, failed: 0 });
				if (passed) r.passed++;
				else r.failed++;
			}
		}
		const categories: ReportCall['categories'] = {};
		for (const category of Object.keys(serviceCategories) as ServiceCategory[]) {
			const max = category === 'accuracy' || category === 'script_adherence' ? 10 : 5;
			const got = Math.min(max, Math.round(max * (skill - 0.1 + rng() * 0.25)));
			categories[category] = { earned: got, possible: max };
		}
		calls.push({
			id: `${prefix}-${String(i + 1).padStart(4, '0')}`,
			siteId: site.id,
			startedAt: startedAt.toISOString(),
			agent: `Agent ${hex(rng, 4).toUpperCase()}`,
			scenario: SCENARIOS[Math.floor(rng() * SCENARIOS.length)],
			score: criticalFailed ? 0 : possible > 0 ? earned / possible : null,
			criticalFailed,
			clauses,
			categories,
			evidenceHashes: [hex(rng, 64), hex(rng, 64)]
		});
	}
	return calls;
}

const TEXT = {
	en: {
		title: (label: string) => label,
		condition: (n: number) =>
			`In ${n} of the sampled calls the agent did not meet this requirement.`,
		criteria: (codes: string) => `Required by ${codes} and the client's call-handling procedure.`,
		cause: 'Refresher training did not cover the scenario; the desk guide is out of date.',
		effect: 'Personal information could be disclosed to an unverified caller.',
		recommendation: 'Update the desk guide, retrain the team and re-test within the deadline.',
		response: 'Accepted. Training scheduled for all shifts.',
		action: (id: string) => `Retrain agents and update the desk guide (${id})`,
		owner: 'Site QA lead',
		evidence: 'Training records and a passed re-test'
	},
	'zh-CN': {
		title: (label: string) => label,
		condition: (n: number) => `抽样通话中有 ${n} 通未满足该要求。`,
		criteria: (codes: string) => `依据 ${codes} 及委托方的来电处理规程。`,
		cause: '复训未覆盖该场景；坐席手册内容已过时。',
		effect: '个人信息可能被泄露给未经核验的来电者。',
		recommendation: '更新坐席手册，对团队进行再培训，并在期限内复测。',
		response: '接受。已为所有班次安排培训。',
		action: (id: string) => `对坐席再培训并更新坐席手册（${id}）`,
		owner: '现场质检主管',
		evidence: '培训记录及复测通过'
	}
} as const;

const FINDING_STATUSES: FindingStatus[] = ['open', 'open', 'in_progress', 'closed', 'accepted'];
const ACTION_STATUSES: ActionStatus[] = [
	'planned',
	'in_progress',
	'in_progress',
	'done',
	'verified'
];
const DUE_DAYS = { C: 30, M: 90, m: 180 } as const;

function synthFindings(rng: Rng, n: number, locale: ReportLocale, issuedOn: string) {
	const text = TEXT[locale];
	const findings: ReportFinding[] = [];
	const actions: ReportAction[] = [];
	for (let i = 0; i < n; i++) {
		const row = callRows[(i * 7) % callRows.length];
		const id = `F-2026-${String(i + 1).padStart(3, '0')}`;
		const raised = dayOf(issuedOn) - 20 - Math.floor(rng() * 160);
		const dueOn = isoDay(raised + DUE_DAYS[row.severity]);
		const occurrences = 1 + Math.floor(rng() * 12);
		findings.push({
			id,
			title: text.title(row.label[locale]),
			severity: row.severity,
			clauses: row.clauses,
			condition: text.condition(occurrences),
			criteria: text.criteria(row.clauses.join(', ')),
			cause: text.cause,
			effect: text.effect,
			recommendation: text.recommendation,
			managementResponse: rng() < 0.7 ? text.response : undefined,
			occurrences,
			raisedOn: isoDay(raised),
			dueOn,
			status: FINDING_STATUSES[Math.floor(rng() * FINDING_STATUSES.length)]
		});
		actions.push({
			id: `A-${String(i + 1).padStart(3, '0')}`,
			findingId: id,
			action: text.action(id),
			owner: text.owner,
			dueOn,
			status: ACTION_STATUSES[Math.floor(rng() * ACTION_STATUSES.length)],
			evidenceNeeded: text.evidence,
			retestOn: isoDay(dayOf(dueOn) + 14)
		});
	}
	return { findings, actions };
}

/** A vendor report input over `calls` calls and `findings` findings (defaults: 200 and 40). */
export function syntheticReportInput(options: SyntheticOptions = {}): ReportInput {
	const {
		calls = 200,
		findings = 40,
		locale = 'zh-CN',
		seed = 'clearcall',
		previousPeriods = 3,
		issuedOn = '2026-10-15'
	} = options;
	const rng = seededRng(seed, 'report');
	const period = QUARTER(2026, 3);
	const previous = Array.from({ length: previousPeriods }, (_, i) => {
		const q = 3 - previousPeriods + i; // quarters before Q3 2026, oldest first
		const p = q >= 1 ? QUARTER(2026, q) : QUARTER(2025, q + 4);
		const callsThen = synthCalls(rng, Math.ceil(calls / 4), p, `P${i}`, 0.8 + i * 0.03);
		return { period: p, calls: callsThen };
	});
	const { findings: register, actions } = synthFindings(rng, findings, locale, issuedOn);
	const auditResults = ['COM', 'COM', 'COM', 'COM', 'MIN', 'OBS', 'MAJ', 'na'] as const;
	return {
		reportId: 'RPT-2026-Q3-VA',
		version: 1,
		locale,
		issuedOn,
		scope: { kind: 'vendor', name: '华信外包服务 Huaxin Outsourcing' },
		period,
		previousPeriods: previous,
		organisation: 'Clearcall Assurance',
		client: '东方银行 Eastern Bank',
		vendor: '华信外包服务 Huaxin Outsourcing',
		programme:
			locale === 'zh-CN' ? '2026 年个人信息保护神秘来电' : '2026 PI protection mystery calls',
		sites: SITES,
		control: {
			author: 'Li Wei 李伟',
			approver: 'Chen Jing 陈静',
			distribution: ['Eastern Bank Compliance', 'Huaxin Outsourcing QA'],
			classification: 'confidential'
		},
		calls: synthCalls(rng, calls, period, 'TC', 0.9),
		audit: auditRows.map((row) => ({
			ref: `VA-${String(row.n).padStart(2, '0')}`,
			title: row.label,
			clauses: row.clauses,
			result: auditResults[Math.floor(rng() * auditResults.length)],
			note:
				locale === 'zh-CN'
					? '已查阅文件并访谈现场主管。'
					: 'Documents examined; site lead interviewed.'
		})),
		findings: register,
		actions,
		sampling: { plannedCalls: calls, population: 48_000, confidence: 0.95, targetMargin: 0.07 }
	};
}
