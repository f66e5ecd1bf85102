import { describe, expect, it } from 'vitest';
import { errorPath, pathLabel, userErrorMessage } from './messages';

const bad = (field: string[], message: string) => ({ field, code: 'BAD_USER_INPUT', message });

describe('errorPath', () => {
  it('reads the service’s indexed segments and a client’s alike, without the input', () => {
    expect(errorPath(['input', 'tranches[1]', 'amount'])).toEqual(['tranches', '1', 'amount']);
    expect(errorPath(['input', 'tranches', '1', 'amount'])).toEqual(['tranches', '1', 'amount']);
    expect(errorPath(null)).toEqual([]);
  });
});

describe('pathLabel', () => {
  it('names a row of a list in Chinese, and keeps the path in English', () => {
    expect(pathLabel(['tranches', '1', 'amount'], 'zh')).toBe('付款安排第2项金额');
    expect(pathLabel(['tranches', '1', 'amount'], 'en')).toBe('tranches.1.amount');
  });
});

describe('userErrorMessage', () => {
  it('says the credit code’s wrong check character in Chinese, with both characters', () => {
    const e = bad(['input', 'creditCode'],
      "the check character of this unified social credit code should be 'Q', not 'A': a character is mistyped");
    expect(userErrorMessage(e, 'zh')).toBe('统一社会信用代码的校验码应为“Q”，而不是“A”：有字符录入错误');
    expect(userErrorMessage(e, 'en')).toBe(e.message);
  });

  it('says a division code taken, whatever the code', () => {
    const e = { field: ['input', 'code'], code: 'CONFLICT', message: "A division with code 'hunanlu' already exists" };
    expect(userErrorMessage(e, 'zh')).toBe('区划代码“hunanlu”已被使用，请换一个');
  });

  it('names the field a general rule is about', () => {
    expect(userErrorMessage(bad(['input', 'tranches[1]', 'amount'], 'an amount has at most 2 decimals; 0.125 has more'), 'zh'))
      .toBe('金额最多两位小数（到分）');
    expect(userErrorMessage(bad(['input', 'signedOn'], 'signedOn must not be in the future'), 'zh')).toBe('签订日期不能晚于今天');
    expect(userErrorMessage(bad(['input', 'endsOn'], 'endsOn must not be before startsOn, 2026-01-01'), 'zh'))
      .toBe('截止日期不能早于起始日期（2026-01-01）');
    expect(userErrorMessage(bad(['input', 'title'], 'title must not be blank'), 'zh')).toBe('请填写项目名称');
  });

  it('keeps the figures of a contract rule', () => {
    expect(userErrorMessage(bad(['input', 'tranches[0]', 'dueOn'],
      'a tranche is due within the term, 2026-01-01 to 2027-12-31; 2028-01-15 is outside it'), 'zh'))
      .toBe('付款日期应在合同期限（2026-01-01至2027-12-31）之内，2028-01-15不在其中');
    expect(userErrorMessage(bad(['input', 'endedOn'],
      "endedOn must be between the signing, 2025-12-20, and the term's end, 2027-12-31"), 'zh'))
      .toBe('结束日期应在签订日期（2025-12-20）与合同期满日（2027-12-31）之间');
    expect(userErrorMessage(bad(['input', 'endsOn'], 'the term is longer than 3 years: “政府购买服务合同履行期限最长不超过3年” '
      + '(A service contract runs at most 3 years; source 003 四、(三)) wants it to end by 2027-12-31'), 'zh'))
      .toBe('合同期限超过3年：依据“政府购买服务合同履行期限最长不超过3年”（003 四、(三)），最迟应至2027-12-31');
  });

  it('says a designation’s and a facility’s refusals in Chinese', () => {
    expect(userErrorMessage(bad(['input', 'awardedOn'], 'awardedOn must not be in the future'), 'zh')).toBe('认定日期不能晚于今天');
    expect(userErrorMessage(bad(['input', 'endsOn'], 'endsOn must be after awardedOn, 2025-06-01'), 'zh'))
      .toBe('截止日期应晚于认定日期（2025-06-01）');
    expect(userErrorMessage(bad(['input', 'name'], "the division already has a facility named '琅琊路小学'"), 'zh'))
      .toBe('该区划已登记名为“琅琊路小学”的场所');
  });

  it('falls back on the code where the message is unknown, and on the service’s words after that', () => {
    expect(userErrorMessage({ field: ['input', 'version'], code: 'CONFLICT', message: 'The entry was changed since version 1' }, 'zh'))
      .toBe('该记录已被他人修改，请刷新后重试');
    expect(userErrorMessage({ field: ['input', 'id'], code: 'NOT_FOUND', message: 'Funding entry not found' }, 'zh'))
      .toBe('记录不存在，或不属于本单位');
    expect(userErrorMessage({ field: null, code: 'FORBIDDEN', message: 'TENANT_ADMIN only' }, 'zh')).toBe('没有权限执行此操作');
    expect(userErrorMessage(bad(['input', 'note'], 'something new the console has no words for'), 'zh'))
      .toBe('something new the console has no words for');
  });
});
