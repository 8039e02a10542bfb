CREATE TABLE "portfolio_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"kind" text NOT NULL,
	"target" numeric(14, 2) NOT NULL,
	"unit_zh" text NOT NULL,
	"unit_en" text NOT NULL,
	"source_section" text NOT NULL,
	"source_quote" text NOT NULL,
	"actual" numeric(14, 2),
	"actual_as_of" date,
	"actual_source" text,
	"sort" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by_id" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "portfolio_targets_year_range" CHECK ("portfolio_targets"."year" BETWEEN 2000 AND 2100),
	CONSTRAINT "portfolio_targets_kind" CHECK ("portfolio_targets"."kind" IN ('count', 'growth')),
	CONSTRAINT "portfolio_targets_target_positive" CHECK ("portfolio_targets"."target" > 0),
	CONSTRAINT "portfolio_targets_actual_dated" CHECK (("portfolio_targets"."actual" IS NULL) = ("portfolio_targets"."actual_as_of" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "portfolio_targets" ADD CONSTRAINT "portfolio_targets_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "portfolio_targets_year_code_uq" ON "portfolio_targets" USING btree ("year","code");