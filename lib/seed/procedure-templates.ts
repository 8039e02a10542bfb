/**
 * The approval-procedure templates the facts-only seed ships (手续模板): editable defaults for the
 * office, not a statement of law. Limits are working days; a statutory limit (法定时限) as commonly
 * set by the procedure's regulation, a committed one (承诺时限) as offices typically promise it.
 * `after` names the steps that must be approved first (serial); the rest may run in parallel.
 */
import type { AgencyKind } from '@/db/schema/enums';

export interface TemplateStepDefault {
  key: string;
  nameZh: string;
  nameEn: string;
  agency: AgencyKind;
  statutory: number;
  committed: number;
  documents: string;
  after?: readonly string[];
  /** Works may start without it (e.g. grid connection acceptance). */
  afterStart?: true;
}

export interface TemplateDefault {
  nameZh: string;
  nameEn: string;
  categories: readonly string[];
  steps: readonly TemplateStepDefault[];
}

type S = TemplateStepDefault;
const land: S = {
  key: 'land',
  nameZh: '用地预审与选址意见书',
  nameEn: 'Land pre-examination and site selection opinion',
  agency: 'natural_resources',
  statutory: 20,
  committed: 10,
  documents: '申请表；项目建议书或可研报告；用地范围图；土地利用现状图',
};
const stability: S = {
  key: 'stability',
  nameZh: '社会稳定风险评估',
  nameEn: 'Social stability risk assessment',
  agency: 'development_reform',
  statutory: 20,
  committed: 15,
  documents: '社会稳定风险评估报告；公众参与材料',
};
const eia: S = {
  key: 'eia',
  nameZh: '环境影响评价批复',
  nameEn: 'Environmental impact assessment approval',
  agency: 'ecology_environment',
  statutory: 60,
  committed: 20,
  documents: '环境影响报告书（表）；公众参与说明；技术评估意见',
};
const soil: S = {
  key: 'soil',
  nameZh: '水土保持方案批复',
  nameEn: 'Soil and water conservation plan approval',
  agency: 'water',
  statutory: 20,
  committed: 10,
  documents: '水土保持方案报告书；技术评审意见',
};
const minerals: S = {
  key: 'minerals',
  nameZh: '压覆矿产资源审批',
  nameEn: 'Overlying mineral resources approval',
  agency: 'natural_resources',
  statutory: 20,
  committed: 10,
  documents: '压覆矿产资源调查评估报告；用地范围坐标',
};
const relics: S = {
  key: 'relics',
  nameZh: '文物考古调查勘探',
  nameEn: 'Archaeological survey and exploration',
  agency: 'cultural_relics',
  statutory: 30,
  committed: 20,
  documents: '申请函；项目用地范围图',
};
const forest: S = {
  key: 'forest',
  nameZh: '使用林地草地审核',
  nameEn: 'Forest and grassland use approval',
  agency: 'forestry_grassland',
  statutory: 20,
  committed: 10,
  documents: '使用林地（草地）申请表；可行性报告；现场查验表',
};
const energySaving: S = {
  key: 'energy_saving',
  nameZh: '节能审查',
  nameEn: 'Energy conservation review',
  agency: 'development_reform',
  statutory: 20,
  committed: 10,
  documents: '节能报告；节能审查申请',
};
const waterPermit: S = {
  key: 'water_permit',
  nameZh: '取水许可',
  nameEn: 'Water abstraction permit',
  agency: 'water',
  statutory: 45,
  committed: 20,
  documents: '取水许可申请书；水资源论证报告',
};
const landPlanning = (after: string): S => ({
  key: 'land_planning',
  nameZh: '建设用地规划许可证',
  nameEn: 'Construction land planning permit',
  agency: 'natural_resources',
  statutory: 20,
  committed: 7,
  documents: '申请表；项目批准（核准、备案）文件；用地红线图',
  after: [after],
});
const worksPlanning: S = {
  key: 'works_planning',
  nameZh: '建设工程规划许可证',
  nameEn: 'Construction works planning permit',
  agency: 'natural_resources',
  statutory: 20,
  committed: 7,
  documents: '申请表；设计方案；建设用地规划许可证',
  after: ['land_planning'],
};

const PARALLEL_BEFORE_START = ['eia', 'soil', 'minerals', 'relics', 'forest'] as const;

export const TEMPLATE_DEFAULTS: readonly TemplateDefault[] = [
  {
    nameZh: '交通项目（政府投资·审批制）',
    nameEn: 'Transport project (government investment, approval)',
    categories: ['transport', 'logistics'],
    steps: [
      land,
      stability,
      eia,
      soil,
      minerals,
      relics,
      forest,
      {
        key: 'feasibility',
        nameZh: '可行性研究报告批复',
        nameEn: 'Feasibility study approval',
        agency: 'development_reform',
        statutory: 20,
        committed: 10,
        documents: '可行性研究报告；用地预审与选址意见书；社会稳定风险评估意见',
        after: ['land', 'stability'],
      },
      {
        key: 'design',
        nameZh: '初步设计批复',
        nameEn: 'Preliminary design approval',
        agency: 'transport',
        statutory: 20,
        committed: 15,
        documents: '初步设计文件；可研批复',
        after: ['feasibility'],
      },
      {
        key: 'works_permit',
        nameZh: '施工许可',
        nameEn: 'Construction permit',
        agency: 'transport',
        statutory: 20,
        committed: 5,
        documents: '施工许可申请；施工图设计批复；施工、监理合同',
        after: ['design', ...PARALLEL_BEFORE_START],
      },
    ],
  },
  {
    nameZh: '水利项目（政府投资·审批制）',
    nameEn: 'Water project (government investment, approval)',
    categories: ['water', 'pumped_storage'],
    steps: [
      land,
      stability,
      eia,
      soil,
      minerals,
      relics,
      forest,
      waterPermit,
      {
        key: 'feasibility',
        nameZh: '可行性研究报告批复',
        nameEn: 'Feasibility study approval',
        agency: 'development_reform',
        statutory: 20,
        committed: 10,
        documents: '可行性研究报告；用地预审与选址意见书；社会稳定风险评估意见',
        after: ['land', 'stability'],
      },
      {
        key: 'design',
        nameZh: '初步设计批复',
        nameEn: 'Preliminary design approval',
        agency: 'water',
        statutory: 20,
        committed: 15,
        documents: '初步设计报告；可研批复',
        after: ['feasibility'],
      },
      {
        key: 'works_permit',
        nameZh: '开工备案',
        nameEn: 'Works start registration',
        agency: 'water',
        statutory: 5,
        committed: 3,
        documents: '开工备案申请；初步设计批复；项目法人组建文件',
        after: ['design', 'water_permit', ...PARALLEL_BEFORE_START],
      },
    ],
  },
  {
    nameZh: '火电项目（企业投资·核准制）',
    nameEn: 'Thermal power project (enterprise investment, approval by verification)',
    categories: ['coal_power', 'coal_mine', 'grid'],
    steps: [
      land,
      stability,
      eia,
      soil,
      minerals,
      relics,
      forest,
      energySaving,
      waterPermit,
      {
        key: 'grid_access',
        nameZh: '接入系统方案批复',
        nameEn: 'Grid access scheme approval',
        agency: 'grid',
        statutory: 30,
        committed: 20,
        documents: '接入系统设计报告；评审意见',
      },
      {
        key: 'verification',
        nameZh: '项目核准',
        nameEn: 'Project verification (核准)',
        agency: 'development_reform',
        statutory: 20,
        committed: 10,
        documents: '项目申请报告；用地预审与选址意见书；社会稳定风险评估意见',
        after: ['land', 'stability'],
      },
      landPlanning('verification'),
      worksPlanning,
      {
        key: 'works_permit',
        nameZh: '施工许可',
        nameEn: 'Construction permit',
        agency: 'housing_construction',
        statutory: 7,
        committed: 3,
        documents: '施工许可申请；建设工程规划许可证；施工图审查合格书',
        after: ['works_planning', 'energy_saving', 'water_permit', ...PARALLEL_BEFORE_START],
      },
    ],
  },
  {
    nameZh: '新能源项目（企业投资·备案制）',
    nameEn: 'New-energy project (enterprise investment, registration)',
    categories: ['wind', 'solar', 'wind_solar', 'new_energy'],
    steps: [
      {
        key: 'registration',
        nameZh: '项目备案',
        nameEn: 'Project registration (备案)',
        agency: 'development_reform',
        statutory: 3,
        committed: 1,
        documents: '项目备案信息表；企业营业执照',
      },
      land,
      eia,
      soil,
      minerals,
      relics,
      forest,
      {
        key: 'grid_access',
        nameZh: '接入系统方案批复',
        nameEn: 'Grid access scheme approval',
        agency: 'grid',
        statutory: 30,
        committed: 20,
        documents: '接入系统设计报告；评审意见',
        after: ['registration'],
      },
      landPlanning('registration'),
      {
        key: 'works_permit',
        nameZh: '施工许可',
        nameEn: 'Construction permit',
        agency: 'housing_construction',
        statutory: 7,
        committed: 3,
        documents: '施工许可申请；施工图审查合格书',
        after: ['land_planning', ...PARALLEL_BEFORE_START],
      },
      {
        key: 'grid_connection',
        nameZh: '并网验收',
        nameEn: 'Grid connection acceptance',
        agency: 'grid',
        statutory: 20,
        committed: 10,
        documents: '并网申请；调试报告；涉网试验报告',
        after: ['grid_access'],
        afterStart: true,
      },
    ],
  },
  {
    nameZh: '工业项目（企业投资·备案制）',
    nameEn: 'Industrial project (enterprise investment, registration)',
    categories: ['textile', 'mining', 'industrial_park', 'agriculture', 'tourism'],
    steps: [
      {
        key: 'registration',
        nameZh: '项目备案',
        nameEn: 'Project registration (备案)',
        agency: 'development_reform',
        statutory: 3,
        committed: 1,
        documents: '项目备案信息表；企业营业执照',
      },
      land,
      eia,
      energySaving,
      landPlanning('registration'),
      worksPlanning,
      {
        key: 'works_permit',
        nameZh: '施工许可',
        nameEn: 'Construction permit',
        agency: 'housing_construction',
        statutory: 7,
        committed: 3,
        documents: '施工许可申请；建设工程规划许可证；施工图审查合格书',
        after: ['works_planning', 'eia', 'energy_saving'],
      },
    ],
  },
];
