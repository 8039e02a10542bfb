CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"working" boolean NOT NULL,
	"name" text NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_days_name_given" CHECK (btrim("calendar_days"."name") <> '')
);
--> statement-breakpoint
CREATE TABLE "procedure_batches" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"held_on" date NOT NULL,
	"outcome" text NOT NULL,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_batches_outcome_given" CHECK (btrim("procedure_batches"."outcome") <> '')
);
--> statement-breakpoint
CREATE TABLE "procedure_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"procedure_id" integer NOT NULL,
	"actor_id" integer,
	"step" text NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "procedure_template_categories" (
	"template_id" integer NOT NULL,
	"category_code" text NOT NULL,
	CONSTRAINT "procedure_template_categories_template_id_category_code_pk" PRIMARY KEY("template_id","category_code")
);
--> statement-breakpoint
CREATE TABLE "procedure_template_step_deps" (
	"step_id" integer NOT NULL,
	"depends_on_id" integer NOT NULL,
	CONSTRAINT "procedure_template_step_deps_step_id_depends_on_id_pk" PRIMARY KEY("step_id","depends_on_id"),
	CONSTRAINT "procedure_template_step_deps_distinct" CHECK ("procedure_template_step_deps"."step_id" <> "procedure_template_step_deps"."depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "procedure_template_steps" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_id" integer NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"agency_kind" text NOT NULL,
	"statutory_days" smallint NOT NULL,
	"committed_days" smallint NOT NULL,
	"documents" text DEFAULT '' NOT NULL,
	"before_start" boolean DEFAULT true NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "procedure_template_steps_days_range" CHECK ("procedure_template_steps"."committed_days" BETWEEN 1 AND "procedure_template_steps"."statutory_days" AND "procedure_template_steps"."statutory_days" <= 365),
	CONSTRAINT "procedure_template_steps_name_given" CHECK (btrim("procedure_template_steps"."name_zh") <> '')
);
--> statement-breakpoint
CREATE TABLE "procedure_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedure_templates_name_given" CHECK (btrim("procedure_templates"."name_zh") <> '')
);
--> statement-breakpoint
CREATE TABLE "project_procedure_deps" (
	"procedure_id" integer NOT NULL,
	"depends_on_id" integer NOT NULL,
	CONSTRAINT "project_procedure_deps_procedure_id_depends_on_id_pk" PRIMARY KEY("procedure_id","depends_on_id"),
	CONSTRAINT "project_procedure_deps_distinct" CHECK ("project_procedure_deps"."procedure_id" <> "project_procedure_deps"."depends_on_id")
);
--> statement-breakpoint
CREATE TABLE "project_procedures" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"template_step_id" integer,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"agency_kind" text NOT NULL,
	"statutory_days" smallint NOT NULL,
	"committed_days" smallint NOT NULL,
	"documents" text DEFAULT '' NOT NULL,
	"before_start" boolean DEFAULT true NOT NULL,
	"sort" smallint DEFAULT 0 NOT NULL,
	"agency_unit_id" integer,
	"state" text DEFAULT 'not_started' NOT NULL,
	"not_applicable_reason" text,
	"submitted_on" date,
	"accepted_on" date,
	"approved_on" date,
	"document_number" text,
	"batch_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "project_procedures_days_range" CHECK ("project_procedures"."committed_days" BETWEEN 1 AND "project_procedures"."statutory_days" AND "project_procedures"."statutory_days" <= 365),
	CONSTRAINT "project_procedures_name_given" CHECK (btrim("project_procedures"."name_zh") <> ''),
	CONSTRAINT "project_procedures_not_applicable_reason" CHECK (("project_procedures"."state" = 'not_applicable') = ("project_procedures"."not_applicable_reason" IS NOT NULL AND btrim("project_procedures"."not_applicable_reason") <> '')),
	CONSTRAINT "project_procedures_accepted_dated" CHECK ("project_procedures"."state" NOT IN ('accepted', 'in_progress', 'approved') OR "project_procedures"."accepted_on" IS NOT NULL),
	CONSTRAINT "project_procedures_approved_dated" CHECK (("project_procedures"."state" = 'approved') = ("project_procedures"."approved_on" IS NOT NULL) AND ("project_procedures"."state" <> 'approved' OR btrim(coalesce("project_procedures"."document_number", '')) <> '')),
	CONSTRAINT "project_procedures_dates_ordered" CHECK (("project_procedures"."submitted_on" IS NULL OR "project_procedures"."accepted_on" IS NULL OR "project_procedures"."submitted_on" <= "project_procedures"."accepted_on") AND ("project_procedures"."accepted_on" IS NULL OR "project_procedures"."approved_on" IS NULL OR "project_procedures"."accepted_on" <= "project_procedures"."approved_on"))
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "agency_kind" text;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_batches" ADD CONSTRAINT "procedure_batches_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_batches" ADD CONSTRAINT "procedure_batches_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_events" ADD CONSTRAINT "procedure_events_procedure_id_project_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."project_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_events" ADD CONSTRAINT "procedure_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_template_categories" ADD CONSTRAINT "procedure_template_categories_template_id_procedure_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."procedure_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_template_categories" ADD CONSTRAINT "procedure_template_categories_category_code_categories_code_fk" FOREIGN KEY ("category_code") REFERENCES "public"."categories"("code") ON DELETE no action ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "procedure_template_step_deps" ADD CONSTRAINT "procedure_template_step_deps_step_id_procedure_template_steps_id_fk" FOREIGN KEY ("step_id") REFERENCES "public"."procedure_template_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_template_step_deps" ADD CONSTRAINT "procedure_template_step_deps_depends_on_id_procedure_template_steps_id_fk" FOREIGN KEY ("depends_on_id") REFERENCES "public"."procedure_template_steps"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedure_template_steps" ADD CONSTRAINT "procedure_template_steps_template_id_procedure_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."procedure_templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedure_deps" ADD CONSTRAINT "project_procedure_deps_procedure_id_project_procedures_id_fk" FOREIGN KEY ("procedure_id") REFERENCES "public"."project_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedure_deps" ADD CONSTRAINT "project_procedure_deps_depends_on_id_project_procedures_id_fk" FOREIGN KEY ("depends_on_id") REFERENCES "public"."project_procedures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedures" ADD CONSTRAINT "project_procedures_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedures" ADD CONSTRAINT "project_procedures_template_step_id_procedure_template_steps_id_fk" FOREIGN KEY ("template_step_id") REFERENCES "public"."procedure_template_steps"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedures" ADD CONSTRAINT "project_procedures_agency_unit_id_units_id_fk" FOREIGN KEY ("agency_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedures" ADD CONSTRAINT "project_procedures_batch_id_procedure_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."procedure_batches"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_procedures" ADD CONSTRAINT "project_procedures_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "procedure_batches_project_idx" ON "procedure_batches" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "procedure_events_procedure_idx" ON "procedure_events" USING btree ("procedure_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_template_steps_name_uq" ON "procedure_template_steps" USING btree ("template_id","name_zh");--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_templates_name_uq" ON "procedure_templates" USING btree ("name_zh");--> statement-breakpoint
CREATE INDEX "project_procedure_deps_depends_idx" ON "project_procedure_deps" USING btree ("depends_on_id");--> statement-breakpoint
CREATE UNIQUE INDEX "project_procedures_name_uq" ON "project_procedures" USING btree ("project_id","name_zh");--> statement-breakpoint
CREATE INDEX "project_procedures_agency_idx" ON "project_procedures" USING btree ("agency_unit_id","state");--> statement-breakpoint
CREATE INDEX "project_procedures_state_idx" ON "project_procedures" USING btree ("state","accepted_on");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_has_unit" CHECK ("users"."role" <> 'department' OR "users"."unit_id" IS NOT NULL);--> statement-breakpoint
-- A dependency joins two procedures of one project.
CREATE OR REPLACE FUNCTION project_procedure_deps_same_project() RETURNS trigger AS $$
BEGIN
  IF (SELECT project_id FROM "project_procedures" WHERE id = NEW.procedure_id)
     IS DISTINCT FROM (SELECT project_id FROM "project_procedures" WHERE id = NEW.depends_on_id) THEN
    RAISE EXCEPTION 'procedure % and % belong to different projects', NEW.procedure_id, NEW.depends_on_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'project_procedure_deps_same_project';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER project_procedure_deps_same_project BEFORE INSERT OR UPDATE ON "project_procedure_deps"
  FOR EACH ROW EXECUTE FUNCTION project_procedure_deps_same_project();
--> statement-breakpoint
-- The serial rule: a procedure is accepted only once every procedure it depends on is approved or
-- does not apply (不涉及).
CREATE OR REPLACE FUNCTION project_procedures_dependencies_approved() RETURNS trigger AS $$
BEGIN
  IF NEW.state IN ('accepted', 'in_progress', 'approved')
     AND (TG_OP = 'INSERT' OR OLD.state NOT IN ('accepted', 'in_progress', 'approved'))
     AND EXISTS (
       SELECT 1 FROM "project_procedure_deps" d JOIN "project_procedures" p ON p.id = d.depends_on_id
       WHERE d.procedure_id = NEW.id AND p.state NOT IN ('approved', 'not_applicable')) THEN
    RAISE EXCEPTION 'procedure % depends on procedures not yet approved', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'project_procedures_dependencies_approved';
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER project_procedures_dependencies_approved BEFORE INSERT OR UPDATE OF state ON "project_procedures"
  FOR EACH ROW EXECUTE FUNCTION project_procedures_dependencies_approved();
