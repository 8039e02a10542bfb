-- One proposed agenda item per (meeting, project), listing all its reasons (issue 13 B9).
-- Existing rows are converted: each row's `reason` becomes a one-element `reasons` array that
-- carries the row's problem_id / milestone_id; the proposed rows of one meeting and project
-- are then merged into one item (the lowest sort, the reasons most severe first, the decisions
-- joined), and the old columns dropped. A decision that assigned a problem (交办) stays linked:
-- the group's item keeps one such link, and a further decided row of the same project becomes
-- an office item (custom) of that project, titled by its problem, with its decision and link,
-- while its reasons join the project's item. The guard of published minutes is suspended for
-- the conversion only.
ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_reason_kind";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_refs";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_problem_id_problems_id_fk";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP CONSTRAINT "meeting_agenda_items_milestone_id_milestones_id_fk";--> statement-breakpoint
DROP INDEX "meeting_agenda_items_problem_idx";--> statement-breakpoint
DROP INDEX "meeting_agenda_items_problem_uq";--> statement-breakpoint
DROP INDEX "meeting_agenda_items_milestone_uq";--> statement-breakpoint
DROP INDEX "meeting_agenda_items_light_uq";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "reasons" jsonb;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DISABLE TRIGGER "meeting_agenda_items_guard";--> statement-breakpoint
UPDATE "meeting_agenda_items" SET "reasons" = jsonb_build_array(
  CASE "kind"
    WHEN 'overdue_problem' THEN "reason" || jsonb_build_object('problemId', "problem_id")
    WHEN 'carried_over' THEN "reason" || jsonb_build_object('problemId', "problem_id")
    WHEN 'milestone_slip' THEN "reason" || jsonb_build_object('milestoneId', "milestone_id")
    ELSE "reason"
  END);--> statement-breakpoint
CREATE TEMPORARY TABLE "agenda_0012" ON COMMIT DROP AS
SELECT a."id", a."meeting_id", a."project_id", a."sort", a."decision", a."decision_problem_id", a."decided_at", a."decided_by_id",
  a."reasons"->0 AS "reason",
  CASE a."kind" WHEN 'light' THEN CASE a."reason"->>'light' WHEN 'red' THEN 1 ELSE 4 END
    WHEN 'overdue_problem' THEN 2 WHEN 'milestone_slip' THEN 3 ELSE 5 END AS "rank",
  coalesce((a."reason"->>'daysOverdue')::int, (a."reason"->>'daysLate')::int, 0) AS "days",
  first_value(a."id") OVER (PARTITION BY a."meeting_id", a."project_id"
    ORDER BY (a."decision_problem_id" IS NULL), a."sort", a."id") AS "keeper_id",
  min(a."sort") OVER (PARTITION BY a."meeting_id", a."project_id") AS "group_sort"
FROM "meeting_agenda_items" a
WHERE a."kind" <> 'custom';--> statement-breakpoint
-- The group's item: all reasons, most severe first; the lowest sort; the decisions in agenda order.
UPDATE "meeting_agenda_items" a SET
  "reasons" = g."reasons",
  "kind" = g."reasons"->0->>'kind',
  "sort" = g."group_sort",
  "decision" = g."decision",
  "decided_at" = coalesce(a."decided_at", g."decided_at"),
  "decided_by_id" = coalesce(a."decided_by_id", g."decided_by_id"),
  "version" = a."version" + 1
FROM (
  SELECT "keeper_id", min("group_sort") AS "group_sort",
    jsonb_agg("reason" ORDER BY "rank", "days" DESC, "sort", "id") AS "reasons",
    string_agg("decision", E'\n' ORDER BY "sort", "id")
      FILTER (WHERE "decision" IS NOT NULL AND ("decision_problem_id" IS NULL OR "id" = "keeper_id")) AS "decision",
    max("decided_at") FILTER (WHERE "decision_problem_id" IS NULL OR "id" = "keeper_id") AS "decided_at",
    (array_agg("decided_by_id" ORDER BY "decided_at" DESC NULLS LAST)
      FILTER (WHERE "decided_by_id" IS NOT NULL AND ("decision_problem_id" IS NULL OR "id" = "keeper_id")))[1] AS "decided_by_id"
  FROM "agenda_0012" GROUP BY "keeper_id" HAVING count(*) > 1
) g
WHERE a."id" = g."keeper_id";--> statement-breakpoint
-- A further decided row with its own assigned problem: an office item of the project, titled by the problem.
UPDATE "meeting_agenda_items" a SET
  "kind" = 'custom',
  "reasons" = '[{"kind":"custom"}]'::jsonb,
  "title" = coalesce(a."title", left(regexp_replace(btrim(p."description"), '\s+', ' ', 'g'), 200)),
  "version" = a."version" + 1
FROM "agenda_0012" g, "problems" p
WHERE a."id" = g."id" AND g."id" <> g."keeper_id" AND g."decision_problem_id" IS NOT NULL AND p."id" = g."decision_problem_id";--> statement-breakpoint
DELETE FROM "meeting_agenda_items" a USING "agenda_0012" g
WHERE a."id" = g."id" AND g."id" <> g."keeper_id" AND g."decision_problem_id" IS NULL;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ENABLE TRIGGER "meeting_agenda_items_guard";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ALTER COLUMN "reasons" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_project_uq" ON "meeting_agenda_items" USING btree ("meeting_id","project_id") WHERE "meeting_agenda_items"."kind" <> 'custom';--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP COLUMN "problem_id";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP COLUMN "milestone_id";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" DROP COLUMN "reason";--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_reasons_kind" CHECK (jsonb_typeof("meeting_agenda_items"."reasons") = 'array' AND jsonb_array_length("meeting_agenda_items"."reasons") > 0 AND "meeting_agenda_items"."reasons"->0->>'kind' = "meeting_agenda_items"."kind");--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_refs" CHECK (CASE "meeting_agenda_items"."kind"
        WHEN 'custom' THEN length(btrim(coalesce("meeting_agenda_items"."title", ''))) > 0 AND jsonb_array_length("meeting_agenda_items"."reasons") = 1
        ELSE "meeting_agenda_items"."project_id" IS NOT NULL END);
