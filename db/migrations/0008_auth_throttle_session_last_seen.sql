CREATE TABLE "auth_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"username" text,
	"address" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failure_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone,
	"last_success_at" timestamp with time zone,
	"reported_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_throttle_failures_nonneg" CHECK ("auth_throttle"."failures" >= 0)
);
--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "last_seen_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "auth_throttle_username_idx" ON "auth_throttle" USING btree ("username");--> statement-breakpoint
CREATE INDEX "auth_throttle_updated_idx" ON "auth_throttle" USING btree ("updated_at");