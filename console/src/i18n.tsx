import { createContext, useContext } from 'react';

export type Lang = 'zh' | 'en';

/**
 * Every label is written in both languages where it is used, zh-CN first: the pairs stay next to
 * each other, so a missing translation is visible in review rather than in a key file.
 */
export interface I18n {
  lang: Lang;
  t: (zh: string, en: string) => string;
  /** The label of a record that carries both, e.g. a station kind's labelZh/labelEn. */
  label: (item: { labelZh: string; labelEn: string } | null | undefined) => string;
  setLang: (lang: Lang) => void;
}

export function makeI18n(lang: Lang, setLang: (lang: Lang) => void): I18n {
  return {
    lang,
    setLang,
    t: (zh, en) => (lang === 'zh' ? zh : en),
    label: (item) => (item ? (lang === 'zh' ? item.labelZh : item.labelEn) : ''),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('zh', () => {}));

export function useI18n(): I18n {
  return useContext(I18nContext);
}

type Pair = readonly [string, string];

const STATION_STATUS: Record<string, Pair> = {
  PLANNED: ['规划中', 'Planned'],
  SITE_SELECTED: ['已选址', 'Site selected'],
  SIGNED: ['已签约', 'Signed'],
  OPERATING: ['运营中', 'Operating'],
  SUSPENDED: ['暂停', 'Suspended'],
  CLOSED: ['已关闭', 'Closed'],
};
const OPERATING_MODE: Record<string, Pair> = {
  SELF_RUN: ['自主运营', 'Self-run'],
  GOVERNMENT_AND_THIRD_PARTY: ['政府管理+第三方服务', 'Government and third party'],
  MIXED: ['混合运营', 'Mixed'],
  PURCHASED: ['购买服务', 'Purchased service'],
};
const SEVERITY: Record<string, Pair> = {
  VIOLATION: ['违规', 'Violation'],
  ADVISORY: ['建议', 'Advisory'],
  INFO: ['提示', 'Info'],
};
const ROLE: Record<string, Pair> = {
  HEAD: ['站长', 'Head'],
  DEPUTY_HEAD: ['副站长', 'Deputy head'],
  SOCIAL_WORKER: ['社工', 'Social worker'],
  SUPERVISOR: ['督导', 'Supervisor'],
};
const USER_ROLE: Record<string, Pair> = {
  PLATFORM_ADMIN: ['平台管理员', 'Platform admin'],
  TENANT_ADMIN: ['管理员', 'Administrator'],
  STATION_OPERATOR: ['站点运营', 'Station operator'],
  SUPERVISOR: ['督导', 'Supervisor'],
  VIEWER: ['只读', 'Viewer'],
};
const EDUCATION: Record<string, Pair> = {
  SECONDARY: ['中专/高中', 'Secondary'],
  COLLEGE: ['大专', 'College'],
  BACHELOR: ['本科', 'Bachelor'],
  MASTER: ['硕士', 'Master'],
  DOCTORATE: ['博士', 'Doctorate'],
};
const CERTIFICATE: Record<string, Pair> = {
  NONE: ['无', 'None'],
  ASSISTANT: ['助理社工师', 'Assistant'],
  INTERMEDIATE: ['社工师', 'Intermediate'],
  SENIOR: ['高级社工师', 'Senior'],
};
const STANDING: Record<string, Pair> = {
  COMPLIANT: ['合规', 'Compliant'],
  NOT_COMPLIANT: ['不合规', 'Not compliant'],
  NO_PROFILE: ['无适用政策', 'No profile in force'],
  NOT_CHECKED: ['未检查', 'Not checked'],
};

// The bureau's year: projects, activities, featured cases, the calendar and supervision.
const PROJECT_STAGE: Record<string, Pair> = {
  RESEARCH: ['调研', 'Research'],
  PLANNING: ['策划', 'Planning'],
  IMPLEMENTATION: ['实施', 'Implementation'],
  EVALUATION: ['评估', 'Evaluation'],
  LONG_TERM: ['长效开展', 'Long-term operation'],
};
const DUE_STATUS: Record<string, Pair> = {
  DUE: ['待完成', 'Due'],
  OVERDUE: ['已逾期', 'Overdue'],
  DONE: ['已完成', 'Done'],
};
const DUE_PARTY: Record<string, Pair> = {
  BUREAU: ['民政局', 'Bureau'],
  STATION: ['站点', 'Station'],
  DIVISION: ['区划', 'Division'],
  OPERATOR: ['承接主体', 'Operator'],
};
const CASE_STATUS: Record<string, Pair> = {
  SUBMITTED: ['待审核', 'Submitted'],
  ACCEPTED: ['已采纳', 'Accepted'],
  RETURNED: ['已退回', 'Returned'],
};
const SUPERVISION_KIND: Record<string, Pair> = {
  ON_SITE: ['实地督导', 'On-site supervision'],
  MONITORING_EVALUATION: ['项目监测评估', 'Monitoring evaluation'],
  CONSULTATION: ['咨询', 'Consultation'],
};
const FINDING_STATUS: Record<string, Pair> = {
  NOTED: ['已记录', 'Noted'],
  OPEN: ['待整改', 'Rectification open'],
  REPORTED: ['已报整改，待复查', 'Reported, awaiting re-inspection'],
  CLOSED: ['已整改', 'Closed'],
};
// Labels for the codes a profile leaves free (its vocabulary null): the ones the bureaus' documents use.
const ACTIVITY_KIND: Record<string, Pair> = {
  case_work: ['个案', 'Case work'],
  group_work: ['小组', 'Group work'],
  community_activity: ['社区活动', 'Community activity'],
};
const BENEFICIARY: Record<string, Pair> = {
  elderly: ['老年人', 'Elderly'],
  children: ['儿童', 'Children'],
  disabled: ['残疾人', 'People with disabilities'],
  in_difficulty: ['困难群众', 'People in difficulty'],
  youth: ['青少年', 'Youth'],
};
const CASE_KIND: Record<string, Pair> = {
  individual: ['个案', 'Individual'],
  group: ['小组', 'Group'],
  community: ['社区', 'Community'],
};

export const ENUMS = {
  stationStatus: STATION_STATUS,
  operatingMode: OPERATING_MODE,
  severity: SEVERITY,
  assignmentRole: ROLE,
  userRole: USER_ROLE,
  education: EDUCATION,
  certificate: CERTIFICATE,
  standing: STANDING,
  projectStage: PROJECT_STAGE,
  dueStatus: DUE_STATUS,
  dueParty: DUE_PARTY,
  caseStatus: CASE_STATUS,
  supervisionKind: SUPERVISION_KIND,
  findingStatus: FINDING_STATUS,
  activityKind: ACTIVITY_KIND,
  beneficiary: BENEFICIARY,
  caseKind: CASE_KIND,
};

export function enumLabel(lang: Lang, table: Record<string, Pair>, value: string | null | undefined): string {
  if (!value) return '';
  const pair = table[value];
  return pair ? pair[lang === 'zh' ? 0 : 1] : value;
}

export function enumOptions(lang: Lang, table: Record<string, Pair>) {
  return Object.entries(table).map(([value, pair]) => ({ value, label: pair[lang === 'zh' ? 0 : 1] }));
}

// The monthly brief's words (pages/Brief.tsx).
export const BRIEF_ENUMS = {
  dueStatus: {
    DUE: ['待完成', 'Due'],
    OVERDUE: ['已逾期', 'Overdue'],
    DONE: ['已完成', 'Done'],
  } as Record<string, Pair>,
  // words for common codes when the profile leaves `beneficiaryCategories` free and gives no labels
  beneficiary: {
    elderly: ['老年人', 'Elderly'],
    children: ['儿童', 'Children'],
    youth: ['青少年', 'Youth'],
    disabled: ['残疾人', 'People with disabilities'],
    in_difficulty: ['困难群众', 'People in difficulty'],
    family: ['家庭', 'Families'],
  } as Record<string, Pair>,
};

// Operators, service contracts and the funding ledger (pages/Operators, Contracts, ContractPage, Funding).
export const CONTRACT_ENUMS = {
  operatorStatus: {
    ACTIVE: ['正常', 'Active'],
    SUSPENDED: ['暂停', 'Suspended'],
    DEREGISTERED: ['已注销', 'Deregistered'],
  } as Record<string, Pair>,
  contractStatus: {
    DRAFT: ['草稿', 'Draft'],
    SIGNED: ['已签订', 'Signed'],
    IN_FORCE: ['履行中', 'In force'],
    ENDED: ['已结束', 'Ended'],
  } as Record<string, Pair>,
  endReason: {
    EXPIRED: ['期满', 'Expired'],
    TERMINATED: ['提前终止', 'Terminated'],
    RENEWED: ['已续签', 'Renewed'],
  } as Record<string, Pair>,
  reportKind: {
    MONTHLY_BRIEF: ['月度工作简报', 'Monthly brief'],
    MID_TERM: ['中期工作报告', 'Mid-term report'],
    FINAL: ['终期工作报告', 'Final report'],
    ANNUAL_SUMMARY: ['年度总结', 'Annual summary'],
  } as Record<string, Pair>,
  evaluationKind: {
    MID_TERM: ['中期评估', 'Mid-term evaluation'],
    ANNUAL: ['年度绩效评估', 'Annual evaluation'],
    FINAL: ['终期评估', 'Final evaluation'],
  } as Record<string, Pair>,
  entryKind: {
    ALLOCATION: ['安排', 'Allocation'],
    PAYMENT: ['拨付', 'Payment'],
  } as Record<string, Pair>,
  payerLevel: {
    PROVINCIAL: ['省级', 'Provincial'],
    CITY: ['市级', 'City'],
    DISTRICT: ['区级', 'District'],
    STREET: ['街道/镇', 'Street or town'],
  } as Record<string, Pair>,
  trancheStatus: {
    PAID: ['已付清', 'Paid'],
    DUE: ['待支付', 'Due'],
    OVERDUE: ['已逾期', 'Overdue'],
  } as Record<string, Pair>,
  purpose: {
    GENERAL: ['统筹', 'General'],
    OPERATION: ['运营', 'Operation'],
    LABOUR: ['人力成本', 'Labour'],
    CONSTRUCTION_SUBSIDY: ['一次性建设补贴', 'Construction subsidy'],
    SERVICE_PURCHASE: ['购买服务', 'Service purchase'],
  } as Record<string, Pair>,
};

// Designations and host facilities, which the bureau's targets and rules count (components/Designations, HostFacilities).
export const REGISTRY_ENUMS = {
  designationKind: {
    DEMONSTRATION: ['示范站点', 'Demonstration station'],
    LEADING_TALENT: ['领军人才', 'Leading talent'],
    SUPERVISOR: ['督导', 'Supervisor'],
  } as Record<string, Pair>,
  designationLevel: {
    DISTRICT: ['区级', 'District'],
    CITY: ['市级', 'City'],
    PROVINCIAL: ['省级', 'Provincial'],
    NATIONAL: ['国家级', 'National'],
  } as Record<string, Pair>,
  facilityKind: {
    SCHOOL: ['学校', 'School'],
  } as Record<string, Pair>,
};
