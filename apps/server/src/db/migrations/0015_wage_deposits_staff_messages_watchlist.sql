CREATE TABLE "credit_watch_rules" (
	"kind" text PRIMARY KEY NOT NULL,
	"enabled" boolean NOT NULL,
	"overdue_count" integer NOT NULL,
	"within_days" integer NOT NULL,
	"updated_by_staff_id" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_watchlist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"rule" text NOT NULL,
	"region_code" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by_staff_id" uuid
);
--> statement-breakpoint
CREATE TABLE "staff_inbox_counters" (
	"staff_id" uuid PRIMARY KEY NOT NULL,
	"unread" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"ref_type" text,
	"ref_id" uuid,
	"dedupe_key" text NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_deposit_accounts" (
	"employer_id" uuid PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"deposited_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"drawn_fen" bigint DEFAULT 0 NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "employer_deposit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"employer_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"balance_after_fen" bigint NOT NULL,
	"occurred_on" date NOT NULL,
	"bank_reference" text,
	"file_id" uuid,
	"note" text,
	"batch_id" uuid,
	"batch_line_id" uuid,
	"recorded_by_staff_id" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "credit_watchlist_active_uq" ON "credit_watchlist" USING btree ("subject_type","subject_id") WHERE "credit_watchlist"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "credit_watchlist_region_idx" ON "credit_watchlist" USING btree ("region_code","created_at");--> statement-breakpoint
CREATE INDEX "staff_notifications_staff_idx" ON "staff_notifications" USING btree ("staff_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_notifications_dedupe_uq" ON "staff_notifications" USING btree ("staff_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "employer_deposit_accounts_region_idx" ON "employer_deposit_accounts" USING btree ("region_code");--> statement-breakpoint
CREATE INDEX "employer_deposit_entries_employer_idx" ON "employer_deposit_entries" USING btree ("employer_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "employer_deposit_entries_line_uq" ON "employer_deposit_entries" USING btree ("batch_line_id","kind");