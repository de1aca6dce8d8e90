CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"region" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "award_claims" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"award_id" text NOT NULL,
	"uscc" text NOT NULL,
	"region" text NOT NULL,
	"event" text NOT NULL,
	"event_on" text NOT NULL,
	"budget_year" integer NOT NULL,
	"amount" double precision,
	"unit" text NOT NULL,
	"payer" text,
	"cite" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"screening_id" integer NOT NULL,
	"uscc" text NOT NULL,
	"region" text NOT NULL,
	"pack_id" text NOT NULL,
	"pack_version" text NOT NULL,
	"pack_hash" text NOT NULL,
	"rule_id" text NOT NULL,
	"as_of" text NOT NULL,
	"verdict" text NOT NULL,
	"score" double precision,
	"distance" double precision NOT NULL,
	"near_miss" boolean NOT NULL,
	"input_digest" text NOT NULL,
	"evaluation" jsonb,
	"reasons" jsonb,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprise_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb,
	"change" text NOT NULL,
	"changed_by" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "enterprises" (
	"uscc" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"industry" text,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" serial PRIMARY KEY NOT NULL,
	"filename" text NOT NULL,
	"format" text NOT NULL,
	"rows" integer NOT NULL,
	"inserted" integer NOT NULL,
	"updated" integer NOT NULL,
	"rejected" integer NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_observations" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"target_id" text NOT NULL,
	"region" text NOT NULL,
	"observed_on" text NOT NULL,
	"value" double precision NOT NULL,
	"source" text,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "packs" (
	"id" text NOT NULL,
	"version" text NOT NULL,
	"hash" text NOT NULL,
	"title" text NOT NULL,
	"region" text NOT NULL,
	"pack" jsonb NOT NULL,
	"resolved" jsonb NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "packs_id_version_pk" PRIMARY KEY("id","version")
);
--> statement-breakpoint
CREATE TABLE "payments" (
	"id" serial PRIMARY KEY NOT NULL,
	"claim_id" integer NOT NULL,
	"region" text NOT NULL,
	"amount" double precision NOT NULL,
	"payer" text,
	"budget_year" integer NOT NULL,
	"paid_on" text NOT NULL,
	"reference" text,
	"paid_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_claim_id_unique" UNIQUE("claim_id")
);
--> statement-breakpoint
CREATE TABLE "problems" (
	"id" text PRIMARY KEY NOT NULL,
	"uscc" text NOT NULL,
	"region" text NOT NULL,
	"unit" text NOT NULL,
	"category" text NOT NULL,
	"status" text NOT NULL,
	"due_on" text NOT NULL,
	"data" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "regions" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"level" text NOT NULL,
	"parent" text
);
--> statement-breakpoint
CREATE TABLE "screenings" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"pack_version" text NOT NULL,
	"pack_hash" text NOT NULL,
	"rule_id" text NOT NULL,
	"as_of" text NOT NULL,
	"region" text,
	"count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" serial PRIMARY KEY NOT NULL,
	"pack_id" text NOT NULL,
	"task_id" text NOT NULL,
	"unit" text NOT NULL,
	"region" text NOT NULL,
	"period" text NOT NULL,
	"reported_on" text NOT NULL,
	"status" text NOT NULL,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"region" text NOT NULL,
	"data" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"region" text,
	"unit" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_screening_id_screenings_id_fk" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_claim_id_award_claims_id_fk" FOREIGN KEY ("claim_id") REFERENCES "award_claims"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "audit_log_region_idx" ON "audit_log" USING btree ("region","at");--> statement-breakpoint
CREATE UNIQUE INDEX "award_claims_uq" ON "award_claims" USING btree ("award_id","uscc","event");--> statement-breakpoint
CREATE INDEX "award_claims_region_idx" ON "award_claims" USING btree ("region","status");--> statement-breakpoint
CREATE INDEX "decisions_screening_idx" ON "decisions" USING btree ("screening_id","verdict");--> statement-breakpoint
CREATE INDEX "decisions_uscc_idx" ON "decisions" USING btree ("uscc","created_at");--> statement-breakpoint
CREATE INDEX "decisions_near_miss_idx" ON "decisions" USING btree ("region","rule_id") WHERE "decisions"."near_miss";--> statement-breakpoint
CREATE INDEX "enterprise_history_uscc_idx" ON "enterprise_history" USING btree ("uscc","version");--> statement-breakpoint
CREATE INDEX "enterprises_region_idx" ON "enterprises" USING btree ("region","uscc");--> statement-breakpoint
CREATE INDEX "enterprises_name_idx" ON "enterprises" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "target_observations_uq" ON "target_observations" USING btree ("target_id","region","observed_on");--> statement-breakpoint
CREATE INDEX "problems_region_idx" ON "problems" USING btree ("region","status");--> statement-breakpoint
CREATE INDEX "problems_unit_idx" ON "problems" USING btree ("unit");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reports_uq" ON "task_reports" USING btree ("pack_id","task_id","unit","period");--> statement-breakpoint
CREATE INDEX "units_region_idx" ON "units" USING btree ("region");