import { describe, expect, it } from 'vitest';
import { exportPath } from './excel';

describe('exportPath', () => {
  it('passes the list filters given, and leaves out empty ones', () => {
    expect(exportPath('stations', { status: 'OPERATING', kind: '', text: '街道', divisionId: undefined })).toBe(
      '/excel/export/stations.xlsx?status=OPERATING&text=%E8%A1%97%E9%81%93',
    );
    expect(exportPath('compliance-report', {})).toBe('/excel/export/compliance-report.xlsx');
  });
});
