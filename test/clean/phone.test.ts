import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { parsePhone } from '../../src/clean/index.js';

describe('parsePhone: valid numbers', () => {
  it.each([
    ['13812345678', '+8613812345678', 'mobile'],
    ['138 1234 5678', '+8613812345678', 'mobile'],
    ['138-1234-5678', '+8613812345678', 'mobile'],
    ['+86 138 1234 5678', '+8613812345678', 'mobile'],
    ['+86-138-1234-5678', '+8613812345678', 'mobile'],
    ['0086 13812345678', '+8613812345678', 'mobile'],
    ['8613812345678', '+8613812345678', 'mobile'],
    ['(+86)13812345678', '+8613812345678', 'mobile'],
    ['８６１３８１２３４５６７８', '+8613812345678', 'mobile'],
    ['１３９－００００－１１１１', '+8613900001111', 'mobile'],
    ['手机：13812345678', '+8613812345678', 'mobile'],
    ['Tel: 138.1234.5678', '+8613812345678', 'mobile'],
    ['13812345678.0', '+8613812345678', 'mobile'],
    [' 19912345678 ', '+8619912345678', 'mobile'],
    ['17400123456', '+8617400123456', 'mobile'],
    ['(0755)12345678', '+8675512345678', 'landline'],
    ['0755-12345678', '+8675512345678', 'landline'],
    ['0755 8888 6666', '+8675588886666', 'landline'],
    ['（０２１）６２３４５６７８', '+862162345678', 'landline'],
    ['010-12345678', '+861012345678', 'landline'],
    ['+86 10 1234 5678', '+861012345678', 'landline'],
    ['0086-21-62345678', '+862162345678', 'landline'],
    ['0755-12345678转801', '+8675512345678', 'landline'],
    ['0755-12345678 ext. 12', '+8675512345678', 'landline'],
    ['+852 9123 4567', '+85291234567', 'mobile'],
    ['+1 415 555 2671', '+14155552671', 'other'],
    ['+44 20 7946 0958', '+442079460958', 'landline'],
    ['00852 9123 4567', '+85291234567', 'mobile'],
  ])('%j → %s (%s)', (input, e164, type) => {
    const r = parsePhone(input);
    expect(r).toMatchObject({ e164, ok: true, type });
  });

  it('reads numbers without country code in the configured region', () => {
    expect(parsePhone('(415) 555-2671', 'US')).toMatchObject({ e164: '+14155552671', ok: true });
    expect(parsePhone('020 7946 0958', 'GB')).toMatchObject({ e164: '+442079460958', ok: true });
  });

  it('takes the first of several numbers and says so', () => {
    expect(parsePhone('13812345678/13987654321')).toEqual({ e164: '+8613812345678', ok: true, type: 'mobile', reason: 'multiple' });
    expect(parsePhone('13812345678，0755-12345678')).toMatchObject({ e164: '+8613812345678', reason: 'multiple' });
    expect(parsePhone('138-1234-5678 / 139-8765-4321')).toEqual({ e164: '+8613812345678', ok: true, type: 'mobile', reason: 'multiple' });
    expect(parsePhone('13812345678 13987654321')).toEqual({ e164: '+8613812345678', ok: true, type: 'mobile', reason: 'multiple' });
    expect(parsePhone('13812345678；13987654321')).toMatchObject({ e164: '+8613812345678', reason: 'multiple' });
    // a slash before a few digits is not a second number
    expect(parsePhone('0755-12345678转123')).toEqual({ e164: '+8675512345678', ok: true, type: 'landline' });
  });

  it('reads a number followed by a remark', () => {
    expect(parsePhone('13812345678（微信同号）')).toEqual({ e164: '+8613812345678', ok: true, type: 'mobile' });
    expect(parsePhone('0755-12345678 office')).toEqual({ e164: '+8675512345678', ok: true, type: 'landline' });
    expect(parsePhone('１３８ １２３４ ５６７８')).toEqual({ e164: '+8613812345678', ok: true, type: 'mobile' });
  });
});

describe('parsePhone: invalid numbers are reported, not guessed', () => {
  it.each([
    ['1381234567', 'invalid_number'],
    ['138123456789', 'invalid_number'],
    ['12345678901', 'invalid_number'],
    ['14012345678', 'invalid_number'],
    ['0755-1234567', 'invalid_number'],
    ['1234', 'too_short'],
    ['62345678', 'missing_area_code'],
    ['1.38123E+10', 'scientific_notation'],
    ['1.38123e+10', 'scientific_notation'],
    ['1.38E10', 'scientific_notation'],
    ['１.３８１２３Ｅ＋１０', 'scientific_notation'],
    ['abc', 'not_a_number'],
    ['打电话', 'not_a_number'],
    ['+999 1234 5678', 'invalid_country'],
  ])('%j → %s', (input, reason) => {
    expect(parsePhone(input)).toEqual({ e164: null, ok: false, reason });
  });

  it.each([[''], ['  '], ['无'], ['N/A'], ['-'], [null], [undefined]])('empty %j', (input) => {
    expect(parsePhone(input)).toEqual({ e164: null, ok: false, reason: 'empty' });
  });
});

describe('parsePhone fast path agrees with libphonenumber', () => {
  it('on every 3-digit mobile prefix', () => {
    for (let prefix = 100; prefix <= 199; prefix++) {
      for (const tail of ['12345678', '00000000', '99999999', '05123456']) {
        const digits = `${prefix}${tail}`;
        const full = parsePhoneNumberFromString(digits, 'CN');
        const expected = full?.isValid() ? full.number : null;
        expect(parsePhone(digits).e164, digits).toBe(expected);
      }
    }
  });
});

describe('parsePhone landline fast path agrees with libphonenumber', () => {
  it('on numbers across area codes and lengths', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const codes = ['10', '20', '21', '22', '23', '24', '25', '27', '28', '29', '311', '351', '371', '431', '451', '471', '510', '512', '531',
      '551', '571', '591', '660', '731', '755', '757', '769', '771', '791', '851', '871', '891', '898', '931', '951', '971', '991', '400', '800', '999'];
    for (let i = 0; i < 800; i++) {
      const code = codes[Math.floor(rnd() * codes.length)];
      const len = 6 + Math.floor(rnd() * 4);
      const subscriber = String(Math.floor(rnd() * 10 ** len)).padStart(len, String(Math.floor(rnd() * 10)));
      for (const written of [`0${code}${subscriber}`, `+86${code}${subscriber}`, `0086-${code}-${subscriber}`]) {
        const full = parsePhoneNumberFromString(written.replace(/-/g, ''), 'CN');
        const expected = full?.isValid() ? full.number : null;
        expect(parsePhone(written).e164, written).toBe(expected);
      }
    }
  });
});
