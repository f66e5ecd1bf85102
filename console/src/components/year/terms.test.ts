import { describe, expect, it } from 'vitest';
import { ENUMS, enumLabel } from '../../i18n';
import { planDay, startOfYear, termsOf } from './terms';

describe("the year's labels", () => {
  it('cover every value of the schema enums of the year', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildSchema, GraphQLEnumType } = await import('graphql');
    const schema = buildSchema(readFileSync(new URL('../../../../schema.graphqls', import.meta.url), 'utf8'));
    const pairs: [string, Record<string, unknown>][] = [
      ['ProjectStage', ENUMS.projectStage], ['DueStatus', ENUMS.dueStatus], ['DueItemParty', ENUMS.dueParty],
      ['FeaturedCaseStatus', ENUMS.caseStatus], ['SupervisionKind', ENUMS.supervisionKind],
      ['SupervisionFindingStatus', ENUMS.findingStatus],
    ];
    for (const [name, table] of pairs) {
      const type = schema.getType(name) as InstanceType<typeof GraphQLEnumType>;
      expect(type, name).toBeInstanceOf(GraphQLEnumType);
      expect(Object.keys(table).sort(), name).toEqual(type.getValues().map((v) => v.name).sort());
    }
  });

  it("offers a profile's vocabulary when it declares one, and the documents' codes when it leaves it free", () => {
    const declared = termsOf('zh', [{ code: 'visit', labelZh: '探访', labelEn: 'Home visit' }], ENUMS.activityKind);
    expect(declared.options).toEqual([{ value: 'visit', label: '探访' }]);
    expect(declared.name('visit')).toBe('探访');
    // a code recorded before the vocabulary was declared still reads
    expect(declared.name('group_work')).toBe('小组');
    const free = termsOf('en', null, ENUMS.activityKind);
    expect(free.free).toBe(true);
    expect(free.options.map((o) => o.value)).toEqual(['case_work', 'group_work', 'community_activity']);
    expect(free.name('home_visit')).toBe('home_visit');
    expect(enumLabel('zh', ENUMS.findingStatus, 'REPORTED')).toBe('已报整改，待复查');
  });

  it('starts a period on 1 January of the given day', () => {
    expect(startOfYear('2026-11-25')).toBe('2026-01-01');
  });
});

describe('planDay', () => {
  it("is today for this year's plan, 1 January for a later year's and 31 December for an earlier year's", () => {
    expect(planDay(2026, '2026-11-25')).toBe('2026-11-25');
    expect(planDay(2027, '2026-11-25')).toBe('2027-01-01');
    expect(planDay(2025, '2026-11-25')).toBe('2025-12-31');
  });
});
