ALTER TABLE `council_settings` ADD `default_vote_rule` text;--> statement-breakpoint
ALTER TABLE `council_settings` ADD `default_vote_mode` text;