CREATE TABLE "hub_agencies" (
	"code" text PRIMARY KEY NOT NULL,
	"system_id" text NOT NULL,
	"name" text NOT NULL,
	"parent_code" text,
	"mail" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hub_deliveries" (
	"id" uuid PRIMARY KEY NOT NULL,
	"packet_id" uuid NOT NULL,
	"system_id" text NOT NULL,
	"to_codes" text[] NOT NULL,
	"message_type" text NOT NULL,
	"state" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"first_fetched_at" timestamp with time zone,
	"last_fetched_at" timestamp with time zone,
	"fetch_count" integer DEFAULT 0 NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hub_deliveries_packet_system_uq" UNIQUE("packet_id","system_id")
);
--> statement-breakpoint
CREATE TABLE "hub_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"packet_id" uuid NOT NULL,
	"delivery_id" uuid,
	"event" text NOT NULL,
	"system_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "hub_packet_chunks" (
	"packet_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "hub_packet_chunks_packet_id_seq_pk" PRIMARY KEY("packet_id","seq")
);
--> statement-breakpoint
CREATE TABLE "hub_packets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sender_system_id" text NOT NULL,
	"message_type" text NOT NULL,
	"service_type" text NOT NULL,
	"from_code" text NOT NULL,
	"to_codes" text[] NOT NULL,
	"document_id" text,
	"notation" text,
	"title" text,
	"status_code" text,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"chunk_count" integer NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hub_packets_sender_sha256_uq" UNIQUE("sender_system_id","sha256")
);
--> statement-breakpoint
CREATE TABLE "hub_request_nonces" (
	"system_id" text NOT NULL,
	"nonce" text NOT NULL,
	"seen_at" timestamp with time zone NOT NULL,
	CONSTRAINT "hub_request_nonces_system_id_nonce_pk" PRIMARY KEY("system_id","nonce")
);
--> statement-breakpoint
CREATE TABLE "hub_systems" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_sealed" text NOT NULL,
	"strict" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "hub_agencies" ADD CONSTRAINT "hub_agencies_system_id_hub_systems_id_fk" FOREIGN KEY ("system_id") REFERENCES "public"."hub_systems"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_deliveries" ADD CONSTRAINT "hub_deliveries_packet_id_hub_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."hub_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_events" ADD CONSTRAINT "hub_events_packet_id_hub_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."hub_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hub_packet_chunks" ADD CONSTRAINT "hub_packet_chunks_packet_id_hub_packets_id_fk" FOREIGN KEY ("packet_id") REFERENCES "public"."hub_packets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hub_agencies_system_idx" ON "hub_agencies" USING btree ("system_id");--> statement-breakpoint
CREATE INDEX "hub_deliveries_inbox_idx" ON "hub_deliveries" USING btree ("system_id","message_type","state","created_at");--> statement-breakpoint
CREATE INDEX "hub_events_packet_idx" ON "hub_events" USING btree ("packet_id","id");--> statement-breakpoint
CREATE INDEX "hub_packets_sender_idx" ON "hub_packets" USING btree ("sender_system_id","message_type","received_at");--> statement-breakpoint
CREATE INDEX "hub_request_nonces_seen_idx" ON "hub_request_nonces" USING btree ("seen_at");