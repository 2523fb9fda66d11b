CREATE TABLE `wish_supports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wish_id` integer NOT NULL,
	`browser_id` text NOT NULL,
	`address` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`wish_id`) REFERENCES `wishes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `wish_supports_browser` ON `wish_supports` (`wish_id`,`browser_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `wish_supports_address` ON `wish_supports` (`wish_id`,`address`);