/**
 * (a) The service-quality monitoring sheet: the classic call-monitoring categories (opening, voice,
 * etiquette, judgement, accuracy, conversation skills, listening, overall impression, script
 * adherence), each a section of concrete, verifiable items, scored on a routine billing call.
 */
import {
	allTimers,
	answered,
	fact,
	item,
	markers,
	section,
	step,
	t,
	tapped,
	type ItemInput,
	type MysteryCallInput
} from './build';

const scale = (id: string, label: ReturnType<typeof t>): ItemInput =>
	item(id, 'scale', label, { min: 1, max: 5 });
const yesNo = (id: string, label: ReturnType<typeof t>, extra: Record<string, unknown> = {}) =>
	item(id, 'yes_no_na', label, extra);
const options = (...rows: [string, ReturnType<typeof t>, number][]) =>
	rows.map(([id, label, points]) => ({ id, label, points }));

export const serviceQuality: MysteryCallInput = {
	kind: 'mystery_call',
	title: t('Service-quality monitoring sheet', '服务质量监控表'),
	description: t(
		'A routine billing question scored on the nine monitoring categories. Praise strengths before faults and raise only a few issues at a time. A forbidden phrase marks the call failed but keeps its score visible for coaching.',
		'以一通常规账单咨询按九个监控类别评分。反馈时先肯定优点再指出不足，每次只提少数几个问题。使用禁语将判定通话不合格，但保留分数供辅导使用。'
	),
	persona: {
		name: t('Sun Yue (test customer)', '孙悦（测试客户）'),
		pretext: t(
			'An existing customer puzzled by a 15.00 service fee on last month’s bill, who also wants to move the billing date.',
			'一位老客户，对上月账单中15.00元的服务费不解，同时想变更账单日。'
		),
		facts: [
			fact('customer_no', t('Customer number', '客户编号'), 'CC-0000-0007'),
			fact('fee', t('Charge in question', '有疑问的费用'), t('Service fee 15.00', '服务费15.00元')),
			fact('billing_date', t('Billing date wanted', '希望的账单日'), t('The 15th', '每月15日'))
		],
		synthetic: true
	},
	markers: [markers.greeting, markers.holdStart, markers.holdEnd, markers.transfer],
	timers: allTimers,
	// A forbidden phrase fails the call, but coaching needs the rest of the score, so it stays shown.
	scoring: { criticalMode: 'show_score_mark_failed' },
	script: {
		steps: [
			step('dial', t('Call the line', '拨打热线'), {
				listenFor: t(
					'Rings or seconds to answer; a standard greeting with the company’s and the agent’s names.',
					'接听的响铃次数或秒数；包含公司名称和坐席姓名的标准问候语。'
				),
				markers: ['greeting']
			}),
			step('need', t('State the need vaguely', '含糊地说明需求'), {
				say: t(
					'Hi, there’s something on my bill I don’t understand.',
					'您好，我的账单上有一项我看不懂。'
				),
				listenFor: t(
					'Does the agent ask the right clarifying question (which bill, which charge)? Answer that item now: it decides the next step.',
					'坐席是否提出恰当的澄清问题（哪期账单、哪项费用）？请现在回答该项，它决定下一步。'
				),
				branches: [{ when: answered('sq_clarify', 'yes'), goto: 'detail' }],
				next: 'volunteer'
			}),
			step('detail', t('Answer the question', '回答提问'), {
				say: t(
					'It’s the 15.00 service fee on last month’s bill.',
					'是上个月账单里那笔15.00元的服务费。'
				),
				listenFor: t(
					'The agent lets you finish, acknowledges and restates the need.',
					'坐席让您把话说完，表示理解并复述需求。'
				),
				next: 'answer'
			}),
			step('volunteer', t('Volunteer the detail', '主动补充细节'), {
				say: t(
					'Sorry, I mean the 15.00 service fee on last month’s bill.',
					'不好意思，我说的是上个月账单里那笔15.00元的服务费。'
				),
				listenFor: t(
					'Whether the agent now understands the need; any sign of impatience.',
					'坐席此时是否理解了需求；是否有不耐烦的表现。'
				)
			}),
			step('answer', t('Hear the explanation', '听取解释'), {
				listenFor: t(
					'The explanation matches the client’s knowledge base; if the agent must check, a polite hold request and thanks on return.',
					'解释与委托方知识库一致；如需查询，礼貌地请您稍候并在回来后致谢。'
				),
				markers: ['hold_start', 'hold_end', 'transfer']
			}),
			step('second', t('Second request', '第二个请求'), {
				say: t('Can I also move my billing date to the 15th?', '我能把账单日改到每月15日吗？'),
				listenFor: t(
					'The correct procedure; the agent guides the call and confirms what will happen.',
					'办理流程正确；坐席主导通话并确认后续安排。'
				)
			}),
			step('close', t('Close', '结束通话'), {
				say: t('OK, so what happens now?', '好的，那接下来怎么样？'),
				listenFor: t(
					'A summary and next steps; a polite close. Would you call this line again?',
					'总结并说明后续步骤；礼貌结束通话。您还愿意再打这条热线吗？'
				),
				end: true
			})
		]
	},
	checklist: {
		sections: [
			section(
				'opening',
				t('Opening', '开场白'),
				[
					item(
						'sq_answer_time',
						'duration',
						t('Answered within 20 seconds (full marks within 10)', '20秒内接听（10秒内满分）'),
						{
							fromTimer: 'time_to_answer',
							bands: [{ max: 10, points: 2 }, { max: 20, points: 1 }, { points: 0 }]
						}
					),
					yesNo(
						'sq_greeting',
						t(
							'Standard greeting with the company’s and the agent’s names',
							'使用包含公司名称和坐席姓名的标准问候语'
						)
					),
					yesNo('sq_notice', t('Recording notice given at the start', '开场时告知录音'), {
						clauses: ['P17', 'G13', 'CNIL']
					})
				],
				{ category: 'opening' }
			),
			section(
				'voice',
				t('Voice', '声音表现'),
				[
					scale('sq_clear', t('Clear and easy to understand', '吐字清晰、易于理解')),
					scale('sq_pace', t('Moderate pace', '语速适中')),
					scale('sq_warmth', t('Warm, friendly tone', '语气亲切友好'))
				],
				{ category: 'voice' }
			),
			section(
				'etiquette',
				t('Etiquette', '礼仪'),
				[
					yesNo(
						'sq_address',
						t(
							'Correct forms of address (您, title and surname)',
							'称呼得体（使用“您”、称谓和姓氏）'
						)
					),
					yesNo(
						'sq_forbidden',
						t(
							'Used a forbidden phrase (e.g. “喂，说话呀”, “that’s not my job”)',
							'使用禁语（如“喂，说话呀”“这不归我管”）'
						),
						{
							passAnswer: 'no',
							severity: 'C',
							weight: 2,
							allowNa: false
						}
					),
					yesNo(
						'sq_hold_manner',
						t(
							'Asked before a hold or transfer and thanked on return',
							'等待或转接前征询意见，回来后致谢'
						),
						{
							visibleWhen: tapped('hold_start')
						}
					),
					item(
						'sq_hold_time',
						'marker_derived',
						t('Hold kept under one minute', '等待时间不超过1分钟'),
						{
							rule: { kind: 'timer_max', timer: 'hold', maxSeconds: 60 }
						}
					)
				],
				{ category: 'etiquette' }
			),
			section(
				'judgement',
				t('Judgement', '头脑'),
				[
					yesNo('sq_clarify', t('Asked the right clarifying question', '提出了恰当的澄清问题'), {
						allowNa: false
					}),
					item('sq_need', 'single_choice', t('Understood the real need', '理解客户的真实需求'), {
						options: options(
							['quickly', t('Quickly', '迅速理解'), 2],
							['slowly', t('After some back-and-forth', '经过反复沟通后理解'), 1],
							['not', t('Not at all', '未能理解'), 0]
						)
					})
				],
				{ category: 'judgement' }
			),
			section(
				'accuracy',
				t('Accuracy', '正确性'),
				[
					item(
						'sq_correct',
						'single_choice',
						t('Information given about the fee', '关于费用的解释'),
						{
							weight: 2,
							options: options(
								['complete', t('Correct and complete', '正确且完整'), 2],
								['partial', t('Correct but incomplete', '正确但不完整'), 1],
								['wrong', t('Wrong', '错误'), 0]
							)
						}
					),
					yesNo(
						'sq_procedure',
						t('Correct procedure for the billing-date change', '账单日变更流程正确')
					)
				],
				{ category: 'accuracy', weight: 2 }
			),
			section(
				'conversation',
				t('Conversation skills', '对话技巧'),
				[
					scale('sq_guided', t('Guided the call', '主导通话')),
					yesNo(
						'sq_summary',
						t('Summarised and confirmed the next steps', '进行总结并确认后续步骤')
					)
				],
				{ category: 'conversation_skills' }
			),
			section(
				'listening',
				t('Listening', '倾听技巧'),
				[
					yesNo('sq_no_interrupt', t('Did not interrupt', '没有打断客户')),
					yesNo('sq_acknowledge', t('Acknowledged and paraphrased the need', '表示理解并复述需求'))
				],
				{ category: 'listening' }
			),
			section(
				'overall',
				t('Overall impression', '总体印象'),
				[
					scale('sq_again', t('Would call this line again', '愿意再次拨打该热线')),
					yesNo('sq_fcr', t('Resolved on first contact', '首次来电即解决')),
					yesNo(
						'sq_extra',
						t(
							'Went beyond the script to prevent a follow-up call (e.g. offered e-statements to avoid the fee)',
							'超出脚本主动避免再次来电（如建议改用电子账单以免收费）'
						),
						{
							bonus: true,
							required: false
						}
					),
					item('sq_talk_time', 'duration', t('Talk time', '通话时长'), {
						fromTimer: 'talk',
						required: false
					}),
					item('sq_strengths', 'text', t('Strengths to praise first', '需优先肯定的优点'), {
						multiline: true,
						required: false
					}),
					item(
						'sq_issues',
						'text',
						t('The few issues to raise this time', '本次需指出的少数问题'),
						{ multiline: true, required: false }
					)
				],
				{ category: 'overall_impression' }
			),
			section(
				'script',
				t('Script adherence', '业务模式'),
				[
					item(
						'sq_script',
						'single_choice',
						t('Followed the designed script / business model', '遵循设计的脚本/业务模式'),
						{
							options: options(
								['fully', t('Fully', '完全遵循'), 2],
								['mostly', t('Mostly', '基本遵循'), 1],
								['not', t('Not followed', '未遵循'), 0]
							)
						}
					)
				],
				{ category: 'script_adherence', weight: 2 }
			)
		]
	}
};
