import { describe, expect, it } from 'vitest';
import { locateConditions } from './conditions';

describe('locateConditions', () => {
  it('finds staffing counts and qualification conditions with their paths and lines', () => {
    const doc = {
      staffingRules: [{ code: 'a', counts: 'certificateRank >= 1' }, { code: 'b' }],
      qualificationRules: [{ alternatives: [{ conditions: [{ expression: 'age <= 45' }, { expression: 'certificateRank >= 1' }] }] }],
    };
    const text = JSON.stringify(doc, null, 2);
    const found = locateConditions(text)!;
    expect(found.map((c) => c.path)).toEqual([
      'staffingRules[0].counts',
      'qualificationRules[0].alternatives[0].conditions[0].expression',
      'qualificationRules[0].alternatives[0].conditions[1].expression',
    ]);
    const lines = text.split('\n');
    for (const c of found) expect(lines[c.line - 1]).toContain(JSON.stringify(c.expression));
    // the same expression twice: each at its own line
    expect(found[2].line).toBeGreaterThan(found[0].line);
  });

  it('answers null for text that is not JSON yet', () => {
    expect(locateConditions('{ "staffingRules": [')).toBeNull();
  });
});
