CREATE TABLE "plan_year_projects" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"project_id" integer NOT NULL,
	"joined_as" text NOT NULL,
	"responsible_leader_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_year_projects_joined_as" CHECK ("plan_year_projects"."joined_as" IN ('report', 'continued', 'new'))
);
--> statement-breakpoint
CREATE TABLE "plan_years" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"state" text DEFAULT 'open' NOT NULL,
	"created_from_year" smallint,
	"created_by_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_years_year_range" CHECK ("plan_years"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "plan_years_from_before" CHECK ("plan_years"."created_from_year" IS NULL OR "plan_years"."created_from_year" < "plan_years"."year"),
	CONSTRAINT "plan_years_state" CHECK ("plan_years"."state" IN ('open', 'closed'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_year_projects_year_project_uq" ON "plan_year_projects" USING btree ("year","project_id");
--> statement-breakpoint
CREATE INDEX "plan_year_projects_project_idx" ON "plan_year_projects" USING btree ("project_id","year");
--> statement-breakpoint
CREATE UNIQUE INDEX "plan_years_year_uq" ON "plan_years" USING btree ("year");
--> statement-breakpoint
ALTER TABLE "plan_year_projects" ADD CONSTRAINT "plan_year_projects_year_plan_years_year_fk" FOREIGN KEY ("year") REFERENCES "public"."plan_years"("year") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_year_projects" ADD CONSTRAINT "plan_year_projects_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_year_projects" ADD CONSTRAINT "plan_year_projects_responsible_leader_id_users_id_fk" FOREIGN KEY ("responsible_leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "plan_years" ADD CONSTRAINT "plan_years_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
-- Backfill: each year that has annual plans gets a list with those projects. A project joined
-- as 'report' when its report target is that year's, as 'continued' when it had a plan the year
-- before, as 'new' otherwise. A year followed by a later list is closed (it was rolled over).
INSERT INTO "plan_years" ("year", "state")
SELECT DISTINCT ap."year", 'open' FROM "annual_plans" ap;--> statement-breakpoint
UPDATE "plan_years" py SET "state" = 'closed'
WHERE EXISTS (SELECT 1 FROM "plan_years" later WHERE later."year" > py."year");--> statement-breakpoint
INSERT INTO "plan_year_projects" ("year", "project_id", "joined_as", "created_at")
SELECT ap."year", ap."project_id",
  CASE
    WHEN p."target_year" = ap."year" AND p."sources" -> 'annualTarget' ->> 'kind' = 'report' THEN 'report'
    WHEN EXISTS (SELECT 1 FROM "annual_plans" prev WHERE prev."project_id" = ap."project_id" AND prev."year" = ap."year" - 1) THEN 'continued'
    ELSE 'new'
  END,
  ap."created_at"
FROM "annual_plans" ap
JOIN "projects" p ON p."id" = ap."project_id";
