CREATE TABLE `ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`cast_by_id` integer,
	`choice` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cast_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_vote_voter` ON `ballots` (`vote_id`,`voter_key`);--> statement-breakpoint
CREATE TABLE `vote_counts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`vote_id` integer NOT NULL,
	`for_count` integer NOT NULL,
	`against_count` integer NOT NULL,
	`abstain_count` integer NOT NULL,
	`blank_count` integer DEFAULT 0 NOT NULL,
	`entered_by` text DEFAULT '' NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `vote_results` (
	`vote_id` integer PRIMARY KEY NOT NULL,
	`passed` integer NOT NULL,
	`outcome_json` text NOT NULL,
	`explanation` text NOT NULL,
	`locked_at` text NOT NULL,
	`audit_hash` text NOT NULL,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`agenda_item_id` integer,
	`title` text NOT NULL,
	`mode` text NOT NULL,
	`rule_json` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` text NOT NULL,
	`closed_at` text,
	`replaces_vote_id` integer,
	`correction_reason` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `votes_meeting` ON `votes` (`meeting_id`);