CREATE TYPE "public"."calendar_day_kind" AS ENUM('holiday', 'working_day');--> statement-breakpoint
CREATE TYPE "public"."text_state" AS ENUM('pending', 'done', 'none', 'failed');--> statement-breakpoint
CREATE TYPE "public"."assignment_role" AS ENUM('lead', 'co_handler', 'for_information');--> statement-breakpoint
CREATE TYPE "public"."assignment_state" AS ENUM('assigned', 'in_progress', 'reported', 'completed', 'returned', 'reassigned');--> statement-breakpoint
CREATE TYPE "public"."incoming_file_role" AS ENUM('main', 'attachment', 'handling');--> statement-breakpoint
CREATE TYPE "public"."incoming_source" AS ENUM('paper', 'internal', 'hub', 'email');--> statement-breakpoint
CREATE TYPE "public"."incoming_state" AS ENUM('received', 'registered', 'submitted', 'assigned', 'in_progress', 'completed', 'returned', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."secrecy" AS ENUM('normal', 'confidential', 'secret', 'top_secret');--> statement-breakpoint
CREATE TYPE "public"."urgency" AS ENUM('normal', 'urgent', 'top_urgent', 'flash');--> statement-breakpoint
CREATE TYPE "public"."register_series" AS ENUM('incoming', 'incoming_secret', 'outgoing', 'outgoing_legal', 'outgoing_secret', 'copies');--> statement-breakpoint
CREATE TYPE "public"."job_state" AS ENUM('queued', 'running', 'done', 'failed');--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"day" date PRIMARY KEY NOT NULL,
	"kind" "calendar_day_kind" NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"media_type" text NOT NULL,
	"page_count" integer,
	"text_state" text_state DEFAULT 'pending' NOT NULL,
	"text" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" bigint NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"parent_id" uuid,
	"role" "assignment_role" NOT NULL,
	"unit_id" uuid,
	"user_id" uuid,
	"state" "assignment_state" NOT NULL,
	"direction" text,
	"due_date" date,
	"assigned_by" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"result" text,
	"reported_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"return_reason" text,
	"extension_requested_until" date,
	"extension_reason" text,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_access" (
	"document_id" uuid NOT NULL,
	"principal_id" uuid NOT NULL,
	"named" boolean NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "incoming_access_document_id_principal_id_reason_pk" PRIMARY KEY("document_id","principal_id","reason")
);
--> statement-breakpoint
CREATE TABLE "incoming_comments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"assignment_id" uuid,
	"author_id" uuid NOT NULL,
	"on_behalf_of_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_document_files" (
	"document_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" "incoming_file_role" NOT NULL,
	"position" integer NOT NULL,
	"assignment_id" uuid,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incoming_document_files_document_id_file_id_pk" PRIMARY KEY("document_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "incoming_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"state" "incoming_state" NOT NULL,
	"source" "incoming_source" NOT NULL,
	"source_ref" text,
	"sender_agency_id" uuid,
	"sender_code" text,
	"sender_name" text NOT NULL,
	"number" text NOT NULL,
	"notation" text NOT NULL,
	"reference" text NOT NULL,
	"reference_key" text NOT NULL,
	"issue_date" date NOT NULL,
	"doc_type" text NOT NULL,
	"subject" text NOT NULL,
	"signer_name" text,
	"signer_position" text,
	"urgency" "urgency" DEFAULT 'normal' NOT NULL,
	"urgency_rank" smallint DEFAULT 0 NOT NULL,
	"secrecy" "secrecy" DEFAULT 'normal' NOT NULL,
	"page_count" integer,
	"due_date" date,
	"register_id" uuid,
	"arrival_number" integer,
	"arrival_date" date,
	"received_at" timestamp with time zone NOT NULL,
	"registered_at" timestamp with time zone,
	"registered_by" uuid,
	"submitted_to_user_id" uuid,
	"submitted_to_unit_id" uuid,
	"submitted_at" timestamp with time zone,
	"direction" text,
	"directed_by" uuid,
	"directed_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"result" text,
	"return_reason" text,
	"notes" text,
	"content_text" text,
	"intake" jsonb,
	"search" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('simple', f_unaccent(coalesce(subject, '') || ' ' || coalesce(reference, '') || ' ' || coalesce(sender_name, ''))), 'A') || setweight(to_tsvector('simple', f_unaccent(coalesce(signer_name, '') || ' ' || coalesce(direction, '') || ' ' || coalesce(notes, ''))), 'B') || setweight(to_tsvector('simple', f_unaccent(left(coalesce(content_text, ''), 500000))), 'C')) STORED,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "incoming_register_number_uq" UNIQUE("register_id","arrival_number")
);
--> statement-breakpoint
CREATE TABLE "incoming_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"submit_to" text DEFAULT 'leader' NOT NULL,
	"due_soon_working_days" smallint DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"subject" jsonb NOT NULL,
	"urgency" text DEFAULT 'normal' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "registers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"series" "register_series" NOT NULL,
	"type_code" text DEFAULT '' NOT NULL,
	"name" text NOT NULL,
	"last_number" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "registers_scope_uq" UNIQUE("agency_id","year","series","type_code")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"dedupe_key" text,
	"state" "job_state" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 5 NOT NULL,
	"run_at" timestamp with time zone NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_access" ADD CONSTRAINT "incoming_access_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_comments" ADD CONSTRAINT "incoming_comments_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_comments" ADD CONSTRAINT "incoming_comments_assignment_id_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."assignments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_comments" ADD CONSTRAINT "incoming_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_comments" ADD CONSTRAINT "incoming_comments_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_document_files" ADD CONSTRAINT "incoming_document_files_document_id_incoming_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_document_files" ADD CONSTRAINT "incoming_document_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_document_files" ADD CONSTRAINT "incoming_document_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_sender_agency_id_agencies_id_fk" FOREIGN KEY ("sender_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_submitted_to_user_id_users_id_fk" FOREIGN KEY ("submitted_to_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_submitted_to_unit_id_units_id_fk" FOREIGN KEY ("submitted_to_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_directed_by_users_id_fk" FOREIGN KEY ("directed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_documents" ADD CONSTRAINT "incoming_documents_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incoming_settings" ADD CONSTRAINT "incoming_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registers" ADD CONSTRAINT "registers_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "files_uploader_idx" ON "files" USING btree ("uploaded_by","created_at");--> statement-breakpoint
CREATE INDEX "assignments_document_idx" ON "assignments" USING btree ("document_id");--> statement-breakpoint
CREATE INDEX "assignments_user_idx" ON "assignments" USING btree ("user_id","role","state");--> statement-breakpoint
CREATE INDEX "assignments_unit_idx" ON "assignments" USING btree ("unit_id","role","state");--> statement-breakpoint
CREATE INDEX "incoming_access_principal_idx" ON "incoming_access" USING btree ("principal_id","document_id");--> statement-breakpoint
CREATE INDEX "incoming_comments_document_idx" ON "incoming_comments" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "incoming_document_files_file_idx" ON "incoming_document_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "incoming_agency_inbox_idx" ON "incoming_documents" USING btree ("agency_id","urgency_rank","received_at","id");--> statement-breakpoint
CREATE INDEX "incoming_agency_state_idx" ON "incoming_documents" USING btree ("agency_id","state","urgency_rank","received_at","id");--> statement-breakpoint
CREATE INDEX "incoming_agency_arrival_idx" ON "incoming_documents" USING btree ("agency_id","arrival_date","arrival_number");--> statement-breakpoint
CREATE INDEX "incoming_duplicate_idx" ON "incoming_documents" USING btree ("agency_id","reference_key","issue_date");--> statement-breakpoint
CREATE INDEX "incoming_submitted_to_idx" ON "incoming_documents" USING btree ("submitted_to_user_id","state");--> statement-breakpoint
CREATE INDEX "incoming_search_idx" ON "incoming_documents" USING gin ("search");--> statement-breakpoint
CREATE INDEX "incoming_reference_trgm_idx" ON "incoming_documents" USING gin (lower("reference") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("run_at") WHERE "jobs"."state" in ('queued', 'running');--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_uq" ON "jobs" USING btree ("dedupe_key") WHERE "jobs"."state" in ('queued', 'running');