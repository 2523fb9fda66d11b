CREATE TABLE `join_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `join_codes_hash` ON `join_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `join_codes_meeting` ON `join_codes` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `participants` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`join_code_id` integer,
	`token_hash` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`joined_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`removed_at` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`join_code_id`) REFERENCES `join_codes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `participants_token` ON `participants` (`token_hash`);--> statement-breakpoint
CREATE INDEX `participants_meeting` ON `participants` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `compact_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`version_id` integer NOT NULL,
	`household_id` integer NOT NULL,
	`signer_name` text NOT NULL,
	`image` blob,
	`on_paper` integer DEFAULT false NOT NULL,
	`signed_on` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`version_id`) REFERENCES `compact_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compact_signatures_household` ON `compact_signatures` (`version_id`,`household_id`);--> statement-breakpoint
CREATE INDEX `compact_signatures_version` ON `compact_signatures` (`version_id`);--> statement-breakpoint
CREATE TABLE `compact_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compact_id` integer NOT NULL,
	`version` integer NOT NULL,
	`articles` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`adopted_agenda_item_id` integer,
	`adopted_vote_id` integer,
	`adopted_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`compact_id`) REFERENCES `compacts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`adopted_agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`adopted_vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `compact_versions_number` ON `compact_versions` (`compact_id`,`version`);--> statement-breakpoint
CREATE TABLE `compacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`title` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`meeting_id` integer,
	`kind` text NOT NULL,
	`posted_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "notices_kind" CHECK("notices"."kind" IN ('announce','results'))
);
--> statement-breakpoint
CREATE INDEX `notices_council` ON `notices` (`council_id`,`kind`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`household_id` integer,
	`rating` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `ratings_item` ON `ratings` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `task_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` integer NOT NULL,
	`text` text NOT NULL,
	`person_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `task_notes_task` ON `task_notes` (`task_id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`title` text NOT NULL,
	`owner_person_id` integer,
	`owner_name` text DEFAULT '' NOT NULL,
	`deadline` text,
	`status` text DEFAULT 'open' NOT NULL,
	`done_at` text,
	`reported_meeting_id` integer,
	`reported_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reported_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `tasks_item` ON `tasks` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `minutes_docs` (
	`meeting_id` integer PRIMARY KEY NOT NULL,
	`snapshot` blob,
	`snapshot_seq` integer DEFAULT 0 NOT NULL,
	`snapshot_hash` text,
	`room_name` text NOT NULL,
	`room_password` text NOT NULL,
	`locked_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `minutes_updates` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`data` blob NOT NULL,
	`hash` text NOT NULL,
	`origin` text DEFAULT '' NOT NULL,
	`amendment_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `minutes_updates_meeting` ON `minutes_updates` (`meeting_id`,`seq`);--> statement-breakpoint
CREATE TABLE `matter_locks` (
	`agenda_item_id` integer PRIMARY KEY NOT NULL,
	`locked_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `matter_seconds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `matter_seconds_item` ON `matter_seconds` (`agenda_item_id`);--> statement-breakpoint
CREATE TABLE `step_transitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`agenda_item_id` integer NOT NULL,
	`action` text NOT NULL,
	`from_step` integer NOT NULL,
	`to_step` integer NOT NULL,
	`person_id` integer,
	`actor_name` text DEFAULT '' NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`override_reason` text,
	`at` text NOT NULL,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `step_transitions_item` ON `step_transitions` (`agenda_item_id`,`id`);--> statement-breakpoint
CREATE TABLE `council_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`public_key` text NOT NULL,
	`private_key` text NOT NULL,
	`created_at` text NOT NULL,
	`retired_at` text,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `minutes_signatures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`role` text NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`image` blob NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_signatures_role` ON `minutes_signatures` (`meeting_id`,`version`,`role`);--> statement-breakpoint
CREATE TABLE `seals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`key_id` integer NOT NULL,
	`canonical` text NOT NULL,
	`digest` text NOT NULL,
	`signature` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`key_id`) REFERENCES `council_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `seals_meeting_version` ON `seals` (`meeting_id`,`version`);--> statement-breakpoint
CREATE INDEX `seals_digest` ON `seals` (`digest`);--> statement-breakpoint
ALTER TABLE `council_settings` ADD `step_names` text;--> statement-breakpoint
ALTER TABLE `council_settings` ADD `seconds_required` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `notice_posted_at` text;