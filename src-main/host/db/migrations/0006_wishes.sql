CREATE TABLE `wishes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`council_id` integer NOT NULL,
	`text` text NOT NULL,
	`category` text DEFAULT '' NOT NULL,
	`building` text DEFAULT '' NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`household` text DEFAULT '' NOT NULL,
	`supporters` integer DEFAULT 0 NOT NULL,
	`source` text NOT NULL,
	`status` text DEFAULT 'new' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`merged_into_id` integer,
	`agenda_item_id` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`council_id`) REFERENCES `councils`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`agenda_item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `wishes_council_status` ON `wishes` (`council_id`,`status`);--> statement-breakpoint
ALTER TABLE `council_settings` ADD `intake_open` integer DEFAULT false NOT NULL;