CREATE TABLE "capacity_baselines" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"source" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "capacity_baselines_year_range" CHECK ("capacity_baselines"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "capacity_baselines_amount_not_negative" CHECK ("capacity_baselines"."amount" >= 0),
	CONSTRAINT "capacity_baselines_source_given" CHECK (btrim("capacity_baselines"."source") <> '')
);
--> statement-breakpoint
ALTER TABLE "milestones" ADD COLUMN "capacity" numeric(14, 2);--> statement-breakpoint
ALTER TABLE "capacity_baselines" ADD CONSTRAINT "capacity_baselines_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "capacity_baselines_year_uq" ON "capacity_baselines" USING btree ("year");--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_capacity_not_negative" CHECK ("milestones"."capacity" >= 0);--> statement-breakpoint
ALTER TABLE "milestones" ADD CONSTRAINT "milestones_capacity_grid_only" CHECK ("milestones"."capacity" IS NULL OR "milestones"."kind" = 'grid_connection');