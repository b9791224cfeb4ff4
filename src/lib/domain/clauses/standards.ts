import type { ClauseRow } from './types';

const V = true;

/** PCI DSS, ISO/IEC 27001 and 27701, FCC CPNI, NIST and HMRC. */
export const standardsClauses: readonly ClauseRow[] = [
	['pci', 'PCI 3.2.1', 'Account data storage kept to a minimum', '账户数据存储最小化', V],
	['pci', 'PCI 3.3.1', 'No SAD after authorisation', '授权后不保留敏感鉴别数据'],
	['pci', 'PCI 3.3.1.2', 'No card verification code after authorisation', '授权后不保留卡验证码'],
	['pci', 'PCI 3.4.1', 'PAN display limited to BIN + last 4', '主账号显示最多为BIN和后四位'],
	['pci', 'PCI 3.4.2', 'No PAN copying over remote access', '远程访问时禁止复制主账号'],
	[
		'pci',
		'PCI 4.2.2',
		'PAN secured in end-user messaging',
		'通过终端用户消息发送主账号时加以保护',
		V
	],
	['pci', 'PCI 7', 'Access restricted by need to know', '按业务需要限制访问', V],
	['pci', 'PCI 9.4.1', 'Media with cardholder data secured', '含持卡人数据的介质受到保护'],
	['pci', 'PCI 9.4.6', 'Hard copy destroyed when no longer needed', '不再需要时销毁纸质材料'],
	['pci', 'PCI 10', 'Logging and monitoring of access', '记录和监控访问', V],
	[
		'pci',
		'PCI 12.6.3.1',
		'Training covers phishing and social engineering',
		'培训涵盖网络钓鱼和社会工程'
	],
	['pci', 'PCI 12.8.1', 'TPSP inventory', '第三方服务提供商清单'],
	['pci', 'PCI 12.8.2', 'Written acknowledgements from TPSPs', '第三方服务提供商书面确认'],
	['pci', 'PCI 12.8.4', 'Yearly TPSP compliance status check', '每年检查第三方服务提供商合规状态'],
	['pci', 'PCI 12.9.1', 'TPSP acknowledges its responsibilities', '第三方服务提供商确认其责任'],
	[
		'pci',
		'PCI 12.9.2',
		'TPSP supports customer information requests',
		'第三方服务提供商支持客户信息请求'
	],
	['pci', 'PCI 12.10', 'Incident response plan', '事件响应计划', V],
	['pci', 'PCI TEL', 'Protecting Telephone-Based Payment Card Data', '保护基于电话的支付卡数据'],
	['iso27001', 'A 5.14', 'Information transfer', '信息传输', V],
	['iso27001', 'A 5.15', 'Access control', '访问控制', V],
	['iso27001', 'A 5.17', 'Authentication information', '鉴别信息', V],
	['iso27001', 'A 5.18', 'Access rights', '访问权限', V],
	['iso27001', 'A 5.19', 'Supplier relationships', '供应商关系中的信息安全'],
	['iso27001', 'A 5.20', 'Security in supplier agreements', '在供应商协议中处理信息安全'],
	['iso27001', 'A 5.21', 'ICT supply chain', 'ICT供应链中的信息安全管理'],
	[
		'iso27001',
		'A 5.22',
		'Monitoring and change of supplier services',
		'供应商服务的监视、评审和变更管理'
	],
	['iso27001', 'A 5.24', 'Incident management planning', '信息安全事件管理的策划和准备', V],
	['iso27001', 'A 5.25', 'Assessment of security events', '信息安全事态的评估和决策', V],
	['iso27001', 'A 5.26', 'Response to security incidents', '信息安全事件的响应', V],
	['iso27001', 'A 5.34', 'Privacy and protection of PII', '隐私和个人可识别信息保护', V],
	['iso27001', 'A 6.1', 'Screening', '背景调查', V],
	['iso27001', 'A 6.3', 'Awareness, education and training', '信息安全意识、教育和培训', V],
	['iso27001', 'A 6.6', 'Confidentiality agreements', '保密或不泄露协议', V],
	['iso27001', 'A 6.7', 'Remote working', '远程工作', V],
	['iso27001', 'A 6.8', 'Security event reporting', '信息安全事态报告', V],
	['iso27001', 'A 7.7', 'Clear desk and clear screen', '桌面清理和屏幕清理'],
	['iso27001', 'A 7.10', 'Storage media', '存储介质', V],
	['iso27001', 'A 8.11', 'Data masking', '数据脱敏', V],
	['iso27001', 'A 8.12', 'Data leakage prevention', '数据防泄露', V],
	['iso27001', 'A 8.15', 'Logging', '日志', V],
	['iso27001', 'A 8.16', 'Monitoring activities', '监视活动', V],
	['iso27001', 'A 8.22', 'Segregation (of networks and clients)', '隔离（网络与客户）', V],
	[
		'iso27701',
		'27701 7.2.6',
		'Contracts with PII processors (2019)',
		'与PII处理者的合同（2019版）'
	],
	['iso27701', '27701 8.5.7', 'Sub-contractor engagement (2019)', '聘用分包商处理PII（2019版）'],
	['iso27701', '27701 A.1.2.7', 'Contracts with processors (2025)', '与处理者的合同（2025版）'],
	['iso27701', '27701 A.2.2.2', 'Customer agreement (2025)', '客户协议（2025版）'],
	['cpni', 'CPNI', 'Safeguards on disclosure of CPNI', '客户专有网络信息披露保护'],
	['cpni', 'CPNI(a)', 'Reasonable measures against pretexting', '采取合理措施防范假冒'],
	[
		'cpni',
		'CPNI(b)',
		'Call detail by phone only after an unprompted password',
		'仅凭非提示式密码电话提供通话详情'
	],
	['nist', '800-63A', 'Knowledge-based verification limits', '基于知识的验证的限制'],
	[
		'nist',
		'800-115',
		'Social engineering under rules of engagement',
		'在书面交战规则下进行社会工程测试'
	],
	[
		'hmrc',
		'HMRC',
		'If in doubt, do not disclose; escalate bogus callers',
		'如有疑问不予披露；上报冒充来电'
	]
];
