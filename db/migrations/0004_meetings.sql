CREATE TABLE "meeting_agenda_items" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"kind" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"project_id" integer,
	"problem_id" integer,
	"milestone_id" integer,
	"title" text,
	"reason" jsonb NOT NULL,
	"decision" text,
	"decision_problem_id" integer,
	"decided_at" timestamp with time zone,
	"decided_by_id" integer,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agenda_items_kind_valid" CHECK ("meeting_agenda_items"."kind" IN ('light', 'overdue_problem', 'milestone_slip', 'carried_over', 'custom')),
	CONSTRAINT "meeting_agenda_items_reason_kind" CHECK ("meeting_agenda_items"."reason"->>'kind' = "meeting_agenda_items"."kind"),
	CONSTRAINT "meeting_agenda_items_refs" CHECK (CASE "meeting_agenda_items"."kind"
        WHEN 'light' THEN "meeting_agenda_items"."project_id" IS NOT NULL
        WHEN 'milestone_slip' THEN "meeting_agenda_items"."project_id" IS NOT NULL AND "meeting_agenda_items"."milestone_id" IS NOT NULL
        WHEN 'overdue_problem' THEN "meeting_agenda_items"."project_id" IS NOT NULL AND "meeting_agenda_items"."problem_id" IS NOT NULL
        WHEN 'carried_over' THEN "meeting_agenda_items"."project_id" IS NOT NULL AND "meeting_agenda_items"."problem_id" IS NOT NULL
        ELSE length(btrim(coalesce("meeting_agenda_items"."title", ''))) > 0 END),
	CONSTRAINT "meeting_agenda_items_title_nonempty" CHECK ("meeting_agenda_items"."title" IS NULL OR length(btrim("meeting_agenda_items"."title")) > 0),
	CONSTRAINT "meeting_agenda_items_decision_nonempty" CHECK ("meeting_agenda_items"."decision" IS NULL OR length(btrim("meeting_agenda_items"."decision")) > 0),
	CONSTRAINT "meeting_agenda_items_problem_needs_decision" CHECK ("meeting_agenda_items"."decision_problem_id" IS NULL OR "meeting_agenda_items"."decision" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "meeting_participants" (
	"id" serial PRIMARY KEY NOT NULL,
	"meeting_id" integer NOT NULL,
	"user_id" integer,
	"unit_id" integer,
	CONSTRAINT "meeting_participants_one" CHECK (("meeting_participants"."user_id" IS NULL) <> ("meeting_participants"."unit_id" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "meeting_snapshot_rows" (
	"meeting_id" integer NOT NULL,
	"sort" integer NOT NULL,
	"project_id" integer NOT NULL,
	"county_id" integer,
	"row" jsonb NOT NULL,
	"milestones" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "meeting_snapshot_rows_pk" PRIMARY KEY("meeting_id","sort")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" serial PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"meeting_date" date NOT NULL,
	"chair_id" integer,
	"scope_category_code" text,
	"scope_county_id" integer,
	"scope_leader_id" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"frozen_at" timestamp with time zone,
	"frozen_by_id" integer,
	"snapshot_year" smallint,
	"snapshot_row_count" integer,
	"held_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"published_by_id" integer,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meetings_title_nonempty" CHECK (length(btrim("meetings"."title")) > 0),
	CONSTRAINT "meetings_status_valid" CHECK ("meetings"."status" IN ('planned', 'held', 'published')),
	CONSTRAINT "meetings_frozen_complete" CHECK (("meetings"."frozen_at" IS NULL) = ("meetings"."snapshot_year" IS NULL) AND ("meetings"."frozen_at" IS NULL) = ("meetings"."snapshot_row_count" IS NULL)),
	CONSTRAINT "meetings_held_frozen" CHECK ("meetings"."status" = 'planned' OR "meetings"."frozen_at" IS NOT NULL),
	CONSTRAINT "meetings_held_at" CHECK (("meetings"."status" = 'planned') = ("meetings"."held_at" IS NULL)),
	CONSTRAINT "meetings_held_chair" CHECK ("meetings"."status" = 'planned' OR "meetings"."chair_id" IS NOT NULL),
	CONSTRAINT "meetings_published_at" CHECK (("meetings"."status" = 'published') = ("meetings"."published_at" IS NOT NULL)),
	CONSTRAINT "meetings_snapshot_year" CHECK ("meetings"."snapshot_year" IS NULL OR "meetings"."snapshot_year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_problem_id_problems_id_fk" FOREIGN KEY ("problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_milestone_id_milestones_id_fk" FOREIGN KEY ("milestone_id") REFERENCES "public"."milestones"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_decision_problem_id_problems_id_fk" FOREIGN KEY ("decision_problem_id") REFERENCES "public"."problems"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD CONSTRAINT "meeting_agenda_items_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_participants" ADD CONSTRAINT "meeting_participants_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_snapshot_rows" ADD CONSTRAINT "meeting_snapshot_rows_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_chair_id_users_id_fk" FOREIGN KEY ("chair_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_scope_category_code_categories_code_fk" FOREIGN KEY ("scope_category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_scope_county_id_counties_id_fk" FOREIGN KEY ("scope_county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_scope_leader_id_users_id_fk" FOREIGN KEY ("scope_leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_frozen_by_id_users_id_fk" FOREIGN KEY ("frozen_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_meeting_idx" ON "meeting_agenda_items" USING btree ("meeting_id","sort","id");--> statement-breakpoint
CREATE INDEX "meeting_agenda_items_problem_idx" ON "meeting_agenda_items" USING btree ("problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_decision_problem_uq" ON "meeting_agenda_items" USING btree ("decision_problem_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_problem_uq" ON "meeting_agenda_items" USING btree ("meeting_id","problem_id") WHERE "meeting_agenda_items"."problem_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_milestone_uq" ON "meeting_agenda_items" USING btree ("meeting_id","milestone_id") WHERE "meeting_agenda_items"."milestone_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_agenda_items_light_uq" ON "meeting_agenda_items" USING btree ("meeting_id","project_id") WHERE "meeting_agenda_items"."kind" = 'light';--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_user_uq" ON "meeting_participants" USING btree ("meeting_id","user_id") WHERE "meeting_participants"."user_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_participants_unit_uq" ON "meeting_participants" USING btree ("meeting_id","unit_id") WHERE "meeting_participants"."unit_id" IS NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_snapshot_rows_project_uq" ON "meeting_snapshot_rows" USING btree ("meeting_id","project_id");--> statement-breakpoint
CREATE INDEX "meeting_snapshot_rows_county_idx" ON "meeting_snapshot_rows" USING btree ("meeting_id","county_id","sort");--> statement-breakpoint
CREATE INDEX "meetings_date_idx" ON "meetings" USING btree ("meeting_date","id");--> statement-breakpoint
CREATE INDEX "meetings_county_idx" ON "meetings" USING btree ("scope_county_id","meeting_date");--> statement-breakpoint
-- Meeting states only move forward, one step at a time (planned → held → published); the
-- frozen status table, the scope it was frozen for, and a published meeting do not change.
CREATE OR REPLACE FUNCTION meetings_guard_update() RETURNS trigger AS $$
DECLARE
  old_rank int := array_position(ARRAY['planned','held','published']::text[], OLD.status);
  new_rank int := array_position(ARRAY['planned','held','published']::text[], NEW.status);
BEGIN
  IF new_rank < old_rank OR new_rank > old_rank + 1 THEN
    RAISE EXCEPTION 'meeting status % cannot become %', OLD.status, NEW.status USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.frozen_at IS NOT NULL AND (
       NEW.frozen_at IS DISTINCT FROM OLD.frozen_at
    OR NEW.snapshot_year IS DISTINCT FROM OLD.snapshot_year
    OR NEW.snapshot_row_count IS DISTINCT FROM OLD.snapshot_row_count
    OR NEW.scope_category_code IS DISTINCT FROM OLD.scope_category_code
    OR NEW.scope_county_id IS DISTINCT FROM OLD.scope_county_id
    OR NEW.scope_leader_id IS DISTINCT FROM OLD.scope_leader_id) THEN
    RAISE EXCEPTION 'the frozen status table of meeting % cannot change', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  IF OLD.status = 'published' AND (
       NEW.title IS DISTINCT FROM OLD.title
    OR NEW.meeting_date IS DISTINCT FROM OLD.meeting_date
    OR NEW.chair_id IS DISTINCT FROM OLD.chair_id
    OR NEW.published_at IS DISTINCT FROM OLD.published_at) THEN
    RAISE EXCEPTION 'meeting % is published', OLD.id USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meetings_guard BEFORE UPDATE ON meetings
  FOR EACH ROW EXECUTE FUNCTION meetings_guard_update();
--> statement-breakpoint
-- A frozen status table is written once and never changed.
CREATE OR REPLACE FUNCTION meeting_snapshot_rows_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'meeting_snapshot_rows is write-once' USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meeting_snapshot_rows_no_change BEFORE UPDATE OR DELETE ON meeting_snapshot_rows
  FOR EACH ROW EXECUTE FUNCTION meeting_snapshot_rows_refuse_change();
--> statement-breakpoint
CREATE TRIGGER meeting_snapshot_rows_no_truncate BEFORE TRUNCATE ON meeting_snapshot_rows
  FOR EACH STATEMENT EXECUTE FUNCTION meeting_snapshot_rows_refuse_change();
--> statement-breakpoint
-- Once the minutes are published, the agenda and its decisions are the record.
CREATE OR REPLACE FUNCTION meeting_agenda_items_guard() RETURNS trigger AS $$
DECLARE
  st text;
BEGIN
  SELECT status INTO st FROM meetings WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END;
  IF st = 'published' THEN
    RAISE EXCEPTION 'the minutes of meeting % are published', CASE WHEN TG_OP = 'DELETE' THEN OLD.meeting_id ELSE NEW.meeting_id END
      USING ERRCODE = 'check_violation';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER meeting_agenda_items_guard BEFORE INSERT OR UPDATE OR DELETE ON meeting_agenda_items
  FOR EACH ROW EXECUTE FUNCTION meeting_agenda_items_guard();
