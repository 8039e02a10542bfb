ALTER TABLE "projects" ADD COLUMN "possible_duplicate_of_id" integer;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "duplicate_decision" text;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_possible_duplicate_of_id_projects_id_fk" FOREIGN KEY ("possible_duplicate_of_id") REFERENCES "public"."projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "projects" ADD CONSTRAINT "projects_duplicate_not_self" CHECK ("projects"."possible_duplicate_of_id" IS NULL OR "projects"."possible_duplicate_of_id" <> "projects"."id");