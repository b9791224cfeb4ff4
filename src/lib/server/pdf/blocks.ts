/**
 * The report as renderer-neutral blocks (paragraphs, key/value tables, tables, charts), section by
 * section in the order of the regulations doc's section (c). The PDF and the HTML preview both
 * render these, so they cannot show different content.
 */
import type { ReportModel } from '../../domain/report';
import type { ReportText } from './text';

export type ChartId = 'categories' | 'trend' | 'heatmap';

export type Block =
	| { kind: 'p'; text: string; strong?: boolean }
	| { kind: 'kv'; rows: [string, string][] }
	| {
			kind: 'table';
			head: string[];
			rows: string[][];
			/** Relative column widths (the renderer scales them to the page). */
			widths: number[];
			/** Smaller type for wide registers and the call log. */
			dense?: boolean;
	  }
	| { kind: 'chart'; chart: ChartId; title: string };

export interface Section {
	id: string;
	title: string;
	blocks: Block[];
}

const SEVERITY_KEY = { C: 'sev_critical', M: 'sev_major', m: 'sev_minor' } as const;

/** The cover's control block. */
export function controlRows(model: ReportModel, x: ReportText): [string, string][] {
	const c = model.control;
	const rows: [string, string][] = [
		[x.t('report_id'), c.reportId],
		[x.t('version'), String(c.version)],
		[x.t('scope'), `${x.t(`scope_${c.scopeKind}`)}: ${c.scopeName}`],
		[x.t('period'), x.t('period_range', { from: c.period.from, to: c.period.to })],
		[x.t('issued'), c.issuedOn],
		[x.t('organisation'), c.organisation]
	];
	if (c.client) rows.push([x.t('client'), c.client]);
	if (c.vendor) rows.push([x.t('vendor'), c.vendor]);
	if (c.programme) rows.push([x.t('programme'), c.programme]);
	rows.push(
		[x.t('sites'), c.sites.map((s) => `${s.name} (${s.timeZone})`).join('\n')],
		[x.t('author'), c.author],
		[x.t('approver'), c.approver],
		[x.t('distribution'), c.distribution.join('\n')],
		[x.t('classification'), x.t(`class_${c.classification}`)]
	);
	return rows;
}

/** The rating's display name, or "not rated". */
export function ratingLabel(model: ReportModel, x: ReportText): string {
	return model.summary.rating ? x.t(`rating_${model.summary.rating}`) : x.t('rating_none');
}

function summary(model: ReportModel, x: ReportText): Block[] {
	const s = model.summary;
	const blocks: Block[] = [
		{ kind: 'p', text: `${x.t('rating')}: ${ratingLabel(model, x)}`, strong: true }
	];
	if (s.assessment.limiting.length) {
		const measures = s.assessment.limiting.map((m) => x.t(`m_${m}`)).join(', ');
		blocks.push({ kind: 'p', text: x.t('rating_because', { measures }) });
	}
	if (s.noCalls) blocks.push({ kind: 'p', text: x.t('no_calls'), strong: true });
	blocks.push({
		kind: 'table',
		head: [x.t('domain'), x.t('score')],
		widths: [3, 1],
		rows: [
			[x.t('d_call'), x.pct(s.domains.callScore)],
			[x.t('d_privacy'), x.pct(s.domains.privacy)],
			[x.t('d_service'), x.pct(s.domains.service)],
			[x.t('d_vendor'), x.pct(s.domains.vendorControls)]
		]
	});
	blocks.push({ kind: 'p', text: x.t('change', { change: x.points(s.scoreChange) }) });
	blocks.push({
		kind: 'p',
		text: x.t('open_findings', { count: s.openFindings, overdue: s.overdueActions })
	});
	blocks.push({ kind: 'p', text: x.t('top_findings'), strong: true });
	blocks.push(
		s.topFindings.length
			? {
					kind: 'table',
					head: [x.t('id'), x.t('finding'), x.t('severity'), x.t('occurrences'), x.t('due')],
					widths: [1.2, 5, 1.1, 1, 1.3],
					rows: s.topFindings.map((f) => [
						f.id,
						f.title,
						x.t(SEVERITY_KEY[f.severity]),
						x.count(f.occurrences),
						f.dueOn
					])
				}
			: { kind: 'p', text: x.t('none') }
	);
	return blocks;
}

function trend(model: ReportModel, x: ReportText): Block[] {
	return [
		{ kind: 'chart', chart: 'trend', title: x.t('chart_trend') },
		{
			kind: 'table',
			head: [
				x.t('period'),
				x.t('calls'),
				x.t('mean_score'),
				x.t('critical_rate'),
				x.t('privacy_rate')
			],
			widths: [3, 1, 1.3, 1.3, 1.3],
			rows: model.trend.map((p) => [
				x.t('period_range', { from: p.period.from, to: p.period.to }),
				x.count(p.calls),
				x.pct(p.meanScore),
				x.pct(p.criticalRate),
				x.pct(p.privacyRate)
			])
		}
	];
}

function method(model: ReportModel, x: ReportText): Block[] {
	const m = model.method;
	const margin =
		m.achievedMargin === 0
			? x.t('census')
			: m.achievedMargin === null
				? x.t('no_data')
				: `± ${x.pct(m.achievedMargin)}`;
	return [
		{ kind: 'p', text: x.t('method_text') },
		{
			kind: 'kv',
			rows: [
				[x.t('planned'), x.count(m.plannedCalls)],
				[x.t('completed'), x.count(m.completedCalls)],
				[x.t('awaiting_review'), x.count(m.awaitingReview)],
				[x.t('population'), m.population === null ? x.t('unknown') : x.count(m.population)],
				[x.t('confidence'), x.pct(m.confidence)],
				[x.t('target_margin'), `± ${x.pct(m.targetMargin)}`],
				[x.t('achieved_margin'), margin],
				[x.t('sites_agents'), `${x.count(m.sites)} / ${x.count(m.agents)}`],
				[x.t('clauses_checked'), x.count(m.clausesChecked)]
			]
		}
	];
}

function privacy(model: ReportModel, x: ReportText): Block[] {
	const p = model.privacy;
	if (!p.rows.length) return [{ kind: 'p', text: x.t('no_calls') }];
	return [
		{ kind: 'chart', chart: 'heatmap', title: x.t('chart_heatmap') },
		{
			kind: 'table',
			head: [
				x.t('clause'),
				x.t('obligation'),
				x.t('passed'),
				x.t('failed'),
				x.t('rate'),
				x.t('calls_failing')
			],
			widths: [1.4, 4.4, 0.9, 0.9, 1, 1],
			rows: [
				...p.rows.map((r) => [
					r.code,
					r.toVerify ? `${x.label(r.title)} (${x.t('to_verify')})` : x.label(r.title),
					x.count(r.passed),
					x.count(r.failed),
					x.pct(r.rate),
					x.count(r.callsFailing)
				]),
				[x.t('total'), '', x.count(p.passed), x.count(p.failed), x.pct(p.rate), '']
			]
		}
	];
}

function service(model: ReportModel, x: ReportText): Block[] {
	const s = model.service;
	if (!s.rows.length) return [{ kind: 'p', text: x.t('no_calls') }];
	return [
		{ kind: 'chart', chart: 'categories', title: x.t('chart_categories') },
		{
			kind: 'table',
			head: [x.t('category'), x.t('points'), x.t('score'), x.t('calls')],
			widths: [3, 2, 1, 1],
			rows: [
				...s.rows.map((r) => [
					x.label(r.title),
					`${x.count(r.earned)} / ${x.count(r.possible)}`,
					x.pct(r.score),
					x.count(r.calls)
				]),
				[x.t('total'), '', x.pct(s.score), '']
			]
		}
	];
}

function audit(model: ReportModel, x: ReportText): Block[] {
	const a = model.audit;
	const codes = ['COM', 'MAJ', 'MIN', 'OBS', 'na'] as const;
	return [
		{
			kind: 'table',
			head: [x.t('result'), '', '#'],
			widths: [1, 3, 1],
			rows: codes.map((c) => [
				c === 'na' ? 'N/A' : c,
				x.t(`code_${c.toLowerCase()}`),
				x.count(a.counts[c])
			])
		},
		{ kind: 'p', text: x.t('conformance', { rate: x.pct(a.conformance) }) },
		a.exceptions.length
			? {
					kind: 'table',
					head: [x.t('item'), x.t('result'), x.t('clause'), x.t('note')],
					widths: [4, 0.9, 2, 3],
					rows: a.exceptions.map((e) => [
						`${e.ref} ${x.label(e.title)}`,
						e.result,
						e.clauses.join(', '),
						e.note ?? ''
					])
				}
			: { kind: 'p', text: x.t('no_exceptions') }
	];
}

function findings(model: ReportModel, x: ReportText): Block[] {
	if (!model.findings.length) return [{ kind: 'p', text: x.t('none') }];
	return [
		{
			kind: 'table',
			dense: true,
			head: [
				x.t('finding'),
				x.t('condition'),
				x.t('criteria'),
				x.t('cause'),
				x.t('effect'),
				x.t('recommendation')
			],
			widths: [2.6, 1.6, 1.6, 1.6, 1.6, 2],
			rows: model.findings.map((f) => [
				[
					`${f.id} · ${x.t(SEVERITY_KEY[f.severity])}`,
					f.title,
					f.clauses.join(', '),
					`${x.t('occurrences')}: ${x.count(f.occurrences)}`,
					`${x.t('due')}: ${f.dueOn}${f.overdue ? ` (${x.t('overdue')})` : ''}`,
					`${x.t('status')}: ${x.t(`fs_${f.status}`)}`
				].join('\n'),
				f.condition,
				f.criteria,
				f.cause,
				f.effect,
				f.managementResponse
					? `${f.recommendation}\n${x.t('response')}: ${f.managementResponse}`
					: f.recommendation
			])
		}
	];
}

function remediation(model: ReportModel, x: ReportText): Block[] {
	const r = model.remediation;
	if (!r.actions.length) return [{ kind: 'p', text: x.t('none') }];
	return [
		{ kind: 'p', text: x.t('overdue_count', { count: r.overdue }), strong: r.overdue > 0 },
		{
			kind: 'table',
			dense: true,
			head: [
				x.t('id'),
				x.t('action'),
				x.t('owner'),
				x.t('due'),
				x.t('status'),
				x.t('evidence_needed'),
				x.t('retest')
			],
			widths: [1.2, 4, 1.6, 1.4, 1.6, 2.4, 1.4],
			rows: r.actions.map((a) => [
				`${a.id}\n${a.findingId}`,
				a.action,
				a.owner,
				a.dueOn,
				a.overdue
					? `${x.t(`as_${a.status}`)}\n${x.t('days_overdue', { days: a.daysOverdue })}`
					: x.t(`as_${a.status}`),
				a.evidenceNeeded ?? '',
				a.retestOn ?? ''
			])
		}
	];
}

function callLog(model: ReportModel, x: ReportText): Block[] {
	if (!model.callLog.length) return [{ kind: 'p', text: x.t('no_calls') }];
	return [
		{
			kind: 'table',
			dense: true,
			head: [x.t('call_id'), x.t('site'), x.t('time'), x.t('agent'), x.t('score'), x.t('evidence')],
			widths: [1.3, 2, 1.6, 1.3, 1, 4.2],
			rows: model.callLog.map((c) => [
				c.id,
				c.site,
				`${c.localTime}\n${c.timeZone}`,
				c.agent,
				c.criticalFailed ? `${x.pct(c.score)}\n${x.t('critical')}` : x.pct(c.score),
				c.evidenceHashes.join('\n')
			])
		}
	];
}

function ratings(model: ReportModel, x: ReportText): Block[] {
	const bound = (unit: 'fraction' | 'count', v: number) =>
		unit === 'fraction' ? x.pct(v) : x.count(v);
	return [
		{ kind: 'p', text: x.t('ratings_intro') },
		{
			kind: 'table',
			head: [
				x.t('measure'),
				x.t('rating_high'),
				x.t('rating_reasonable'),
				x.t('rating_limited'),
				x.t('rating_very_limited')
			],
			widths: [3, 1.4, 1.4, 1.4, 1.4],
			rows: model.ratingRules.map((r) => {
				const cmp = r.higher ? 'at_least' : 'at_most';
				return [
					x.t(`m_${r.measure}`),
					...r.bounds.map((b) => x.t(cmp, { value: bound(r.unit, b) })),
					x.t('otherwise')
				];
			})
		},
		{
			kind: 'table',
			head: [x.t('measure'), x.t('value'), x.t('grade')],
			widths: [3, 1.5, 2],
			rows: model.summary.assessment.measures.map((m) => {
				const rule = model.ratingRules.find((r) => r.measure === m.measure)!;
				return [
					x.t(`m_${m.measure}`),
					m.value === null ? x.t('no_data') : bound(rule.unit, m.value),
					m.grade ? x.t(`rating_${m.grade}`) : x.t('no_data')
				];
			})
		}
	];
}

function signOff(model: ReportModel, x: ReportText): Block[] {
	return [
		{
			kind: 'table',
			head: [x.t('role'), x.t('name'), x.t('signature'), x.t('date')],
			widths: [2, 2, 3, 1.5],
			rows: model.signOff.map((s) => [x.t(`so_${s.role}`), s.name ?? '', '\n\n', ''])
		}
	];
}

const SECTIONS: [string, (model: ReportModel, x: ReportText) => Block[]][] = [
	['summary', summary],
	['trend', trend],
	['method', method],
	['privacy', privacy],
	['service', service],
	['audit', audit],
	['findings', findings],
	['remediation', remediation],
	['calls', callLog],
	['ratings', ratings],
	['signoff', signOff]
];

/** The body sections after the cover and the table of contents. */
export function reportSections(model: ReportModel, x: ReportText): Section[] {
	return SECTIONS.map(([id, build]) => ({ id, title: x.t(`s_${id}`), blocks: build(model, x) }));
}
