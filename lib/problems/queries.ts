import 'server-only';

// Reads of the problem list (问题清单). Every function takes the actor and scopes its SQL by the
// project's county, so a list, a count or a detail never shows what the actor may not see.
export {
  activeProblemsOfProject,
  listProblems,
  overdueProblemSql,
  problemCounts,
  problemRowsWhere,
  problemWhere,
  type ProblemCounts,
  type ProblemListRow,
} from './list-problems';
export {
  getProblem,
  projectsForNewProblem,
  type ProblemComment,
  type ProblemDetail,
  type ProblemHistoryEntry,
  type ProjectChoice,
} from './get-problem';
