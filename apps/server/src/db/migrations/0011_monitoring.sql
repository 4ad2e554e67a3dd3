CREATE TABLE "service_daily_counts" (
	"day" date NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"registrations" integer DEFAULT 0 NOT NULL,
	"matchmakings" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "service_daily_counts_day_town_code_pk" PRIMARY KEY("day","town_code")
);
--> statement-breakpoint
CREATE TABLE "supply_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"week_start" date NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"station_id" uuid,
	"occupation_id" uuid NOT NULL,
	"demand" integer NOT NULL,
	"supply" integer NOT NULL,
	"gap" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply_demand_town_weekly" (
	"week_start" date NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"demand" integer NOT NULL,
	"supply" integer NOT NULL,
	CONSTRAINT "supply_demand_town_weekly_week_start_town_code_pk" PRIMARY KEY("week_start","town_code")
);
--> statement-breakpoint
CREATE TABLE "supply_demand_weekly" (
	"week_start" date NOT NULL,
	"town_code" varchar(12) NOT NULL,
	"occupation_id" uuid NOT NULL,
	"demand" integer NOT NULL,
	"supply" integer NOT NULL,
	CONSTRAINT "supply_demand_weekly_week_start_town_code_occupation_id_pk" PRIMARY KEY("week_start","town_code","occupation_id")
);
--> statement-breakpoint
CREATE TABLE "supply_demand_weeks" (
	"week_start" date PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "service_daily_counts_town_idx" ON "service_daily_counts" USING btree ("town_code","day");--> statement-breakpoint
CREATE UNIQUE INDEX "supply_alerts_cell_uq" ON "supply_alerts" USING btree ("week_start","town_code","occupation_id");--> statement-breakpoint
CREATE INDEX "supply_alerts_town_idx" ON "supply_alerts" USING btree ("town_code","week_start");--> statement-breakpoint
CREATE INDEX "supply_demand_weekly_town_idx" ON "supply_demand_weekly" USING btree ("town_code","week_start");