import { describe, expect, it } from 'vitest';
import { ENUMS, REGISTRY_ENUMS, enumLabel, enumOptions, makeI18n } from './i18n';

describe('i18n', () => {
  it('reads Chinese first and English when switched', () => {
    expect(makeI18n('zh', () => {}).t('站点', 'Stations')).toBe('站点');
    expect(makeI18n('en', () => {}).label({ labelZh: '档案室', labelEn: 'Archive room' })).toBe('Archive room');
  });

  it('labels every value of the schema enums it knows, and shows an unknown one as it is', () => {
    expect(enumLabel('zh', ENUMS.stationStatus, 'OPERATING')).toBe('运营中');
    expect(enumLabel('en', ENUMS.severity, 'VIOLATION')).toBe('Violation');
    expect(enumLabel('zh', ENUMS.assignmentRole, 'NEW_ROLE')).toBe('NEW_ROLE');
    expect(enumOptions('en', ENUMS.certificate).map((o) => o.value)).toEqual(['NONE', 'ASSISTANT', 'INTERMEDIATE', 'SENIOR']);
  });
});

describe('enum labels against the schema', () => {
  it('cover every value of the enums the console labels', async () => {
    const { readFileSync } = await import('node:fs');
    const { buildSchema, GraphQLEnumType } = await import('graphql');
    const schema = buildSchema(readFileSync(new URL('../../schema.graphqls', import.meta.url), 'utf8'));
    const pairs: [string, Record<string, unknown>][] = [
      ['StationStatus', ENUMS.stationStatus], ['OperatingMode', ENUMS.operatingMode], ['Severity', ENUMS.severity],
      ['AssignmentRole', ENUMS.assignmentRole], ['Role', ENUMS.userRole], ['EducationLevel', ENUMS.education],
      ['CertificateLevel', ENUMS.certificate], ['ComplianceStanding', ENUMS.standing],
      ['DesignationKind', REGISTRY_ENUMS.designationKind], ['DesignationLevel', REGISTRY_ENUMS.designationLevel],
      ['HostFacilityKind', REGISTRY_ENUMS.facilityKind],
    ];
    for (const [name, table] of pairs) {
      const type = schema.getType(name);
      expect(type, name).toBeInstanceOf(GraphQLEnumType);
      expect(Object.keys(table).sort(), name).toEqual((type as InstanceType<typeof GraphQLEnumType>).getValues().map((v) => v.name).sort());
    }
  });
});
