/**
 * The 2025 portfolio targets the work report sets beside its projects (二(三), 二(四)), each with
 * its words. Progress is not a fact of the report: the office enters it (lib/portfolio-targets).
 * The new-energy capacity target is the dashboard's capacity panel (NEW_ENERGY_CAPACITY_TARGET).
 */
import type { PortfolioTargetKind } from '@/db/schema/enums';
import { S2_3, S2_4 } from './facts';

export interface PortfolioTargetFact {
  year: number;
  code: string;
  nameZh: string;
  nameEn: string;
  kind: PortfolioTargetKind;
  target: string;
  unitZh: string;
  unitEn: string;
  sourceSection: string;
  sourceQuote: string;
}

const ENTERPRISES = '力争年内新增规模以上工业企业20家以上、认定高新技术企业25家以上、入库科技型中小企业50家以上';
const TOURISM = '力争全年实现旅游人数、收入分别增长10%以上的目标';

export const PORTFOLIO_TARGETS: readonly PortfolioTargetFact[] = [
  {
    year: 2025,
    code: 'new_industrial_enterprises',
    nameZh: '新增规模以上工业企业',
    nameEn: 'New industrial enterprises above designated size',
    kind: 'count',
    target: '20',
    unitZh: '家',
    unitEn: 'enterprises',
    sourceSection: S2_3,
    sourceQuote: ENTERPRISES,
  },
  {
    year: 2025,
    code: 'high_tech_enterprises',
    nameZh: '认定高新技术企业',
    nameEn: 'Certified high-tech enterprises',
    kind: 'count',
    target: '25',
    unitZh: '家',
    unitEn: 'enterprises',
    sourceSection: S2_3,
    sourceQuote: ENTERPRISES,
  },
  {
    year: 2025,
    code: 'tech_smes',
    nameZh: '入库科技型中小企业',
    nameEn: 'Registered technology-based SMEs',
    kind: 'count',
    target: '50',
    unitZh: '家',
    unitEn: 'enterprises',
    sourceSection: S2_3,
    sourceQuote: ENTERPRISES,
  },
  {
    year: 2025,
    code: 'tourist_visits',
    nameZh: '旅游人数增长',
    nameEn: 'Growth in tourist visits',
    kind: 'growth',
    target: '10',
    unitZh: '%',
    unitEn: '%',
    sourceSection: S2_4,
    sourceQuote: TOURISM,
  },
  {
    year: 2025,
    code: 'tourism_revenue',
    nameZh: '旅游收入增长',
    nameEn: 'Growth in tourism revenue',
    kind: 'growth',
    target: '10',
    unitZh: '%',
    unitEn: '%',
    sourceSection: S2_4,
    sourceQuote: TOURISM,
  },
];
