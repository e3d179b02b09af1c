CREATE TABLE "exchange_received" (
	"id" uuid PRIMARY KEY NOT NULL,
	"hub_doc_id" text NOT NULL,
	"kind" text NOT NULL,
	"incoming_document_id" uuid,
	"agency_id" uuid,
	"sender_code" text,
	"reference" text,
	"issue_date" text,
	"document_id" text,
	"last_status_code" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "exchange_received_packet_uq" UNIQUE NULLS NOT DISTINCT("hub_doc_id","agency_id")
);
--> statement-breakpoint
ALTER TABLE "exchange_received" ADD CONSTRAINT "exchange_received_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "exchange_received_incoming_idx" ON "exchange_received" USING btree ("incoming_document_id");