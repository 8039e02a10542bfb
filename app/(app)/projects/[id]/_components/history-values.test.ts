import { describe, expect, it } from 'vitest';
import { formatDate } from '@/lib/format';
import { formatWan } from '@/lib/money';
import { translator } from '@/lib/i18n/translate';
import type { ReferenceData } from '@/lib/reference/queries';
import { fieldLabel, historyValue, orderedKeys } from './history-values';

const zh = translator('zh-CN');
const en = translator('en');
const option = (value: string, labelZh: string, labelEn: string) => ({ value, labelZh, labelEn });
const ref = {
  categories: [option('wind', '风电', 'Wind power')],
  counties: [option('3', '额敏县', 'Emin County'), option('4', '塔城市', 'Tacheng City')],
  responsibleUnits: [option('7', '发改委', 'Development and Reform Commission')],
  ownerUnits: [],
  leaders: [option('11', '张三', 'Zhang San')],
  leads: [],
} as unknown as ReferenceData;

describe('project history: the changed fields of an audit event', () => {
  it('come in the order of the form, unknown keys last in name order', () => {
    const before = { zeta: 1, status: 'on_track', name: 'A' };
    const after = { alpha: 2, status: 'delayed', code: 'X' };
    const keys = orderedKeys('project', before, after);
    expect(keys.slice(-2)).toEqual(['alpha', 'zeta']);
    expect(keys.indexOf('code')).toBeLessThan(keys.indexOf('name'));
    expect(new Set(keys)).toEqual(new Set(['zeta', 'status', 'name', 'alpha', 'code']));
  });

  it('milestones use the milestone form order', () => {
    expect(orderedKeys('milestone', { note: 'x', plannedDate: '2026-01-01' }, { status: 'done', name: 'n' })).toEqual([
      'name',
      'plannedDate',
      'status',
      'note',
    ]);
  });

  it('are labelled from the catalogue, or by their key when the page does not know them', () => {
    expect(fieldLabel(zh, 'project', 'status')).toBe(zh('project.field.status'));
    expect(fieldLabel(en, 'milestone', 'forecastDate')).toBe(en('project.milestoneField.forecastDate'));
    expect(fieldLabel(zh, 'project', 'noSuchField')).toBe('noSuchField');
  });
});

describe('project history: a value as a reader would write it', () => {
  it('empty values say so', () => {
    for (const v of [null, undefined, '']) expect(historyValue(zh, 'zh-CN', ref, 'project', 'name', v)).toBe(zh('project.empty'));
  });

  it('enumerations by their label, the milestone status by its own list', () => {
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'status', 'delayed')).toBe(zh('enums.status.delayed'));
    expect(historyValue(en, 'en', ref, 'milestone', 'status', 'done')).toBe(en('enums.milestoneStatus.done'));
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'stage', 'construction')).toBe(zh('enums.stage.construction'));
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'status', 'retired_value')).toBe('retired_value');
  });

  it('references by name in the reader’s language, or by id when gone', () => {
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'categoryCode', 'wind')).toBe('风电');
    expect(historyValue(en, 'en', ref, 'project', 'countyId', 3)).toBe('Emin County');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'responsibleLeaderId', '11')).toBe('张三');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'countyId', 99)).toBe('#99');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'projectLeadId', 5)).toBe('#5');
  });

  it('the counties a project touches by name, none as not reported; no responsible county as 地区级', () => {
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'countyIds', [4, 3])).toBe('塔城市、额敏县');
    expect(historyValue(en, 'en', ref, 'project', 'countyIds', [3, 99])).toBe('Emin County, #99');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'countyIds', [])).toBe('未填报');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'countyId', null)).toBe('地区级');
    expect(historyValue(en, 'en', ref, 'project', 'countyId', null)).toBe(en('project.prefectureWide'));
  });

  it('dates and money through the app’s formatters, objects as JSON, anything else as it is', () => {
    expect(historyValue(en, 'en', ref, 'milestone', 'plannedDate', '2026-03-31')).toBe(formatDate('2026-03-31', 'en'));
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'totalInvestment', '12000.00')).toBe(formatWan('12000.00', 'zh-CN'));
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'totalInvestment', '12000.00')).toBe('12,000.00 万元');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'sources', { a: 1 })).toBe('{"a":1}');
    expect(historyValue(zh, 'zh-CN', ref, 'project', 'name', '乌额铁路')).toBe('乌额铁路');
  });
});
