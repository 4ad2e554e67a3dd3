CREATE TABLE "grievance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grievance_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" uuid NOT NULL,
	"actor_side" text,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "grievances" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"filer_side" text NOT NULL,
	"filer_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"content" text NOT NULL,
	"photo_file_id" uuid,
	"status" text DEFAULT 'submitted' NOT NULL,
	"region_code" text NOT NULL,
	"handler_staff_id" uuid,
	"resolution" text,
	"escalation_reason" text,
	"accepted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "grievance_events_grievance_idx" ON "grievance_events" USING btree ("grievance_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "grievances_open_uq" ON "grievances" USING btree ("application_id","filer_side") WHERE "grievances"."status" in ('submitted', 'accepted', 'in_progress');--> statement-breakpoint
CREATE INDEX "grievances_region_idx" ON "grievances" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "grievances_employer_idx" ON "grievances" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "grievances_worker_idx" ON "grievances" USING btree ("worker_id");