ALTER TABLE "completions" ALTER COLUMN "amount_due_fen" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "grievances" ADD COLUMN "wage_outcome" text;