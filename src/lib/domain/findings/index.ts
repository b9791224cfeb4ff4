/**
 * Findings from an approved call: every scored item that missed full points (and every vendor-audit
 * item answered MAJ, MIN or OBS) becomes a draft finding with its severity, clauses and the five
 * audit-report fields (condition, criteria, cause, effect, recommendation) in both languages where
 * the scenario has them. Pure: approve_call() files the drafts, aggregating repeats per site and item.
 */
import { findClause } from '../clauses';
import type { ScoreResult } from '../scoring';
import type { ScenarioContent } from '../../schemas/scenario';
import type { Bilingual, Severity } from '../../schemas/scenario-base';
import type { ChecklistItem } from '../../schemas/scenario-checklist';

/** Text in English and Simplified Chinese (either may be empty when the scenario lacks it). */
export interface Text2 {
	en: string;
	'zh-CN': string;
}

export interface FindingDraft {
	itemId: string;
	source: 'call' | 'vendor_audit';
	auditResult?: 'MAJ' | 'MIN' | 'OBS';
	severity: Severity;
	clauses: string[];
	condition: Text2;
	criteria: Text2;
	cause: Text2;
	effect: Text2;
	recommendation: Text2;
}

/** Default remediation days by severity; an organisation may override them (review_settings). */
export const DEFAULT_DUE_DAYS: Record<Severity, number> = { C: 30, M: 90, m: 180 };

/** MAJ is a major nonconformity, MIN a minor one, OBS an observation (lowest severity). */
const AUDIT_SEVERITY: Record<'MAJ' | 'MIN' | 'OBS', Severity> = { MAJ: 'M', MIN: 'm', OBS: 'm' };

const EFFECT: Record<Severity, Text2> = {
	C: {
		en: 'Critical: customers or their personal information are exposed to immediate risk; the call failed.',
		'zh-CN': '严重：客户或其个人信息面临直接风险；该通电话不合格。'
	},
	M: {
		en: 'Major: the standard is not met and the risk to customers or compliance is material.',
		'zh-CN': '主要：未达到标准，对客户或合规造成实质性风险。'
	},
	m: {
		en: 'Minor: the standard is partly met; service quality or consistency suffers.',
		'zh-CN': '次要：部分达到标准；服务质量或一致性受到影响。'
	}
};

const CAUSE: Text2 = {
	en: 'To be established by the vendor (training, script, process or tooling).',
	'zh-CN': '待供应商分析（培训、话术、流程或系统）。'
};

const both = (t: Bilingual | undefined): Text2 => ({
	en: t?.en || t?.['zh-CN'] || '',
	'zh-CN': t?.['zh-CN'] || t?.en || ''
});

function answerText(value: unknown): string {
	if (value === undefined || value === null) return '—';
	return String(value);
}

function criteria(item: ChecklistItem): Text2 {
	const label = both(item.label);
	const refs = item.clauses.map((code) => ({ code, title: findClause(code)?.title }));
	const en = refs.map((r) => (r.title?.en ? `${r.code} (${r.title.en})` : r.code)).join('; ');
	const zh = refs
		.map((r) => (r.title?.['zh-CN'] ? `${r.code}（${r.title['zh-CN']}）` : r.code))
		.join('；');
	return {
		en: `Expected: ${label.en}${en ? `. Standard: ${en}` : ''}`,
		'zh-CN': `要求：${label['zh-CN']}${zh ? `。标准：${zh}` : ''}`
	};
}

function recommendation(item: ChecklistItem, severity: Severity): Text2 {
	const help = item.help ? both(item.help) : null;
	const label = both(item.label);
	const when = { C: ['immediately', '立即'], M: ['promptly', '尽快'], m: ['', ''] }[severity];
	return {
		en:
			help?.en ||
			`Restore the practice ${when[0]}: ${label.en}; coach the team and re-check.`.replace(
				'  ',
				' '
			),
		'zh-CN': help?.['zh-CN'] || `${when[1]}恢复该做法：${label['zh-CN']}；辅导团队并复查。`
	};
}

/** Every item of `content` by id, with its section's category. */
function itemsOf(content: ScenarioContent): Map<string, ChecklistItem> {
	const out = new Map<string, ChecklistItem>();
	for (const section of content.checklist.sections) for (const i of section.items) out.set(i.id, i);
	return out;
}

/**
 * The findings of one approved call: for mystery calls each scored item with `passed === false`,
 * for vendor audits each audit item answered MAJ / MIN / OBS (other scored misses too). Severity is
 * the item's own (default M; a critical item is C); for audit results it follows the result code
 * unless the item's own severity is C.
 */
export function generateFindings(content: ScenarioContent, score: ScoreResult): FindingDraft[] {
	const items = itemsOf(content);
	const drafts: FindingDraft[] = [];
	for (const s of score.items) {
		const item = items.get(s.id);
		if (!item || s.status !== 'scored') continue;
		const code = item.type === 'audit_result' ? (s.value as string) : undefined;
		const auditResult = code === 'MAJ' || code === 'MIN' || code === 'OBS' ? code : undefined;
		if (item.type === 'audit_result' ? !auditResult : s.passed !== false) continue;
		const own: Severity = s.critical ? 'C' : (item.severity ?? 'M');
		const severity = auditResult && own !== 'C' ? AUDIT_SEVERITY[auditResult] : own;
		const label = both(item.label);
		const answer = answerText(s.value);
		drafts.push({
			itemId: item.id,
			source: content.kind === 'vendor_audit' ? 'vendor_audit' : 'call',
			...(auditResult ? { auditResult } : {}),
			severity,
			clauses: [...item.clauses],
			condition: {
				en: `Not met: ${label.en} (recorded: ${answer}).`,
				'zh-CN': `未达到：${label['zh-CN']}（记录：${answer}）。`
			},
			criteria: criteria(item),
			cause: CAUSE,
			effect: EFFECT[severity],
			recommendation: recommendation(item, severity)
		});
	}
	return drafts.sort((a, b) => a.itemId.localeCompare(b.itemId));
}

/** The due date (YYYY-MM-DD) of a finding of `severity` opened on `opened`, given `days` per severity. */
export function dueDate(
	severity: Severity,
	opened: Date,
	days: Record<Severity, number> = DEFAULT_DUE_DAYS
): string {
	const d = new Date(opened.getTime() + days[severity] * 86_400_000);
	return d.toISOString().slice(0, 10);
}
