CREATE TABLE "job_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"last_started_at" timestamp with time zone NOT NULL,
	"last_instance" text NOT NULL,
	"run_count" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "job_runs_run_count_positive" CHECK ("job_runs"."run_count" > 0)
);
