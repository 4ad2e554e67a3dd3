CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_kind" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"mime" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"employer_id" uuid NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"invited_by_user_id" uuid NOT NULL,
	"accepted_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"accepted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "occupation_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"occupation_id" uuid NOT NULL,
	"action" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "guidance_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"session_at" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"advice" text NOT NULL,
	"next_step" text DEFAULT '' NOT NULL,
	"followup_date" date,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmakings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"job_id" uuid,
	"employer_id" uuid,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"source" text NOT NULL,
	"recorder_staff_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registration_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"next_date" date,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"old_value" jsonb,
	"new_value" jsonb NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"version" text NOT NULL,
	"ip" text,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"name" text NOT NULL,
	"level" text DEFAULT '' NOT NULL,
	"number" text DEFAULT '' NOT NULL,
	"photo_file_id" uuid,
	"sort" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_skills" (
	"worker_id" uuid NOT NULL,
	"occupation_id" uuid NOT NULL,
	"years" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "worker_skills_worker_id_occupation_id_pk" PRIMARY KEY("worker_id","occupation_id")
);
--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "lng" double precision;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "verification_reason" text;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "verified_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "employers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "age_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "search_tokens" "tsvector";--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "moderation" jsonb;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "reviewed_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "submitted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "job_postings" ADD COLUMN "closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "ethnicity" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "education" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "availability_weekdays" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "availability_day_parts" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "earliest_start" date;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "expected_pay_fen" integer;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "expected_pay_unit" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "max_distance_km" integer;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "job_kinds" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "training_intentions" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "bio" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "priority_groups_verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "employer_invitations" ADD CONSTRAINT "employer_invitations_employer_id_employers_id_fk" FOREIGN KEY ("employer_id") REFERENCES "public"."employers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_certificates" ADD CONSTRAINT "worker_certificates_worker_id_worker_profiles_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worker_skills" ADD CONSTRAINT "worker_skills_worker_id_worker_profiles_id_fk" FOREIGN KEY ("worker_id") REFERENCES "public"."worker_profiles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_owner_idx" ON "files" USING btree ("owner_kind","owner_id");--> statement-breakpoint
CREATE INDEX "employer_invitations_phone_idx" ON "employer_invitations" USING btree ("phone_hash","status");--> statement-breakpoint
CREATE INDEX "employer_invitations_employer_idx" ON "employer_invitations" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "occupation_changes_occupation_idx" ON "occupation_changes" USING btree ("occupation_id","changed_at");--> statement-breakpoint
CREATE INDEX "guidance_sessions_region_idx" ON "guidance_sessions" USING btree ("region_code","session_at");--> statement-breakpoint
CREATE INDEX "guidance_sessions_worker_idx" ON "guidance_sessions" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "matchmakings_region_idx" ON "matchmakings" USING btree ("region_code","occurred_at");--> statement-breakpoint
CREATE INDEX "matchmakings_worker_idx" ON "matchmakings" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "matchmakings_job_idx" ON "matchmakings" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "registration_followups_worker_idx" ON "registration_followups" USING btree ("worker_id","contacted_at");--> statement-breakpoint
CREATE INDEX "registration_followups_region_idx" ON "registration_followups" USING btree ("region_code","contacted_at");--> statement-breakpoint
CREATE INDEX "settings_history_key_idx" ON "settings_history" USING btree ("key","changed_at");--> statement-breakpoint
CREATE INDEX "user_consents_user_idx" ON "user_consents" USING btree ("user_id","kind");--> statement-breakpoint
CREATE INDEX "worker_certificates_worker_idx" ON "worker_certificates" USING btree ("worker_id");--> statement-breakpoint
CREATE INDEX "worker_skills_occupation_idx" ON "worker_skills" USING btree ("occupation_id");--> statement-breakpoint
CREATE INDEX "job_postings_search_idx" ON "job_postings" USING gin ("search_tokens");--> statement-breakpoint
CREATE INDEX "job_postings_status_end_idx" ON "job_postings" USING btree ("status","end_date");