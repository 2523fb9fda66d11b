CREATE TABLE `attendance` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`observer` integer DEFAULT false NOT NULL,
	`arrived_at` text NOT NULL,
	`left_at` text,
	`signature_png` blob,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attendance_meeting_person` ON `attendance` (`meeting_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`meeting_id` integer,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_meeting` ON `audit_log` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `council_settings` (
	`council_id` integer PRIMARY KEY NOT NULL,
	`max_proxies_per_holder` integer,
	`require_signature` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `proxies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`grantor_id` integer NOT NULL,
	`holder_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`grantor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`holder_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "proxies_not_self" CHECK("proxies"."grantor_id" <> "proxies"."holder_id")
);
--> statement-breakpoint
CREATE INDEX `proxies_meeting_holder` ON `proxies` (`meeting_id`,`holder_id`);