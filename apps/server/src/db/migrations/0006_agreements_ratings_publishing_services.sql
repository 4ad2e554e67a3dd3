CREATE TABLE "agreement_counters" (
	"year" integer PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreement_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"application_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"template_version" integer NOT NULL,
	"title" text NOT NULL,
	"text_enc" text NOT NULL,
	"text_hash" text NOT NULL,
	"worker_name_masked" text NOT NULL,
	"employer_name" text NOT NULL,
	"job_title" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"worker_signed_at" timestamp with time zone,
	"worker_signed_user_id" uuid,
	"employer_signed_at" timestamp with time zone,
	"employer_signed_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_number_unique" UNIQUE("number"),
	CONSTRAINT "agreements_application_id_unique" UNIQUE("application_id")
);
--> statement-breakpoint
CREATE TABLE "attendance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"day" date NOT NULL,
	"check_in_at" timestamp with time zone NOT NULL,
	"check_in_method" text NOT NULL,
	"check_in_distance_m" integer,
	"check_in_lng" double precision,
	"check_in_lat" double precision,
	"check_out_at" timestamp with time zone,
	"check_out_method" text,
	"check_out_distance_m" integer
);
--> statement-breakpoint
CREATE TABLE "checkin_qr_secrets" (
	"job_id" uuid PRIMARY KEY NOT NULL,
	"secret" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "completions" (
	"application_id" uuid PRIMARY KEY NOT NULL,
	"job_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"amount_due_fen" integer NOT NULL,
	"total_minutes" integer NOT NULL,
	"note" text,
	"confirmed_by_user_id" uuid NOT NULL,
	"confirmed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_followups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"followed_on" date NOT NULL,
	"content" text NOT NULL,
	"next_date" date,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"head_name_enc" text NOT NULL,
	"address_enc" text NOT NULL,
	"member_count" integer NOT NULL,
	"collected_on" date NOT NULL,
	"zero_employment_override" boolean,
	"zero_employment_derived" boolean DEFAULT false NOT NULL,
	"zero_employment" boolean DEFAULT false NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "collection_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"household_id" uuid NOT NULL,
	"village_code" varchar(12) NOT NULL,
	"name_enc" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_index" text NOT NULL,
	"phone_enc" text,
	"gender" text NOT NULL,
	"birth_date" date NOT NULL,
	"relation" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"migrant_destination" text DEFAULT '' NOT NULL,
	"migrant_trade" text DEFAULT '' NOT NULL,
	"migrant_contact_enc" text,
	"needs" text[] DEFAULT '{}' NOT NULL,
	"need_note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_appeals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"target_type" text NOT NULL,
	"target_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"filed_by_user_id" uuid NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision_reason" text,
	"decided_by_staff_id" uuid,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "credit_blacklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"scope" text NOT NULL,
	"reason" text NOT NULL,
	"expires_at" timestamp with time zone,
	"region_code" text NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lifted_at" timestamp with time zone,
	"lifted_by_staff_id" uuid,
	"lift_reason" text
);
--> statement-breakpoint
CREATE TABLE "duty_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"duty_date" date NOT NULL,
	"staff_id" uuid NOT NULL,
	"place" text NOT NULL,
	"station_id" uuid,
	"on_time" varchar(5) NOT NULL,
	"off_time" varchar(5) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "facility_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid,
	"checked_on" date NOT NULL,
	"items" text[] DEFAULT '{}' NOT NULL,
	"result" text NOT NULL,
	"faults" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "station_visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"station_id" uuid NOT NULL,
	"visited_on" date NOT NULL,
	"visitor_staff_id" uuid NOT NULL,
	"content" text NOT NULL,
	"issues_found" text DEFAULT '' NOT NULL,
	"follow_up" text DEFAULT '' NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "worker_tags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"worker_id" uuid NOT NULL,
	"name" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "worker_tags_worker_name_uq" UNIQUE("worker_id","name")
);
--> statement-breakpoint
CREATE TABLE "publication_logs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"publication_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"action" text NOT NULL,
	"staff_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"job_ids" uuid[] DEFAULT '{}' NOT NULL,
	"channels" text[] NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"reject_reason" text,
	"publish_at" timestamp with time zone,
	"unpublish_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"unpublished_at" timestamp with time zone,
	"author_staff_id" uuid,
	"reviewer_staff_id" uuid,
	"reviewed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publicity_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"quality" boolean DEFAULT false NOT NULL,
	"channel" text NOT NULL,
	"title" text NOT NULL,
	"link" text DEFAULT '' NOT NULL,
	"file_id" uuid,
	"published_on" date NOT NULL,
	"reach" integer DEFAULT 0 NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"recorder_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"rater_side" text NOT NULL,
	"rater_user_id" uuid NOT NULL,
	"ratee_id" uuid NOT NULL,
	"stars" integer NOT NULL,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"review_status" text DEFAULT 'clean' NOT NULL,
	"review_hits" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"review_reason" text,
	"reviewed_by_staff_id" uuid,
	"reviewed_at" timestamp with time zone,
	"region_code" text NOT NULL,
	"window_ends_at" timestamp with time zone NOT NULL,
	"revealed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "dedupe_key" text;--> statement-breakpoint
ALTER TABLE "worker_certificates" ADD COLUMN "review_status" text DEFAULT 'pending' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_certificates" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "worker_certificates" ADD COLUMN "reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "worker_certificates" ADD COLUMN "reviewed_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "worker_certificates" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "priority_groups_verified" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "priority_groups_review" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "priority_groups_review_reason" text;--> statement-breakpoint
ALTER TABLE "worker_profiles" ADD COLUMN "priority_groups_reviewed_by_staff_id" uuid;--> statement-breakpoint
ALTER TABLE "publication_logs" ADD CONSTRAINT "publication_logs_publication_id_publications_id_fk" FOREIGN KEY ("publication_id") REFERENCES "public"."publications"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_templates_code_version_uq" ON "agreement_templates" USING btree ("code","version");--> statement-breakpoint
CREATE INDEX "agreements_employer_idx" ON "agreements" USING btree ("employer_id");--> statement-breakpoint
CREATE INDEX "agreements_worker_idx" ON "agreements" USING btree ("worker_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_app_day_uq" ON "attendance_records" USING btree ("application_id","day");--> statement-breakpoint
CREATE INDEX "attendance_job_idx" ON "attendance_records" USING btree ("job_id","day");--> statement-breakpoint
CREATE INDEX "collection_followups_household_idx" ON "collection_followups" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "collection_followups_village_idx" ON "collection_followups" USING btree ("village_code","followed_on");--> statement-breakpoint
CREATE INDEX "collection_households_village_idx" ON "collection_households" USING btree ("village_code","collected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "collection_members_id_number_uq" ON "collection_members" USING btree ("id_number_index");--> statement-breakpoint
CREATE INDEX "collection_members_household_idx" ON "collection_members" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "collection_members_village_idx" ON "collection_members" USING btree ("village_code","status");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_appeals_target_uq" ON "credit_appeals" USING btree ("target_type","target_id");--> statement-breakpoint
CREATE INDEX "credit_appeals_region_idx" ON "credit_appeals" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "credit_blacklist_subject_idx" ON "credit_blacklist" USING btree ("subject_type","subject_id");--> statement-breakpoint
CREATE INDEX "credit_blacklist_region_idx" ON "credit_blacklist" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "duty_shifts_region_day_idx" ON "duty_shifts" USING btree ("region_code","duty_date");--> statement-breakpoint
CREATE INDEX "duty_shifts_staff_day_idx" ON "duty_shifts" USING btree ("staff_id","duty_date");--> statement-breakpoint
CREATE INDEX "facility_checks_region_day_idx" ON "facility_checks" USING btree ("region_code","checked_on");--> statement-breakpoint
CREATE INDEX "station_visits_region_day_idx" ON "station_visits" USING btree ("region_code","visited_on");--> statement-breakpoint
CREATE INDEX "worker_segments_region_idx" ON "worker_segments" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "worker_tags_name_idx" ON "worker_tags" USING btree ("name");--> statement-breakpoint
CREATE INDEX "publication_logs_pub_idx" ON "publication_logs" USING btree ("publication_id","at");--> statement-breakpoint
CREATE INDEX "publications_region_idx" ON "publications" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "publications_status_at_idx" ON "publications" USING btree ("status","publish_at");--> statement-breakpoint
CREATE INDEX "publicity_items_region_idx" ON "publicity_items" USING btree ("region_code","published_on");--> statement-breakpoint
CREATE INDEX "publicity_items_kind_idx" ON "publicity_items" USING btree ("kind","published_on");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_once_uq" ON "ratings" USING btree ("application_id","rater_side");--> statement-breakpoint
CREATE INDEX "ratings_reveal_idx" ON "ratings" USING btree ("revealed_at","window_ends_at");--> statement-breakpoint
CREATE INDEX "ratings_review_idx" ON "ratings" USING btree ("review_status","region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_uq" ON "notifications" USING btree ("dedupe_key");