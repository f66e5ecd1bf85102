import type { Lang } from '../i18n';

/** A userError as the API sends it: the input path at fault, a code and an English message. */
export interface UserErrorLike {
  field?: readonly string[] | null;
  code: string;
  message: string;
}

/**
 * An error path with its list indices apart: the service writes `["input", "tranches[1]", "amount"]`,
 * a client may write `["input", "tranches", "1", "amount"]`; both read `["tranches", "1", "amount"]`.
 */
export function errorPath(field: readonly string[] | null | undefined): string[] {
  return (field ?? [])
    .flatMap((p) => p.split(/[[\]]/).filter((s) => s !== ''))
    .filter((p, i) => !(i === 0 && p === 'input'));
}

// The input fields the console's forms send, in the words of their labels.
const FIELD_ZH: Record<string, string> = {
  id: '记录', version: '版本', name: '名称', creditCode: '统一社会信用代码', registeredOn: '登记日期',
  registrationAuthority: '登记管理机关', legalRepresentative: '法定代表人', contactPerson: '联系人', contactPhone: '联系电话',
  code: '编号', title: '项目名称', purchaserId: '购买方', landingPartyId: '项目落地方', operatorId: '承接主体',
  stationIds: '服务站点', stationId: '站点', startsOn: '起始日期', endsOn: '截止日期', price: '合同金额',
  tranches: '付款安排', dueOn: '应付日期', amount: '金额', condition: '付款条件',
  deliverables: '服务内容', description: '内容', quantity: '数量', unit: '单位', standard: '质量标准', slot: '服务目录栏目',
  documents: '合同文件', takeoverPlan: '临时接管预案', signedOn: '签订日期', endedOn: '结束日期', reason: '结束方式',
  successorId: '续签合同', note: '备注', kind: '类型', periodStart: '期间起', periodEnd: '期间止', body: '报告内容',
  acceptedOn: '验收日期', contractYear: '合同年度', evaluator: '评估方', evaluatedOn: '评估日期', score: '得分', grade: '等级',
  source: '资金来源', entryDate: '日期', fiscalYear: '财政年度', payerLevel: '付款层级', payerDivisionId: '付款区划',
  purpose: '用途', reference: '依据文件', trancheId: '付款节点', workerId: '社工', divisionId: '区划',
  nameZh: '中文名称', nameEn: '英文名称', level: '层级', parentId: '上级区划', communityCount: '社区数', zone: '片区',
  attributesEffectiveOn: '生效日期',
  // designations and host facilities
  awardedOn: '认定日期', servedSince: '服务起始日期',
};

/** A path in words: `["tranches", "1", "amount"]` is 付款安排第2项金额 in Chinese, tranches.1.amount in English. */
export function pathLabel(path: readonly string[], lang: Lang): string {
  if (lang !== 'zh') return path.join('.');
  return path.map((p) => (/^\d+$/.test(p) ? `第${Number(p) + 1}项` : FIELD_ZH[p] ?? p)).join('');
}

type Rule = readonly [RegExp, (m: RegExpMatchArray, field: string) => string];

// The service's English messages the console's forms meet, in Chinese. A message none matches is
// shown as the service wrote it: better English than a wrong translation.
const RULES: readonly Rule[] = [
  [/check character of this unified social credit code should be '(.)', not '(.)'/,
    (m) => `统一社会信用代码的校验码应为“${m[1]}”，而不是“${m[2]}”：有字符录入错误`],
  [/unified social credit code has 18 characters; this one has (\d+)/, (m) => `统一社会信用代码应为18位，此处为${m[1]}位`],
  [/character (\d+) '(.)' cannot appear in a unified social credit code/,
    (m) => `第${m[1]}位“${m[2]}”不能出现在统一社会信用代码中（只用数字及除I、O、S、V、Z外的大写字母）`],
  [/credit code is already registered/, () => '已有使用该统一社会信用代码的承接主体'],
  [/a tranche is due within the term, (\S+) to (\S+); (\S+) is outside it/,
    (m) => `付款日期应在合同期限（${m[1]}至${m[2]}）之内，${m[3]}不在其中`],
  [/the tranches add up to (\S+), more than the price (\S+)/, (m) => `各期付款合计${m[1]}元，超过合同金额${m[2]}元`],
  [/must not be negative/, (_, f) => `${f}不能为负数`],
  [/at most 2 decimals|at most two decimal places/, (_, f) => `${f}最多两位小数（到分）`],
  [/an amount is at most (\S+)/, (m) => `金额不能超过${m[1]}元`],
  [/, e\.g\. ([^;]+); '.*' is not one/, (m, f) => `${f}应为数字，如 ${m[1]}`],
  [/an amount is yuan as/, (_, f) => `${f}应为以元为单位、最多两位小数的数字，如 150000.00`],
  [/must not be in the future/, (_, f) => `${f}不能晚于今天`],
  [/^(\w+) must not be before (\w+), (\S+)$/, (m, f) => `${f}不能早于${FIELD_ZH[m[2]] ?? m[2]}（${m[3]}）`],
  [/the term is longer than (\d+) years: “(.+)” \(.*; source (.+)\) wants it to end by (\S+)$/,
    (m) => `合同期限超过${m[1]}年：依据“${m[2]}”（${m[3]}），最迟应至${m[4]}`],
  [/signedOn must not be after the term's end, (\S+)/, (m) => `签订日期不能晚于合同期满日（${m[1]}）`],
  [/only a draft is signed/, () => '只有草稿状态的合同可以签订'],
  [/only a signed contract that has not ended is ended/, () => '只有已签订且尚未结束的合同可以提前终止或续签'],
  [/a contract expires by its term/, () => '合同期满自然结束，无需操作；请选择提前终止或续签'],
  [/endedOn must be between the signing, (\S+), and the term's end, (\S+)/,
    (m) => `结束日期应在签订日期（${m[1]}）与合同期满日（${m[2]}）之间`],
  [/a renewal names the contract it is renewed into/, () => '续签须选择续签后的合同'],
  [/a renewal is another contract with the same operator/, () => '续签合同须为同一承接主体的另一份合同'],
  [/only a renewal has a successor/, () => '只有续签需要选择续签合同'],
  [/the report was accepted on (\S+)/, (m) => `该报告已于${m[1]}验收`],
  [/only a PAYMENT pays a contract's tranche/, () => '只有拨付记录可以对应合同的付款节点'],
  [/fiscalYear must be the entry date's year or next to it/, () => '财政年度应为日期所在年度或其前后一年'],
  [/the operator is (\w+); only an ACTIVE one takes a contract/, () => '该承接主体当前状态不是正常，不能承接新合同'],
  [/A division with code '(.+)' already exists/, (m) => `区划代码“${m[1]}”已被使用，请换一个`],
  [/is not a slot of the catalogue in force; its slots: (.*)/, (m) => `不是现行服务目录中的栏目；可选栏目：${m[1]}`],
  [/is not a valid \w+ id|is not an? \w+ of this bureau|not a station of this bureau|not a division of this bureau/,
    (_, f) => `${f}不是本单位的记录`],
  [/^(\w+) must be after (\w+), (\S+)$/, (m, f) => `${f}应晚于${FIELD_ZH[m[2]] ?? m[2]}（${m[3]}）`],
  [/the division already has a facility named '(.+)'/, (m) => `该区划已登记名为“${m[1]}”的场所`],
  [/must not be (blank|null|empty)/, (_, f) => `请填写${f}`],
  [/size must be between (\d+) and (\d+)/, (m, f) => `${f}的长度应在${m[1]}到${m[2]}之间`],
];

/**
 * A userError in the console's language: in Chinese by the rule its message matches, else by its
 * code where the code alone says enough, else the service's own words.
 */
export function userErrorMessage(e: UserErrorLike, lang: Lang): string {
  if (lang !== 'zh') return e.message;
  const path = errorPath(e.field);
  const last = [...path].reverse().find((p) => !/^\d+$/.test(p));
  const field = last ? FIELD_ZH[last] ?? last : '';
  for (const [pattern, words] of RULES) {
    const m = e.message.match(pattern);
    if (m) return words(m, field);
  }
  switch (e.code) {
    case 'CONFLICT':
      return last === 'version' ? '该记录已被他人修改，请刷新后重试' : e.message;
    case 'NOT_FOUND':
      return `${field || '记录'}不存在，或不属于本单位`;
    case 'FORBIDDEN':
      return '没有权限执行此操作';
    default:
      return e.message;
  }
}
