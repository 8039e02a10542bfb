import { describe, expect, it } from 'vitest';
import { PROJECT_FIELDS } from '@/lib/projects/schemas';
import { decimalForInput, projectFormValues } from './project-values';

describe('project form values', () => {
  it('a stored decimal as a person would type it', () => {
    expect(decimalForInput('12000.00')).toBe('12000');
    expect(decimalForInput('12.50')).toBe('12.5');
    expect(decimalForInput('0.05')).toBe('0.05');
    expect(decimalForInput('100')).toBe('100');
  });

  it('a new project: every field empty, stage and status at their defaults', () => {
    const v = projectFormValues(null);
    expect(Object.keys(v).sort()).toEqual([...PROJECT_FIELDS, 'countyIds'].sort());
    expect(v.countyIds).toEqual([]);
    expect(v.stage).toBe('preliminary');
    expect(v.status).toBe('on_track');
    expect(v.name).toBe('');
  });

  it('a stored row: numbers and ids as text, decimals trimmed, nulls empty', () => {
    const v = projectFormValues({
      name: '乌额铁路',
      countyId: 3,
      countyIds: [3, 5],
      totalInvestment: '1850000.00',
      capacity: '10.50',
      stage: 'construction',
      status: 'delayed',
      nameEn: null,
    });
    expect(v).toMatchObject({
      name: '乌额铁路',
      countyId: '3',
      countyIds: ['3', '5'],
      totalInvestment: '1850000',
      capacity: '10.5',
      stage: 'construction',
      status: 'delayed',
      nameEn: '',
    });
  });
});
