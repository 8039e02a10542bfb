CREATE TABLE "annual_plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"planned_investment" numeric(14, 2) NOT NULL,
	"monthly_targets" jsonb,
	"targets" text,
	"frozen_investment" numeric(14, 2),
	"frozen_monthly_targets" jsonb,
	"frozen_at" timestamp with time zone,
	"updated_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_plans_year_range" CHECK ("annual_plans"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "annual_plans_investment_nonneg" CHECK ("annual_plans"."planned_investment" >= 0),
	CONSTRAINT "annual_plans_frozen_nonneg" CHECK ("annual_plans"."frozen_investment" IS NULL OR "annual_plans"."frozen_investment" >= 0),
	CONSTRAINT "annual_plans_monthly_shape" CHECK ("annual_plans"."monthly_targets" IS NULL OR (jsonb_typeof("annual_plans"."monthly_targets") = 'array' AND jsonb_array_length("annual_plans"."monthly_targets") = 12)),
	CONSTRAINT "annual_plans_frozen_monthly_shape" CHECK ("annual_plans"."frozen_monthly_targets" IS NULL OR (jsonb_typeof("annual_plans"."frozen_monthly_targets") = 'array' AND jsonb_array_length("annual_plans"."frozen_monthly_targets") = 12)),
	CONSTRAINT "annual_plans_frozen_complete" CHECK (("annual_plans"."frozen_at" IS NULL) = ("annual_plans"."frozen_investment" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "baseline_freezes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"frozen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"frozen_by_id" integer,
	"plan_count" integer DEFAULT 0 NOT NULL,
	"milestone_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "baseline_freezes_year_unique" UNIQUE("year"),
	CONSTRAINT "baseline_freezes_year_range" CHECK ("baseline_freezes"."year" BETWEEN 2000 AND 2100)
);
--> statement-breakpoint
CREATE TABLE "light_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"light" text NOT NULL,
	"reason" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"created_by_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cleared_at" timestamp with time zone,
	"cleared_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "light_overrides_reason_nonempty" CHECK (length(btrim("light_overrides"."reason")) > 0),
	CONSTRAINT "light_overrides_dates" CHECK ("light_overrides"."starts_on" <= "light_overrides"."ends_on")
);
--> statement-breakpoint
CREATE TABLE "project_lights" (
	"id" serial PRIMARY KEY NOT NULL,
	"project_id" integer NOT NULL,
	"period_id" integer NOT NULL,
	"light" text NOT NULL,
	"rule_set_id" integer NOT NULL,
	"rule_set_version" integer NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"measures" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"computed_by_id" integer
);
--> statement-breakpoint
CREATE TABLE "rule_sets" (
	"id" serial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"active" boolean DEFAULT false NOT NULL,
	"note" text,
	"created_by_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_sets_version_pos" CHECK ("rule_sets"."version" >= 1),
	CONSTRAINT "rule_sets_name_nonempty" CHECK (length(btrim("rule_sets"."name")) > 0)
);
--> statement-breakpoint
CREATE TABLE "rules" (
	"id" serial PRIMARY KEY NOT NULL,
	"rule_set_id" integer NOT NULL,
	"measure" text NOT NULL,
	"comparison" text NOT NULL,
	"threshold" numeric(10, 2) NOT NULL,
	"light" text NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "rules_threshold_nonneg" CHECK ("rules"."threshold" >= 0)
);
--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_plans" ADD CONSTRAINT "annual_plans_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "baseline_freezes" ADD CONSTRAINT "baseline_freezes_frozen_by_id_users_id_fk" FOREIGN KEY ("frozen_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "light_overrides" ADD CONSTRAINT "light_overrides_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "light_overrides" ADD CONSTRAINT "light_overrides_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "light_overrides" ADD CONSTRAINT "light_overrides_cleared_by_id_users_id_fk" FOREIGN KEY ("cleared_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_lights" ADD CONSTRAINT "project_lights_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_lights" ADD CONSTRAINT "project_lights_period_id_reporting_periods_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_periods"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_lights" ADD CONSTRAINT "project_lights_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_lights" ADD CONSTRAINT "project_lights_computed_by_id_users_id_fk" FOREIGN KEY ("computed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_sets" ADD CONSTRAINT "rule_sets_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rules" ADD CONSTRAINT "rules_rule_set_id_rule_sets_id_fk" FOREIGN KEY ("rule_set_id") REFERENCES "public"."rule_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_plans_project_year_uq" ON "annual_plans" USING btree ("project_id","year");--> statement-breakpoint
CREATE INDEX "annual_plans_year_idx" ON "annual_plans" USING btree ("year","project_id");--> statement-breakpoint
CREATE INDEX "light_overrides_project_idx" ON "light_overrides" USING btree ("project_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "light_overrides_one_open_uq" ON "light_overrides" USING btree ("project_id") WHERE "light_overrides"."cleared_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "project_lights_project_period_uq" ON "project_lights" USING btree ("project_id","period_id");--> statement-breakpoint
CREATE INDEX "project_lights_period_idx" ON "project_lights" USING btree ("period_id","light");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_sets_key_version_uq" ON "rule_sets" USING btree ("key","version");--> statement-breakpoint
CREATE UNIQUE INDEX "rule_sets_one_active_uq" ON "rule_sets" USING btree ("active") WHERE "rule_sets"."active";--> statement-breakpoint
CREATE INDEX "rules_rule_set_idx" ON "rules" USING btree ("rule_set_id","sort");