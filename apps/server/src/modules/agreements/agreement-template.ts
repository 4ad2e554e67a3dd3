/** The built-in template (code 'gig_work', version 1), inserted on first use when none exists. */
export const DEFAULT_TEMPLATE = {
  code: 'gig_work',
  version: 1,
  title: '零工工作协议',
  body: `零工工作协议

协议编号：{{number}}

甲方（用工方）：{{employerName}}
乙方（劳动者）：{{workerName}}{{workerIdNote}}

甲乙双方经鹿寨县零工市场平台撮合，本着平等自愿、诚实信用的原则，就乙方为甲方提供灵活劳务达成如下协议：

一、工作内容
岗位：{{jobTitle}}（工种：{{occupation}}）。
工作内容及要求：{{description}} {{requirements}}

二、工作时间和地点
工作日期：{{startDate}} 至 {{endDate}}；每日工作时间：{{workHours}}。
工作地点：{{town}}{{address}}。
乙方通过平台定位或扫描甲方二维码签到、签退，考勤记录作为计算工时和报酬的依据。

三、劳动报酬和结算
报酬标准：{{wage}}。结算方式：{{settlement}}。
甲方应在完工确认后按约定足额支付报酬，不得克扣或无故拖欠；平台记录应付金额和支付情况，逾期未付的，乙方可通过平台或县就业服务中心反映诉求。

四、安全与保障
甲方应提供符合国家规定的安全作业条件和必要的劳动防护用品，进行岗前安全告知；涉及高处、用电、机械等作业的，应落实安全措施。乙方应遵守安全操作规程，服从合理的工作安排，身体不适时应及时告知甲方。
发生意外伤害的，甲方应立即救治并依法承担相应责任。

五、变更、取消与违约
任何一方需取消的，应尽早通过平台告知对方并说明原因。乙方无故未到岗、甲方无故取消或拖欠报酬的，平台按诚信规则记录。

六、其他
本协议经双方通过短信验证码确认签署后生效，签署文本由平台以国密SM3摘要固化，可在平台"协议验证"页面凭协议编号和摘要核验。本协议未尽事宜，按国家有关法律法规执行。

甲方：{{employerName}}
乙方：{{workerName}}
生成日期：{{generatedDate}}
`,
};

/** Fill `{{name}}` slots; an unknown slot is left empty. */
export function fillTemplate(body: string, values: Record<string, string>): string {
  return body.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => values[key] ?? '');
}
