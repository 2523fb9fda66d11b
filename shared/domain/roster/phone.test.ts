import { describe, expect, it } from 'vitest';
import { normalisePhones } from './phone';

describe('phone numbers as offices write them', () => {
  it.each([
    ['13800001111', '13800001111'],
    ['１３８００００１１１１', '13800001111'],
    ['010-6512 3456', '010-6512 3456'],
    ['13800001111、13900002222', '13800001111、13900002222'],
    ['13800001111/13900002222', '13800001111、13900002222'],
    ['13800001111，13900002222', '13800001111、13900002222'],
    ['13800001111 13900002222', '13800001111、13900002222'],
    ['', ''],
  ])('reads %j as %j', (text, expected) => {
    expect(normalisePhones(text)).toBe(expected);
  });

  it.each(['王建国', '138000011112222333344445555', '1、2、3、4', 'tel:13800001111', '138 0000 1111 a'])('refuses %j', (text) => {
    expect(normalisePhones(text)).toBeNull();
  });
});
