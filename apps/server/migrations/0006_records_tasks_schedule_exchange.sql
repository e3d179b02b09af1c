CREATE TYPE "public"."notification_delivery_state" AS ENUM('pending', 'sent', 'skipped', 'failed');--> statement-breakpoint
CREATE TYPE "public"."notification_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."agency_tier" AS ENUM('city', 'department', 'district', 'commune', 'other');--> statement-breakpoint
CREATE TYPE "public"."record_catalogue_numbering" AS ENUM('per_heading', 'continuous');--> statement-breakpoint
CREATE TYPE "public"."record_item_kind" AS ENUM('incoming', 'outgoing');--> statement-breakpoint
CREATE TYPE "public"."record_state" AS ENUM('open', 'closed', 'archived');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('before', 'due', 'overdue', 'escalation');--> statement-breakpoint
CREATE TYPE "public"."schedule_entry_kind" AS ENUM('event', 'on_duty');--> statement-breakpoint
CREATE TYPE "public"."schedule_visibility" AS ENUM('internal', 'public');--> statement-breakpoint
CREATE TYPE "public"."task_co_owner_kind" AS ENUM('agency', 'unit', 'user');--> statement-breakpoint
CREATE TYPE "public"."task_file_role" AS ENUM('attachment', 'report', 'result');--> statement-breakpoint
CREATE TYPE "public"."task_report_period" AS ENUM('weekly', 'monthly');--> statement-breakpoint
CREATE TYPE "public"."task_source" AS ENUM('none', 'incoming_document', 'outgoing_document', 'meeting');--> statement-breakpoint
CREATE TYPE "public"."task_state" AS ENUM('assigned', 'in_progress', 'completed', 'cancelled');--> statement-breakpoint
CREATE TABLE "dashboard_targets" (
	"tier" "agency_tier" PRIMARY KEY NOT NULL,
	"online_share_percent" smallint,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "exchange_sent" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"outbox_id" uuid,
	"received_id" uuid,
	"status_code" text,
	"packet_sha256" text NOT NULL,
	"size" integer NOT NULL,
	"signature" text NOT NULL,
	"certificate_id" uuid,
	"unsigned_reason" text,
	"built_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"hub_doc_id" text,
	CONSTRAINT "exchange_sent_outbox_uq" UNIQUE("outbox_id")
);
--> statement-breakpoint
CREATE TABLE "notification_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"notification_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"channel" "notification_channel" NOT NULL,
	"state" "notification_delivery_state" DEFAULT 'pending' NOT NULL,
	"not_before" timestamp with time zone NOT NULL,
	"address" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"skip_reason" text,
	"last_error" text,
	"provider_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "notification_deliveries_uq" UNIQUE("notification_id","channel")
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"email_enabled" boolean DEFAULT false NOT NULL,
	"sms_enabled" boolean DEFAULT false NOT NULL,
	"quiet_start" text,
	"quiet_end" text,
	"urgent_breaks_quiet" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "publication_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"show_tasks" boolean DEFAULT false NOT NULL,
	"show_schedule" boolean DEFAULT false NOT NULL,
	"show_on_time_rates" boolean DEFAULT false NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "record_catalogue_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"heading_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"notation" varchar(20) NOT NULL,
	"title" text NOT NULL,
	"retention_years" smallint,
	"creator_unit_id" uuid,
	"creator_user_id" uuid,
	"notes" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_catalogue_entries_notation_uq" UNIQUE("catalogue_id","notation")
);
--> statement-breakpoint
CREATE TABLE "record_catalogues" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"numbering" "record_catalogue_numbering" DEFAULT 'per_heading' NOT NULL,
	"approval_ref" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_catalogues_agency_year_uq" UNIQUE("agency_id","year")
);
--> statement-breakpoint
CREATE TABLE "record_headings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"catalogue_id" uuid NOT NULL,
	"parent_id" uuid,
	"position" integer NOT NULL,
	"abbreviation" text,
	"title" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_headings_top_abbreviation_ck" CHECK ("record_headings"."parent_id" is not null or "record_headings"."abbreviation" is not null)
);
--> statement-breakpoint
CREATE TABLE "record_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" "record_item_kind" NOT NULL,
	"incoming_document_id" uuid,
	"outgoing_document_id" uuid,
	"ordinal" integer NOT NULL,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "record_items_incoming_uq" UNIQUE("record_id","incoming_document_id"),
	CONSTRAINT "record_items_outgoing_uq" UNIQUE("record_id","outgoing_document_id"),
	CONSTRAINT "record_items_one_document_ck" CHECK (("record_items"."kind" = 'incoming' and "record_items"."incoming_document_id" is not null and "record_items"."outgoing_document_id" is null)
        or ("record_items"."kind" = 'outgoing' and "record_items"."outgoing_document_id" is not null and "record_items"."incoming_document_id" is null))
);
--> statement-breakpoint
CREATE TABLE "work_records" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"organ_id" varchar(35) NOT NULL,
	"year" smallint NOT NULL,
	"notation" varchar(20) NOT NULL,
	"code" text NOT NULL,
	"catalogue_entry_id" uuid,
	"title" text NOT NULL,
	"maintenance" varchar(30),
	"rights" varchar(30),
	"language" varchar(50) DEFAULT 'Tiếng Việt' NOT NULL,
	"start_date" date,
	"end_date" date,
	"description" varchar(500),
	"construction" boolean DEFAULT false NOT NULL,
	"secrecy" "secrecy" DEFAULT 'normal' NOT NULL,
	"state" "record_state" NOT NULL,
	"creator_id" uuid NOT NULL,
	"creator_unit_id" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	"processed_online" boolean,
	"online_basis" jsonb,
	"reopen_reason" text,
	"archive_due_date" date,
	"archive_notice_for" date,
	"archived_at" timestamp with time zone,
	"archived_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "work_records_code_uq" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "reminder_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"source" text NOT NULL,
	"item_key" text NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"due_date" date NOT NULL,
	"on_date" date NOT NULL,
	"notification_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "reminder_deliveries_uq" UNIQUE("source","item_key","user_id","kind","due_date","on_date")
);
--> statement-breakpoint
CREATE TABLE "reminder_settings" (
	"agency_id" uuid PRIMARY KEY NOT NULL,
	"offsets" integer[] DEFAULT '{3,1}'::integer[] NOT NULL,
	"on_due_day" boolean DEFAULT true NOT NULL,
	"daily_overdue" boolean DEFAULT true NOT NULL,
	"escalate_after_days" integer DEFAULT 1,
	"remind_at" text DEFAULT '08:00' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_entries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"kind" "schedule_entry_kind" NOT NULL,
	"all_day" boolean NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"content" text NOT NULL,
	"participants" text,
	"preparing_unit" text,
	"visibility" "schedule_visibility" DEFAULT 'internal' NOT NULL,
	"revision" integer DEFAULT 0 NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_by" uuid NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "schedule_entry_leaders" (
	"entry_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "schedule_entry_leaders_entry_id_user_id_pk" PRIMARY KEY("entry_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "schedule_published_entries" (
	"agency_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"entry_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" "schedule_entry_kind" NOT NULL,
	"all_day" boolean NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"place" text,
	"content" text NOT NULL,
	"participants" text,
	"preparing_unit" text,
	"visibility" "schedule_visibility" NOT NULL,
	"leaders" jsonb NOT NULL,
	"revision" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	CONSTRAINT "schedule_published_entries_agency_id_week_start_entry_id_pk" PRIMARY KEY("agency_id","week_start","entry_id")
);
--> statement-breakpoint
CREATE TABLE "schedule_weeks" (
	"agency_id" uuid NOT NULL,
	"week_start" date NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"changed_at" timestamp with time zone,
	CONSTRAINT "schedule_weeks_agency_id_week_start_pk" PRIMARY KEY("agency_id","week_start")
);
--> statement-breakpoint
CREATE TABLE "task_co_owners" (
	"task_id" uuid NOT NULL,
	"kind" "task_co_owner_kind" NOT NULL,
	"principal_id" uuid NOT NULL,
	CONSTRAINT "task_co_owners_task_id_principal_id_pk" PRIMARY KEY("task_id","principal_id")
);
--> statement-breakpoint
CREATE TABLE "task_files" (
	"task_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	"role" "task_file_role" NOT NULL,
	"report_id" uuid,
	"added_by" uuid NOT NULL,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_files_task_id_file_id_pk" PRIMARY KEY("task_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "task_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"on_behalf_of_id" uuid,
	"progress" smallint,
	"body" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "task_reports_progress_range" CHECK ("task_reports"."progress" is null or "task_reports"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"parent_id" uuid,
	"root_id" uuid NOT NULL,
	"root_agency_id" uuid NOT NULL,
	"depth" smallint DEFAULT 0 NOT NULL,
	"source" "task_source" DEFAULT 'none' NOT NULL,
	"incoming_document_id" uuid,
	"outgoing_document_id" uuid,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"urgency" "urgency" DEFAULT 'normal' NOT NULL,
	"assigned_by" uuid NOT NULL,
	"assigning_leader_id" uuid,
	"owner_agency_id" uuid NOT NULL,
	"owner_unit_id" uuid,
	"owner_user_id" uuid,
	"start_date" date NOT NULL,
	"due_date" date,
	"state" "task_state" NOT NULL,
	"progress" smallint DEFAULT 0 NOT NULL,
	"reported_progress" smallint DEFAULT 0 NOT NULL,
	"report_period" "task_report_period",
	"last_report_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"result" text,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" text,
	"secrecy" "secrecy" DEFAULT 'normal' NOT NULL,
	"public" boolean DEFAULT false NOT NULL,
	"escalated_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "tasks_progress_range" CHECK ("tasks"."progress" between 0 and 100),
	CONSTRAINT "tasks_reported_progress_range" CHECK ("tasks"."reported_progress" between 0 and 100),
	CONSTRAINT "tasks_depth_range" CHECK ("tasks"."depth" between 0 and 4),
	CONSTRAINT "tasks_root_parent" CHECK (("tasks"."parent_id" is null) = ("tasks"."root_id" = "tasks"."id")),
	CONSTRAINT "tasks_due_after_start" CHECK ("tasks"."due_date" is null or "tasks"."due_date" >= "tasks"."start_date"),
	CONSTRAINT "tasks_public_not_secret" CHECK (not "tasks"."public" or "tasks"."secrecy" = 'normal'),
	CONSTRAINT "tasks_source_ref" CHECK (("tasks"."source" = 'incoming_document') = ("tasks"."incoming_document_id" is not null)
        and ("tasks"."source" = 'outgoing_document') = ("tasks"."outgoing_document_id" is not null)
        and ("tasks"."source" = 'meeting') = ("tasks"."meeting_id" is not null)),
	CONSTRAINT "tasks_completed_at" CHECK (("tasks"."state" = 'completed') = ("tasks"."completed_at" is not null))
);
--> statement-breakpoint
DROP INDEX "incoming_reference_trgm_idx";--> statement-breakpoint
ALTER TABLE "exchange_received" ADD COLUMN "pending_status_packet_id" uuid;--> statement-breakpoint
ALTER TABLE "exchange_received" ADD COLUMN "packet_signature" text;--> statement-breakpoint
ALTER TABLE "exchange_received" ADD COLUMN "packet_signature_reason" text;--> statement-breakpoint
ALTER TABLE "exchange_received" ADD COLUMN "packet_signer" text;--> statement-breakpoint
ALTER TABLE "agency_versions" ADD COLUMN "tier" "agency_tier" DEFAULT 'other' NOT NULL;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD COLUMN "status_note" text;--> statement-breakpoint
ALTER TABLE "dashboard_targets" ADD CONSTRAINT "dashboard_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_sent" ADD CONSTRAINT "exchange_sent_outbox_id_hub_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."hub_outbox"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "exchange_sent" ADD CONSTRAINT "exchange_sent_received_id_exchange_received_id_fk" FOREIGN KEY ("received_id") REFERENCES "public"."exchange_received"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_settings" ADD CONSTRAINT "publication_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "publication_settings" ADD CONSTRAINT "publication_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogue_entries" ADD CONSTRAINT "record_catalogue_entries_catalogue_id_record_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."record_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogue_entries" ADD CONSTRAINT "record_catalogue_entries_heading_id_record_headings_id_fk" FOREIGN KEY ("heading_id") REFERENCES "public"."record_headings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogue_entries" ADD CONSTRAINT "record_catalogue_entries_creator_unit_id_units_id_fk" FOREIGN KEY ("creator_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogue_entries" ADD CONSTRAINT "record_catalogue_entries_creator_user_id_users_id_fk" FOREIGN KEY ("creator_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogue_entries" ADD CONSTRAINT "record_catalogue_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogues" ADD CONSTRAINT "record_catalogues_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_catalogues" ADD CONSTRAINT "record_catalogues_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_headings" ADD CONSTRAINT "record_headings_catalogue_id_record_catalogues_id_fk" FOREIGN KEY ("catalogue_id") REFERENCES "public"."record_catalogues"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_record_id_work_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."work_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_incoming_document_id_incoming_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_outgoing_document_id_outgoing_documents_id_fk" FOREIGN KEY ("outgoing_document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "record_items" ADD CONSTRAINT "record_items_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_records" ADD CONSTRAINT "work_records_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_records" ADD CONSTRAINT "work_records_catalogue_entry_id_record_catalogue_entries_id_fk" FOREIGN KEY ("catalogue_entry_id") REFERENCES "public"."record_catalogue_entries"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_records" ADD CONSTRAINT "work_records_creator_id_users_id_fk" FOREIGN KEY ("creator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_records" ADD CONSTRAINT "work_records_creator_unit_id_units_id_fk" FOREIGN KEY ("creator_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_records" ADD CONSTRAINT "work_records_closed_by_users_id_fk" FOREIGN KEY ("closed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_records" ADD CONSTRAINT "work_records_archived_by_users_id_fk" FOREIGN KEY ("archived_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_notification_id_notifications_id_fk" FOREIGN KEY ("notification_id") REFERENCES "public"."notifications"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_settings" ADD CONSTRAINT "reminder_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entries" ADD CONSTRAINT "schedule_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entries" ADD CONSTRAINT "schedule_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entries" ADD CONSTRAINT "schedule_entries_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry_leaders" ADD CONSTRAINT "schedule_entry_leaders_entry_id_schedule_entries_id_fk" FOREIGN KEY ("entry_id") REFERENCES "public"."schedule_entries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_entry_leaders" ADD CONSTRAINT "schedule_entry_leaders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_published_entries" ADD CONSTRAINT "schedule_published_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_weeks" ADD CONSTRAINT "schedule_weeks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "schedule_weeks" ADD CONSTRAINT "schedule_weeks_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_co_owners" ADD CONSTRAINT "task_co_owners_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_report_id_task_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."task_reports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_files" ADD CONSTRAINT "task_files_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reports" ADD CONSTRAINT "task_reports_on_behalf_of_id_users_id_fk" FOREIGN KEY ("on_behalf_of_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_parent_id_tasks_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_root_id_tasks_id_fk" FOREIGN KEY ("root_id") REFERENCES "public"."tasks"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_root_agency_id_agencies_id_fk" FOREIGN KEY ("root_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_incoming_document_id_incoming_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_outgoing_document_id_outgoing_documents_id_fk" FOREIGN KEY ("outgoing_document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_assigning_leader_id_users_id_fk" FOREIGN KEY ("assigning_leader_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_agency_id_agencies_id_fk" FOREIGN KEY ("owner_agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_unit_id_units_id_fk" FOREIGN KEY ("owner_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_sent_received_idx" ON "exchange_sent" USING btree ("received_id");--> statement-breakpoint
CREATE INDEX "notification_deliveries_user_idx" ON "notification_deliveries" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_deliveries_pending_idx" ON "notification_deliveries" USING btree ("not_before") WHERE "notification_deliveries"."state" = 'pending';--> statement-breakpoint
CREATE INDEX "record_catalogue_entries_heading_idx" ON "record_catalogue_entries" USING btree ("heading_id","number");--> statement-breakpoint
CREATE INDEX "record_headings_catalogue_idx" ON "record_headings" USING btree ("catalogue_id","parent_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "record_headings_abbreviation_uq" ON "record_headings" USING btree ("catalogue_id","abbreviation") WHERE "record_headings"."parent_id" is null;--> statement-breakpoint
CREATE INDEX "record_items_record_idx" ON "record_items" USING btree ("record_id","ordinal");--> statement-breakpoint
CREATE INDEX "record_items_incoming_idx" ON "record_items" USING btree ("incoming_document_id");--> statement-breakpoint
CREATE INDEX "record_items_outgoing_idx" ON "record_items" USING btree ("outgoing_document_id");--> statement-breakpoint
CREATE UNIQUE INDEX "work_records_entry_uq" ON "work_records" USING btree ("catalogue_entry_id") WHERE "work_records"."catalogue_entry_id" is not null;--> statement-breakpoint
CREATE INDEX "work_records_agency_year_idx" ON "work_records" USING btree ("agency_id","year","state");--> statement-breakpoint
CREATE INDEX "work_records_creator_idx" ON "work_records" USING btree ("creator_id","state");--> statement-breakpoint
CREATE INDEX "work_records_unit_idx" ON "work_records" USING btree ("creator_unit_id","state");--> statement-breakpoint
CREATE INDEX "work_records_archive_due_idx" ON "work_records" USING btree ("archive_due_date") WHERE "work_records"."state" = 'closed';--> statement-breakpoint
CREATE INDEX "reminder_deliveries_item_idx" ON "reminder_deliveries" USING btree ("source","item_key");--> statement-breakpoint
CREATE INDEX "reminder_deliveries_agency_idx" ON "reminder_deliveries" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "schedule_entries_agency_week_idx" ON "schedule_entries" USING btree ("agency_id","week_start","starts_at");--> statement-breakpoint
CREATE INDEX "schedule_entry_leaders_user_idx" ON "schedule_entry_leaders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "schedule_published_entries_entry_idx" ON "schedule_published_entries" USING btree ("entry_id");--> statement-breakpoint
CREATE INDEX "task_co_owners_principal_idx" ON "task_co_owners" USING btree ("principal_id","task_id");--> statement-breakpoint
CREATE INDEX "task_files_file_idx" ON "task_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "task_reports_task_idx" ON "task_reports" USING btree ("task_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_agency_state_idx" ON "tasks" USING btree ("agency_id","state","due_date");--> statement-breakpoint
CREATE INDEX "tasks_owner_agency_state_idx" ON "tasks" USING btree ("owner_agency_id","state","due_date");--> statement-breakpoint
CREATE INDEX "tasks_owner_unit_idx" ON "tasks" USING btree ("owner_unit_id","state");--> statement-breakpoint
CREATE INDEX "tasks_owner_user_idx" ON "tasks" USING btree ("owner_user_id","state");--> statement-breakpoint
CREATE INDEX "tasks_assigned_by_idx" ON "tasks" USING btree ("assigned_by","state");--> statement-breakpoint
CREATE INDEX "tasks_assigning_leader_idx" ON "tasks" USING btree ("assigning_leader_id","state");--> statement-breakpoint
CREATE INDEX "tasks_root_agency_idx" ON "tasks" USING btree ("root_agency_id","state");--> statement-breakpoint
CREATE INDEX "tasks_parent_idx" ON "tasks" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "tasks_root_idx" ON "tasks" USING btree ("root_id");--> statement-breakpoint
CREATE INDEX "tasks_incoming_idx" ON "tasks" USING btree ("incoming_document_id");--> statement-breakpoint
CREATE INDEX "tasks_open_due_idx" ON "tasks" USING btree ("due_date") WHERE "tasks"."state" in ('assigned', 'in_progress');--> statement-breakpoint
CREATE INDEX "incoming_reference_folded_trgm_idx" ON "incoming_documents" USING gin (lower(f_unaccent("reference")) gin_trgm_ops);--> statement-breakpoint
-- Dashboard tier of the agency versions that existed before the column (default 'other'), derived
-- from the level and the name as the directory import derives it (deriveAgencyTier in
-- organizations.models.ts): level 1 is the city; the People's Committee of a ward, commune,
-- township or special zone is a commune; that of an urban or rural district, town or city below
-- level 1 is a district; everything else is a department. Names are folded (NFC, no diacritics,
-- lower case, single spaces) so "Uỷ ban" and "Ủy ban" match alike.
UPDATE "agency_versions" SET "tier" = (CASE
  WHEN "level" = 1 THEN 'city'
  WHEN regexp_replace(lower(f_unaccent(normalize(btrim("name"), NFC))), '\s+', ' ', 'g')
       ~ '^(uy ban nhan dan|ubnd) (phuong|xa|thi tran|dac khu)\y' THEN 'commune'
  WHEN regexp_replace(lower(f_unaccent(normalize(btrim("name"), NFC))), '\s+', ' ', 'g')
       ~ '^(uy ban nhan dan|ubnd) (quan|huyen|thi xa|thanh pho)\y' THEN 'district'
  ELSE 'department'
END)::"agency_tier"
WHERE "tier" = 'other';
