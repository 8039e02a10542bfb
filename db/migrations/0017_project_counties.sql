CREATE TABLE "project_counties" (
	"project_id" integer NOT NULL,
	"county_id" integer NOT NULL,
	CONSTRAINT "project_counties_project_id_county_id_pk" PRIMARY KEY("project_id","county_id")
);
--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "location" text;--> statement-breakpoint
ALTER TABLE "project_counties" ADD CONSTRAINT "project_counties_project_id_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "project_counties" ADD CONSTRAINT "project_counties_county_id_counties_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."counties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "project_counties_county_idx" ON "project_counties" USING btree ("county_id","project_id");--> statement-breakpoint
-- The responsible county is always one of the counties the project touches: any insert of a
-- project, or a change of its responsible county, adds it; its row cannot be removed while the
-- county is responsible (a project's own deletion cascades, as the project is gone by then).
CREATE OR REPLACE FUNCTION project_counties_add_responsible() RETURNS trigger AS $$
BEGIN
  IF NEW.county_id IS NOT NULL THEN
    INSERT INTO "project_counties" ("project_id", "county_id") VALUES (NEW.id, NEW.county_id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER projects_responsible_county_touched AFTER INSERT OR UPDATE OF county_id ON "projects"
  FOR EACH ROW EXECUTE FUNCTION project_counties_add_responsible();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION project_counties_keep_responsible() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "projects" p WHERE p.id = OLD.project_id AND p.county_id = OLD.county_id) THEN
    RAISE EXCEPTION 'the responsible county of project % is one of its counties', OLD.project_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'project_counties_responsible';
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER project_counties_responsible_kept BEFORE DELETE OR UPDATE ON "project_counties"
  FOR EACH ROW EXECUTE FUNCTION project_counties_keep_responsible();
--> statement-breakpoint
-- Backfill: a project with a responsible county touches that county.
INSERT INTO "project_counties" ("project_id", "county_id")
SELECT "id", "county_id" FROM "projects" WHERE "county_id" IS NOT NULL;
