CREATE TABLE `vote_electorate` (
	`vote_id` integer NOT NULL,
	`position` integer NOT NULL,
	`voter_key` text NOT NULL,
	`label` text NOT NULL,
	`area_centi` integer NOT NULL,
	`unit_ids_json` text NOT NULL,
	`owner_ids_json` text NOT NULL,
	`cast_through_json` text NOT NULL,
	PRIMARY KEY(`vote_id`, `voter_key`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `vote_electorate_position` ON `vote_electorate` (`vote_id`,`position`);--> statement-breakpoint
ALTER TABLE `vote_counts` ADD `for_area_centi` integer;--> statement-breakpoint
ALTER TABLE `vote_counts` ADD `against_area_centi` integer;--> statement-breakpoint
ALTER TABLE `vote_counts` ADD `abstain_area_centi` integer;--> statement-breakpoint
ALTER TABLE `vote_counts` ADD `blank_area_centi` integer;--> statement-breakpoint
ALTER TABLE `votes` ADD `closing_json` text;--> statement-breakpoint
-- A vote's frozen electorate is what it is decided on: written while the vote is open (at opening),
-- never changed or removed afterwards, whatever wrote it.
CREATE TRIGGER `vote_electorate_only_when_open` BEFORE INSERT ON `vote_electorate`
WHEN (SELECT status FROM votes WHERE id = NEW.vote_id) IS NOT 'open'
BEGIN
  SELECT RAISE(ABORT, 'vote is not open: 表决已结束，名单不可再添加');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_electorate_no_update` BEFORE UPDATE ON `vote_electorate`
BEGIN
  SELECT RAISE(ABORT, 'the electorate of a vote is fixed: 表决名单不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_electorate_no_delete` BEFORE DELETE ON `vote_electorate`
BEGIN
  SELECT RAISE(ABORT, 'the electorate of a vote is fixed: 表决名单不可删除');
END;
--> statement-breakpoint
-- Who took part is recorded once, when the vote closes.
CREATE TRIGGER `votes_closing_fixed` BEFORE UPDATE OF `closing_json` ON `votes`
WHEN OLD.`closing_json` IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'who took part in a closed vote is fixed: 表决结束时的参与记录不可修改');
END;
