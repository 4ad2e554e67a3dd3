CREATE TABLE "migrant_flows" (
	"town_code" text NOT NULL,
	"destination" text NOT NULL,
	"members" integer NOT NULL,
	CONSTRAINT "migrant_flows_town_code_destination_pk" PRIMARY KEY("town_code","destination")
);
--> statement-breakpoint
CREATE TABLE "worker_first_hire_days" (
	"town_code" text NOT NULL,
	"grp" text NOT NULL,
	"days" integer NOT NULL,
	"workers" integer NOT NULL,
	CONSTRAINT "worker_first_hire_days_town_code_grp_days_pk" PRIMARY KEY("town_code","grp","days")
);
--> statement-breakpoint
CREATE TABLE "worker_flow_cells" (
	"town_code" text NOT NULL,
	"grp" text NOT NULL,
	"registered" integer NOT NULL,
	"applied" integer NOT NULL,
	"hired" integer NOT NULL,
	"completed" integer NOT NULL,
	"paid" integer NOT NULL,
	"repeat" integer NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "worker_flow_cells_town_code_grp_pk" PRIMARY KEY("town_code","grp")
);
