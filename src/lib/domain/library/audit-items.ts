/**
 * The 28 controls of the outsourcer / vendor data-protection audit (reference table (b)), with the
 * evidence to examine as help text, clause tags as the catalogue spells them and severities.
 * "Contract" in the reference's P40 row is not a clause, so it stays in the help text only.
 */
import { row, t } from './build';

export const AUDIT_PREFIX = 'va';

export const auditRows = [
	row(
		1,
		t(
			'Signed entrustment agreement / data processing agreement (DPA) covering purpose, period, method, PI types, measures, rights and duties',
			'已签署委托处理协议/数据处理协议（DPA），涵盖目的、期限、方式、个人信息种类、保护措施以及双方权利义务'
		),
		['P21', 'G28(3)', 'GB 9.1', 'A 5.20', '27701 7.2.6', '27701 A.1.2.7', 'PCI 12.8.2'],
		'C',
		t('Evidence: the signed agreement and its annexes.', '证据：已签署的协议及其附件。')
	),
	row(
		2,
		t(
			'Processing only on instructions; no own use of client lists or recordings',
			'仅按指示处理；不自行使用委托方的客户名单或录音'
		),
		['P21', 'G28(3)(a)', 'G29'],
		'C',
		t(
			'Evidence: written instructions; interviews; sample of campaign lists and recording exports.',
			'证据：书面指示；访谈；抽查外呼名单和录音导出记录。'
		)
	),
	row(
		3,
		t(
			'Sub-processors only with consent; register kept; obligations flowed down',
			'仅经同意方可转委托；保存转委托方登记册；义务逐级传递'
		),
		['P21', 'G28(2)', 'G28(4)', '27701 8.5.7'],
		'C',
		t(
			'Evidence: sub-processor register, client approvals, sub-processor contracts.',
			'证据：转委托方登记册、委托方批准记录、转委托合同。'
		)
	),
	row(
		4,
		t('Return or deletion at exit, with a certificate', '合作终止时返还或删除数据，并出具证明'),
		['P21', 'G28(3)(g)'],
		'M',
		t(
			'Evidence: exit procedure and a deletion certificate from a past engagement.',
			'证据：退出流程及以往项目的删除证明。'
		)
	),
	row(
		5,
		t(
			'Client impact assessment on the entrustment (kept ≥3 years); vendor input',
			'委托方就委托处理开展影响评估（保存至少3年）；供应商提供配合'
		),
		['P55(3)', 'P56', 'G35', 'G28(3)(f)'],
		'M',
		t(
			'Evidence: the impact assessment, its date and the vendor’s contribution.',
			'证据：影响评估报告、日期及供应商提供的材料。'
		)
	),
	row(
		6,
		t(
			'Audit/inspection right used; previous findings closed',
			'审计/检查权得到行使；以往发现的问题已关闭'
		),
		['P21', 'G28(3)(h)', 'A 5.22', 'PCI 12.8.4'],
		'M',
		t(
			'Evidence: last audit report and closure evidence for each finding.',
			'证据：上次审计报告及每项问题的关闭证据。'
		)
	),
	row(
		7,
		t('Client supported in its P54 audits', '配合委托方开展PIPL第54条合规审计'),
		['P54', 'Measures'],
		'M',
		t(
			'Evidence: audit support clause; records of information provided for the client’s audit.',
			'证据：审计配合条款；为委托方审计提供资料的记录。'
		)
	),
	row(
		8,
		t('Agent confidentiality undertakings', '坐席签署保密承诺'),
		['G28(3)(b)', 'A 6.6'],
		'M',
		t('Evidence: signed undertakings for a sample of agents.', '证据：抽查坐席已签署的保密承诺。')
	),
	row(
		9,
		t('Screening on hire', '入职背景审查'),
		['A 6.1'],
		'm',
		t(
			'Evidence: screening procedure and records for recent hires.',
			'证据：审查流程及近期入职人员的记录。'
		)
	),
	row(
		10,
		t(
			'Privacy and social-engineering training, annual, with records',
			'每年开展隐私保护和社会工程防范培训，并留存记录'
		),
		['P51(4)', 'PCI 12.6.3.1', 'A 6.3'],
		'M',
		t(
			'Evidence: training material covering pretexting; attendance records for the past year.',
			'证据：涵盖冒充诈骗的培训材料；过去一年的培训记录。'
		)
	),
	row(
		11,
		t(
			'Least-privilege access; joiners/movers/leavers; periodic access reviews',
			'最小权限访问；入职、调岗、离职权限管理；定期权限复核'
		),
		['P51(4)', 'G32', 'A 5.15', 'A 5.18', 'PCI 7'],
		'C',
		t(
			'Evidence: role matrix, last access review, accounts of recent leavers disabled.',
			'证据：角色权限矩阵、最近一次权限复核、近期离职人员账号已停用。'
		)
	),
	row(
		12,
		t('Masking on agent screens', '坐席屏幕上的信息去标识化（掩码）显示'),
		['GB 7.2', 'PCI 3.4.1', 'A 8.11'],
		'M',
		t(
			'Evidence: observe agent screens; at most BIN + last 4 of a card number shown.',
			'证据：现场观察坐席屏幕；卡号最多显示前六位和后四位。'
		)
	),
	row(
		13,
		t(
			'Recordings encrypted; access logged and approved; retention enforced',
			'录音加密存储；访问经审批并留痕；执行保存期限'
		),
		['P19', 'P51(3)', 'G5(1)(e)', 'G32', 'A 8.15'],
		'C',
		t(
			'Evidence: storage configuration, access approvals, oldest recording on file.',
			'证据：存储配置、访问审批记录、现存最早的录音。'
		)
	),
	row(
		14,
		t(
			'No SAD in recordings, tickets or screenshots (sample test); DTMF masking or pause-resume',
			'录音、工单和截图中无敏感认证数据（抽样测试）；采用DTMF掩码或暂停-恢复录音'
		),
		['PCI 3.3.1', 'PCI 3.3.1.2', 'PCI TEL'],
		'C',
		t(
			'Evidence: listen to a sample of payment calls; search tickets for card verification codes.',
			'证据：抽听支付通话录音；在工单中检索卡验证码。'
		)
	),
	row(
		15,
		t(
			'Clean desk: no phones or paper on the floor; cross-cut shredding',
			'清洁桌面：工作区内无手机和纸张；使用交叉切碎纸机'
		),
		['A 7.7', 'PCI 9.4.1', 'PCI 9.4.6'],
		'M',
		t('Evidence: site walk of the production floor.', '证据：现场巡查作业区。')
	),
	row(
		16,
		t('Screen lock', '屏幕锁定'),
		['A 7.7'],
		'm',
		t('Evidence: site walk; lock policy setting.', '证据：现场巡查；锁屏策略设置。')
	),
	row(
		17,
		t('USB, print and copy-paste controls; DLP', 'USB、打印和复制粘贴管控；数据防泄漏（DLP）'),
		['A 7.10', 'A 8.12', 'PCI 3.4.2'],
		'M',
		t(
			'Evidence: endpoint policy; try a USB stick and a copy of a card number on a test desktop.',
			'证据：终端策略；在测试桌面上尝试插入U盘和复制卡号。'
		)
	),
	row(
		18,
		t('Controls for work-from-home agents', '居家办公坐席的管控措施'),
		['A 6.7'],
		'M',
		t(
			'Evidence: remote-work policy, VPN and device controls, home-working checklist.',
			'证据：远程办公制度、VPN和设备管控、居家办公检查表。'
		)
	),
	row(
		19,
		t(
			'Incident plan; notify client without undue delay; drills held',
			'事件应急预案；无不当延迟地通知委托方；开展演练'
		),
		['P57', 'P59', 'G33(2)', 'A 5.24', 'A 5.25', 'A 5.26', 'PCI 12.10'],
		'C',
		t(
			'Evidence: incident plan with client notification step; last drill report.',
			'证据：含通知委托方步骤的应急预案；最近一次演练报告。'
		)
	),
	row(
		20,
		t('Logging and monitoring of record access', '记录访问的日志与监控'),
		['A 8.15', 'A 8.16', 'PCI 10'],
		'M',
		t('Evidence: access logs and alert rules.', '证据：访问日志和告警规则。')
	),
	row(
		21,
		t('Records of processing', '处理活动记录'),
		['G30(2)', 'GB 11.3'],
		'M',
		t('Evidence: the processor’s record of processing activities.', '证据：受托方的处理活动记录。')
	),
	row(
		22,
		t(
			'Cross-border transfer mechanism; client handles separate consent',
			'跨境传输机制；由委托方负责取得单独同意'
		),
		['P38', 'P39', 'G44', 'G45', 'G46'],
		'C',
		t(
			'Evidence: transfer mechanism (CAC assessment, certification or standard contract); data-flow map.',
			'证据：跨境传输机制（安全评估、认证或标准合同）；数据流图。'
		)
	),
	row(
		23,
		t('Hosting and backup locations as contracted', '托管和备份地点与合同约定一致'),
		['P40'],
		'M',
		t(
			'Evidence: hosting contract and backup configuration against the agreed locations (P40 applies when its threshold is met).',
			'证据：托管合同和备份配置与约定地点的对照（达到门槛时适用第40条）。'
		)
	),
	row(
		24,
		t(
			'Retention schedule for recordings and QA sheets (CNIL benchmark: 6 months / 1 year)',
			'录音和质检表的保存期限表（CNIL参考：6个月/1年）'
		),
		['P19', 'G5(1)(e)'],
		'M',
		t('Evidence: retention schedule and deletion job logs.', '证据：保存期限表和删除任务日志。')
	),
	row(
		25,
		t(
			'Rights-request assistance procedure with an SLA',
			'协助处理个人权利请求的流程及服务水平约定（SLA）'
		),
		['P59', 'G28(3)(e)'],
		'M',
		t(
			'Evidence: procedure, SLA and a sample of handled requests.',
			'证据：流程、SLA及已处理请求的抽样。'
		)
	),
	row(
		26,
		t('Segregation between multiple clients’ data', '不同委托方数据之间的隔离'),
		['P21', 'A 8.22'],
		'M',
		t(
			'Evidence: separate tenants, queues and shares per client; try cross-client access with a test account.',
			'证据：各委托方独立的租户、队列和共享目录；用测试账号尝试跨委托方访问。'
		)
	),
	row(
		27,
		t(
			'Certificates and attestations (ISO 27001/27701 scope covers the site; PCI Attestation of Compliance, AOC)',
			'证书与证明（ISO 27001/27701认证范围覆盖该场所；PCI合规证明AOC）'
		),
		['A 5.19', 'PCI 12.8.4', 'PCI 12.9.2'],
		'm',
		t(
			'Evidence: certificates, their scope statements and dates.',
			'证据：证书、认证范围声明及有效期。'
		)
	),
	row(
		28,
		t(
			'Agent monitoring and QA recording checked against the PI policy, disclosed to agents, and proportionate',
			'坐席监控和质检录音符合个人信息政策、已告知坐席且适度'
		),
		['P13', 'G88', 'WP29 2/2017', 'CNIL'],
		'm',
		t(
			'Evidence: monitoring policy, agent notice, proportionality assessment.',
			'证据：监控制度、对坐席的告知、适度性评估。'
		)
	)
];
