/**
 * (e) The vendor data-protection audit: the reference's 28 controls, each answered COM / MAJ / MIN
 * / OBS on a site visit, grouped into the domains the per-vendor report scores.
 */
import { AUDIT_PREFIX, auditRows } from './audit-items';
import { pick, refItem, section, t, type SectionInput, type VendorAuditInput } from './build';

/** One report domain: its section id, title and the reference rows it holds. */
function domain(id: string, title: ReturnType<typeof t>, numbers: number[]): SectionInput {
	return section(
		id,
		title,
		pick(auditRows, numbers).map((r) => refItem(AUDIT_PREFIX, r, 'audit_result'))
	);
}

export const vendorAudit: VendorAuditInput = {
	kind: 'vendor_audit',
	auditMode: 'site_visit',
	title: t('Vendor data-protection audit', '外包供应商数据保护审计'),
	description: t(
		'Site visit of an outsourced contact centre: 28 controls from the entrustment agreement to agent monitoring. Record COM, MAJ, MIN or OBS for each, with the evidence examined in the note.',
		'对外包联络中心的现场审计：从委托处理协议到坐席监控共28项控制。每项记录COM（符合）、MAJ（严重不符合）、MIN（轻微不符合）或OBS（观察项），并在备注中写明所查证据。'
	),
	// An audit report shows the control score per domain even when a critical control fails, so
	// the failure is marked rather than zeroing the score.
	scoring: { criticalMode: 'show_score_mark_failed' },
	checklist: {
		sections: [
			domain('contract', t('Contract and governance', '合同与治理'), [1, 2, 3, 4, 5, 6, 7]),
			domain('people', t('People', '人员'), [8, 9, 10]),
			domain('access', t('Access and data handling', '访问与数据处理'), [11, 12, 13, 14]),
			domain('workplace', t('Workplace', '工作场所'), [15, 16, 17, 18]),
			domain('incidents', t('Incidents and records', '事件与记录'), [19, 20, 21]),
			domain(
				'transfers',
				t('Transfers, retention and rights', '跨境、保存与个人权利'),
				[22, 23, 24, 25, 26]
			),
			domain('assurance', t('Assurance', '保证'), [27, 28])
		]
	}
};
