CREATE TYPE "public"."hub_business_type" AS ENUM('new', 'revoke', 'update', 'replace');--> statement-breakpoint
CREATE TYPE "public"."hub_outbox_state" AS ENUM('queued', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."outgoing_file_role" AS ENUM('main', 'attachment');--> statement-breakpoint
CREATE TYPE "public"."outgoing_state" AS ENUM('draft', 'in_review', 'returned', 'approved', 'signed', 'numbered', 'sealed', 'issued', 'revoked');--> statement-breakpoint
CREATE TYPE "public"."outgoing_recipient_channel" AS ENUM('internal', 'hub', 'paper');--> statement-breakpoint
CREATE TYPE "public"."outgoing_recipient_kind" AS ENUM('agency', 'unit', 'text');--> statement-breakpoint
CREATE TYPE "public"."outgoing_recipient_status" AS ENUM('pending', 'queued', 'sent', 'delivered', 'registered', 'assigned', 'processing', 'done', 'returned', 'revoked', 'paper');--> statement-breakpoint
CREATE TYPE "public"."review_step_state" AS ENUM('waiting', 'pending', 'approved', 'returned', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."outgoing_version_kind" AS ENUM('draft', 'signed', 'numbered', 'sealed');--> statement-breakpoint
CREATE TYPE "public"."signature_image_kind" AS ENUM('signature', 'seal');--> statement-breakpoint
CREATE TYPE "public"."signature_status" AS ENUM('pending', 'none', 'valid', 'untrusted', 'invalid');--> statement-breakpoint
CREATE TYPE "public"."signing_owner_kind" AS ENUM('user', 'agency');--> statement-breakpoint
CREATE TABLE "hub_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"outgoing_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"to_agency_code" text NOT NULL,
	"business_type" "hub_business_type" NOT NULL,
	"state" "hub_outbox_state" DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outgoing_answers" (
	"document_id" uuid NOT NULL,
	"incoming_document_id" uuid NOT NULL,
	CONSTRAINT "outgoing_answers_document_id_incoming_document_id_pk" PRIMARY KEY("document_id","incoming_document_id")
);
--> statement-breakpoint
CREATE TABLE "outgoing_documents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"agency_id" uuid NOT NULL,
	"state" "outgoing_state" NOT NULL,
	"doc_type" text NOT NULL,
	"subject" text NOT NULL,
	"urgency" "urgency" DEFAULT 'normal' NOT NULL,
	"urgency_rank" smallint DEFAULT 0 NOT NULL,
	"secrecy" "secrecy" DEFAULT 'normal' NOT NULL,
	"drafter_id" uuid NOT NULL,
	"drafter_unit_id" uuid,
	"signer_id" uuid NOT NULL,
	"signer_position" text,
	"notation_unit" text,
	"signature_box" jsonb,
	"current_version" integer DEFAULT 0 NOT NULL,
	"review_round" integer DEFAULT 0 NOT NULL,
	"register_id" uuid,
	"number" integer,
	"notation" text,
	"reference" text,
	"issue_date" date,
	"signed_at" timestamp with time zone,
	"numbered_at" timestamp with time zone,
	"numbered_by" uuid,
	"sealed_at" timestamp with time zone,
	"sealed_by" uuid,
	"issued_at" timestamp with time zone,
	"issued_by" uuid,
	"replaces_id" uuid,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoke_reason" text,
	"notes" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outgoing_register_number_uq" UNIQUE("register_id","number")
);
--> statement-breakpoint
CREATE TABLE "outgoing_recipients" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"kind" "outgoing_recipient_kind" NOT NULL,
	"agency_id" uuid,
	"agency_code" text,
	"unit_id" uuid,
	"name" text NOT NULL,
	"channel" "outgoing_recipient_channel",
	"status" "outgoing_recipient_status" DEFAULT 'pending' NOT NULL,
	"incoming_document_id" uuid,
	"status_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "outgoing_review_steps" (
	"id" uuid PRIMARY KEY NOT NULL,
	"document_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"state" "review_step_state" NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outgoing_version_files" (
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"file_id" uuid NOT NULL,
	"role" "outgoing_file_role" NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "outgoing_version_files_document_id_version_position_pk" PRIMARY KEY("document_id","version","position")
);
--> statement-breakpoint
CREATE TABLE "outgoing_versions" (
	"document_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"kind" "outgoing_version_kind" NOT NULL,
	"note" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "outgoing_versions_document_id_version_pk" PRIMARY KEY("document_id","version")
);
--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" "signing_owner_kind" NOT NULL,
	"user_id" uuid,
	"agency_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"issuer" text NOT NULL,
	"serial_number" text NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"pkcs12_sealed" text NOT NULL,
	"password_sealed" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "file_signature_checks" (
	"file_id" uuid PRIMARY KEY NOT NULL,
	"status" "signature_status" NOT NULL,
	"checks" jsonb NOT NULL,
	"checked_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "signature_images" (
	"id" uuid PRIMARY KEY NOT NULL,
	"owner_kind" "signing_owner_kind" NOT NULL,
	"user_id" uuid,
	"agency_id" uuid NOT NULL,
	"kind" "signature_image_kind" NOT NULL,
	"png_base64" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "trust_anchors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"certificate_pem" text NOT NULL,
	"demo" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_outbox" ADD CONSTRAINT "hub_outbox_outgoing_id_outgoing_documents_id_fk" FOREIGN KEY ("outgoing_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_outbox" ADD CONSTRAINT "hub_outbox_recipient_id_outgoing_recipients_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."outgoing_recipients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_answers" ADD CONSTRAINT "outgoing_answers_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_answers" ADD CONSTRAINT "outgoing_answers_incoming_document_id_incoming_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_drafter_id_users_id_fk" FOREIGN KEY ("drafter_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_drafter_unit_id_units_id_fk" FOREIGN KEY ("drafter_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_signer_id_users_id_fk" FOREIGN KEY ("signer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_register_id_registers_id_fk" FOREIGN KEY ("register_id") REFERENCES "public"."registers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_numbered_by_users_id_fk" FOREIGN KEY ("numbered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_sealed_by_users_id_fk" FOREIGN KEY ("sealed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_documents" ADD CONSTRAINT "outgoing_documents_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_recipients" ADD CONSTRAINT "outgoing_recipients_incoming_document_id_incoming_documents_id_fk" FOREIGN KEY ("incoming_document_id") REFERENCES "public"."incoming_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_review_steps" ADD CONSTRAINT "outgoing_review_steps_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_review_steps" ADD CONSTRAINT "outgoing_review_steps_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_version_files" ADD CONSTRAINT "outgoing_version_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_versions" ADD CONSTRAINT "outgoing_versions_document_id_outgoing_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."outgoing_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outgoing_versions" ADD CONSTRAINT "outgoing_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "file_signature_checks" ADD CONSTRAINT "file_signature_checks_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_images" ADD CONSTRAINT "signature_images_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_images" ADD CONSTRAINT "signature_images_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signature_images" ADD CONSTRAINT "signature_images_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_outbox_state_idx" ON "hub_outbox" USING btree ("state","created_at");--> statement-breakpoint
CREATE INDEX "outgoing_answers_incoming_idx" ON "outgoing_answers" USING btree ("incoming_document_id");--> statement-breakpoint
CREATE INDEX "outgoing_agency_state_idx" ON "outgoing_documents" USING btree ("agency_id","state","updated_at","id");--> statement-breakpoint
CREATE INDEX "outgoing_drafter_idx" ON "outgoing_documents" USING btree ("drafter_id","state");--> statement-breakpoint
CREATE INDEX "outgoing_signer_idx" ON "outgoing_documents" USING btree ("signer_id","state");--> statement-breakpoint
CREATE INDEX "outgoing_replaces_idx" ON "outgoing_documents" USING btree ("replaces_id");--> statement-breakpoint
CREATE INDEX "outgoing_recipients_document_idx" ON "outgoing_recipients" USING btree ("document_id","position");--> statement-breakpoint
CREATE INDEX "outgoing_recipients_incoming_idx" ON "outgoing_recipients" USING btree ("incoming_document_id");--> statement-breakpoint
CREATE INDEX "outgoing_review_reviewer_idx" ON "outgoing_review_steps" USING btree ("reviewer_id","state");--> statement-breakpoint
CREATE INDEX "outgoing_review_document_idx" ON "outgoing_review_steps" USING btree ("document_id","round","position");--> statement-breakpoint
CREATE INDEX "outgoing_version_files_file_idx" ON "outgoing_version_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "certificates_user_idx" ON "certificates" USING btree ("user_id","active");--> statement-breakpoint
CREATE INDEX "certificates_agency_idx" ON "certificates" USING btree ("agency_id","owner_kind","active");--> statement-breakpoint
CREATE INDEX "signature_images_user_idx" ON "signature_images" USING btree ("user_id","kind","active");--> statement-breakpoint
CREATE INDEX "signature_images_agency_idx" ON "signature_images" USING btree ("agency_id","owner_kind","kind","active");