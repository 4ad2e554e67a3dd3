CREATE TABLE "exchange_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset" text NOT NULL,
	"source_id" uuid NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"idempotency_key" text NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"state" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"reject_code" text,
	"reject_message" text,
	"receipt_id" text,
	"batch_file" text,
	"sent_at" timestamp with time zone,
	"accepted_at" timestamp with time zone,
	"rejected_at" timestamp with time zone,
	"resent_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "exchange_records_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "exchange_records_source_uq" UNIQUE("dataset","source_id")
);
--> statement-breakpoint
CREATE TABLE "partner_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"secret_enc" text NOT NULL,
	"scopes" text[] DEFAULT '{}' NOT NULL,
	"rate_limit_per_min" integer DEFAULT 60 NOT NULL,
	"region_code" varchar(12) NOT NULL,
	"created_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	CONSTRAINT "partner_clients_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "partner_nonces" (
	"client_id" text NOT NULL,
	"nonce" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_nonces_client_id_nonce_pk" PRIMARY KEY("client_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "partner_rate_windows" (
	"client_id" text NOT NULL,
	"minute" timestamp with time zone NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "partner_rate_windows_client_id_minute_pk" PRIMARY KEY("client_id","minute")
);
--> statement-breakpoint
CREATE INDEX "exchange_records_due_idx" ON "exchange_records" USING btree ("state","next_attempt_at");--> statement-breakpoint
CREATE INDEX "exchange_records_accepted_idx" ON "exchange_records" USING btree ("dataset","accepted_at");--> statement-breakpoint
CREATE INDEX "exchange_records_created_idx" ON "exchange_records" USING btree ("dataset","created_at");--> statement-breakpoint
CREATE INDEX "partner_nonces_expiry_idx" ON "partner_nonces" USING btree ("expires_at");