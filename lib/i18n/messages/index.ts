/**
 * The message catalogues, one JSON file per namespace and language. Add a namespace by adding
 * its two files and one line to each map below.
 */
import zhCommon from './zh-CN/common.json';
import zhErrors from './zh-CN/errors.json';
import zhValidation from './zh-CN/validation.json';
import zhAuth from './zh-CN/auth.json';
import zhProjects from './zh-CN/projects.json';
import zhProject from './zh-CN/project.json';
import zhAdmin from './zh-CN/admin.json';
import zhEnums from './zh-CN/enums.json';
import zhReports from './zh-CN/reports.json';
import zhProblems from './zh-CN/problems.json';
import zhInbox from './zh-CN/inbox.json';
import zhLights from './zh-CN/lights.json';
import zhDashboard from './zh-CN/dashboard.json';
import zhMeetings from './zh-CN/meetings.json';
import zhExports from './zh-CN/exports.json';
import zhReference from './zh-CN/reference.json';
import zhTargets from './zh-CN/targets.json';
import zhProcedures from './zh-CN/procedures.json';
import enCommon from './en/common.json';
import enErrors from './en/errors.json';
import enValidation from './en/validation.json';
import enAuth from './en/auth.json';
import enProjects from './en/projects.json';
import enProject from './en/project.json';
import enAdmin from './en/admin.json';
import enEnums from './en/enums.json';
import enReports from './en/reports.json';
import enProblems from './en/problems.json';
import enInbox from './en/inbox.json';
import enLights from './en/lights.json';
import enDashboard from './en/dashboard.json';
import enMeetings from './en/meetings.json';
import enExports from './en/exports.json';
import enReference from './en/reference.json';
import enTargets from './en/targets.json';
import enProcedures from './en/procedures.json';
import type { Locale } from '../config';

const zh = {
  common: zhCommon,
  errors: zhErrors,
  validation: zhValidation,
  auth: zhAuth,
  projects: zhProjects,
  project: zhProject,
  admin: zhAdmin,
  enums: zhEnums,
  reports: zhReports,
  problems: zhProblems,
  inbox: zhInbox,
  lights: zhLights,
  dashboard: zhDashboard,
  meetings: zhMeetings,
  exports: zhExports,
  reference: zhReference,
  targets: zhTargets,
  procedures: zhProcedures,
};
const en: typeof zh = {
  common: enCommon,
  errors: enErrors,
  validation: enValidation,
  auth: enAuth,
  projects: enProjects,
  project: enProject,
  admin: enAdmin,
  enums: enEnums,
  reports: enReports,
  problems: enProblems,
  inbox: enInbox,
  lights: enLights,
  dashboard: enDashboard,
  meetings: enMeetings,
  exports: enExports,
  reference: enReference,
  targets: enTargets,
  procedures: enProcedures,
};

export type Messages = typeof zh;
export const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zh, en };
