CREATE TABLE "wage_batch_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"statement_id" uuid NOT NULL,
	"amount_fen" integer NOT NULL,
	"status" text NOT NULL,
	"bank_message" text
);
--> statement-breakpoint
CREATE TABLE "wage_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"region_code" text NOT NULL,
	"status" text NOT NULL,
	"line_count" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"created_by_staff_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "wage_escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"grievance_id" uuid NOT NULL,
	"level" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"idempotency_key" text NOT NULL,
	"provider" text NOT NULL,
	"method" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"reference" text,
	"photo_file_id" uuid,
	"recorded_by_side" text NOT NULL,
	"recorded_by_id" uuid,
	"paid_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_statement_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_side" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"total_fen" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_statement_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"statement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" integer NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"application_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"employer_id" uuid NOT NULL,
	"town_code" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"unit" text NOT NULL,
	"rate_fen" integer NOT NULL,
	"days" integer NOT NULL,
	"minutes" integer NOT NULL,
	"pieces" integer NOT NULL,
	"base_fen" integer NOT NULL,
	"additions_fen" integer NOT NULL,
	"deductions_fen" integer NOT NULL,
	"total_fen" integer NOT NULL,
	"status" text NOT NULL,
	"due_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"dispute_reason" text,
	"dispute_photo_file_id" uuid,
	"grievance_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"issued_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "worker_bank_accounts" (
	"worker_id" uuid PRIMARY KEY NOT NULL,
	"bank_name" text NOT NULL,
	"account_enc" text NOT NULL,
	"account_last4" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "agreed_wage_fen" integer;--> statement-breakpoint
ALTER TABLE "applications" ADD COLUMN "pay_within_days" integer;--> statement-breakpoint
CREATE UNIQUE INDEX "wage_batch_lines_no_uq" ON "wage_batch_lines" USING btree ("batch_id","line_no");--> statement-breakpoint
CREATE INDEX "wage_batch_lines_stmt_idx" ON "wage_batch_lines" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_batches_number_uq" ON "wage_batches" USING btree ("number");--> statement-breakpoint
CREATE INDEX "wage_batches_region_idx" ON "wage_batches" USING btree ("region_code");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_escalations_level_uq" ON "wage_escalations" USING btree ("statement_id","level");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_payments_statement_uq" ON "wage_payments" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_payments_key_uq" ON "wage_payments" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "wage_statement_events_stmt_idx" ON "wage_statement_events" USING btree ("statement_id","at");--> statement-breakpoint
CREATE INDEX "wage_statement_lines_stmt_idx" ON "wage_statement_lines" USING btree ("statement_id");--> statement-breakpoint
CREATE UNIQUE INDEX "wage_statements_period_uq" ON "wage_statements" USING btree ("application_id","period_start");--> statement-breakpoint
CREATE INDEX "wage_statements_worker_idx" ON "wage_statements" USING btree ("worker_id","status");--> statement-breakpoint
CREATE INDEX "wage_statements_employer_idx" ON "wage_statements" USING btree ("employer_id","status");--> statement-breakpoint
CREATE INDEX "wage_statements_town_idx" ON "wage_statements" USING btree ("town_code","status");--> statement-breakpoint
CREATE INDEX "wage_statements_due_idx" ON "wage_statements" USING btree ("status","due_date");