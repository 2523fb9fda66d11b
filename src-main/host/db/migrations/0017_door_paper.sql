ALTER TABLE `attendance` ADD `on_paper` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `proxies` ADD `written_received` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `council_settings` ADD `require_written_proxy` integer DEFAULT false NOT NULL;