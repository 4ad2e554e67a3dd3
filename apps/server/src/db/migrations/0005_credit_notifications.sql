CREATE TABLE "credit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"points" integer NOT NULL,
	"ref_type" text,
	"ref_id" uuid,
	"reason" text,
	"actor_user_id" uuid,
	"actor_staff_id" uuid,
	"region_code" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"points" integer NOT NULL,
	"updated_by_staff_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_scores" (
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"ref_type" text,
	"ref_id" uuid,
	"sms_queued" text DEFAULT 'no' NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "credit_events_subject_idx" ON "credit_events" USING btree ("subject_type","subject_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_events_once_uq" ON "credit_events" USING btree ("subject_type","subject_id","kind","ref_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_scores_subject_uq" ON "credit_scores" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "credit_scores_score_idx" ON "credit_scores" USING btree ("subject_type","score");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");