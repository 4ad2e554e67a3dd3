CREATE TABLE "wage_town_figures" (
	"town_code" text PRIMARY KEY NOT NULL,
	"settled_fen" bigint NOT NULL,
	"overdue_count" integer NOT NULL,
	"overdue_fen" bigint NOT NULL,
	"disputes_resolved" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wage_town_pay_days" (
	"town_code" text NOT NULL,
	"days" integer NOT NULL,
	"statements" integer NOT NULL,
	CONSTRAINT "wage_town_pay_days_town_code_days_pk" PRIMARY KEY("town_code","days")
);
