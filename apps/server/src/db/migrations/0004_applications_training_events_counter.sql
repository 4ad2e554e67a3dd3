CREATE TABLE "application_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_side" text NOT NULL,
	"actor_user_id" uuid NOT NULL,
	"reason" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"status" text NOT NULL,
	"origin" text NOT NULL,
	"ended_by" text,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"hired_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delivery_confirmations" (
	"delivery_id" uuid NOT NULL,
	"party" text NOT NULL,
	"confirmed_count" integer NOT NULL,
	"confirmer" text NOT NULL,
	"discrepancy" integer NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorder_staff_id" uuid,
	"confirmed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "delivery_confirmations_delivery_id_party_pk" PRIMARY KEY("delivery_id","party")
);
--> statement-breakpoint
CREATE TABLE "event_attendees" (
	"event_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"checked_in_at" timestamp with time zone NOT NULL,
	CONSTRAINT "event_attendees_event_id_worker_id_pk" PRIMARY KEY("event_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "event_employers" (
	"event_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"job_ids" uuid[] DEFAULT '{}' NOT NULL,
	CONSTRAINT "event_employers_event_id_employer_id_pk" PRIMARY KEY("event_id","employer_id")
);
--> statement-breakpoint
CREATE TABLE "recruitment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"station_kind" text,
	"title" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text DEFAULT '' NOT NULL,
	"platform" text DEFAULT '' NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"checkin_secret" text NOT NULL,
	"intentions" integer DEFAULT 0 NOT NULL,
	"hires" integer DEFAULT 0 NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"delivered_on" date NOT NULL,
	"worker_ids" uuid[] NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "class_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"teacher" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "class_sessions_course_seq_uq" UNIQUE("course_id","seq")
);
--> statement-breakpoint
CREATE TABLE "session_attendance" (
	"session_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	CONSTRAINT "session_attendance_session_id_worker_id_pk" PRIMARY KEY("session_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "training_courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"provider_id" uuid NOT NULL,
	"trade" text NOT NULL,
	"title" text NOT NULL,
	"hours" integer NOT NULL,
	"session_count" integer NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"place" text NOT NULL,
	"capacity" integer NOT NULL,
	"funding" text NOT NULL,
	"eligible_groups" text[] DEFAULT '{}' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"subsidised" boolean NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"enrolled_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_enrolments_course_worker_uq" UNIQUE("course_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "training_needs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"trade" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_providers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"contact" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_recommendations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_recommendations_course_worker_uq" UNIQUE("course_id","worker_id")
);
--> statement-breakpoint
CREATE TABLE "worker_registration_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"method" text NOT NULL,
	"signature_file_id" uuid,
	"policy_version" text NOT NULL,
	"recorded_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "employer_invitations" ALTER COLUMN "invited_by_user_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_invitations" ADD COLUMN "role" text DEFAULT 'member' NOT NULL;--> statement-breakpoint
ALTER TABLE "employer_invitations" ADD COLUMN "invited_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "application_events" ADD CONSTRAINT "application_events_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_registration_consents" ADD CONSTRAINT "worker_registration_consents_worker_id_worker_profiles_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "application_events" USING btree ("application_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_job_worker_uq" ON "applications" USING btree ("job_id","worker_id");--> statement-breakpoint
CREATE INDEX "applications_worker_idx" ON "applications" USING btree ("worker_id","status");--> statement-breakpoint
CREATE INDEX "applications_job_idx" ON "applications" USING btree ("job_id","status");--> statement-breakpoint
CREATE INDEX "recruitment_events_region_idx" ON "recruitment_events" USING btree ("region_code","held_at");--> statement-breakpoint
CREATE INDEX "worker_deliveries_region_idx" ON "worker_deliveries" USING btree ("region_code","delivered_on");--> statement-breakpoint
CREATE INDEX "class_sessions_region_idx" ON "class_sessions" USING btree ("region_code","held_at");--> statement-breakpoint
CREATE INDEX "training_courses_region_idx" ON "training_courses" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "training_courses_trade_idx" ON "training_courses" USING btree ("trade");--> statement-breakpoint
CREATE INDEX "training_needs_region_idx" ON "training_needs" USING btree ("region_code","trade");--> statement-breakpoint
CREATE INDEX "training_needs_worker_idx" ON "training_needs" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "training_recommendations_region_idx" ON "training_recommendations" USING btree ("region_code","sent_at");--> statement-breakpoint
CREATE INDEX "training_recommendations_worker_idx" ON "training_recommendations" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "worker_registration_consents_worker_idx" ON "worker_registration_consents" USING btree ("worker_id");