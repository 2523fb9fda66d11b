CREATE TABLE `paper_ballot_tally` (
	`round_id` integer NOT NULL,
	`state` text NOT NULL,
	`headcount` integer DEFAULT 0 NOT NULL,
	`area_centi` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`round_id`, `state`),
	FOREIGN KEY (`round_id`) REFERENCES `paper_rounds`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `paper_tally` (
	`vote_id` integer NOT NULL,
	`choice` text NOT NULL,
	`headcount` integer DEFAULT 0 NOT NULL,
	`area_centi` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`vote_id`, `choice`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- What was counted before this migration, added up once.
INSERT INTO `paper_tally` (`vote_id`, `choice`, `headcount`, `area_centi`)
SELECT `vote_id`, `choice`, count(*), coalesce(sum(`area_centi`), 0) FROM `paper_marks` GROUP BY `vote_id`, `choice`;
--> statement-breakpoint
INSERT INTO `paper_ballot_tally` (`round_id`, `state`, `headcount`, `area_centi`)
SELECT `round_id`, `state`, count(*), coalesce(sum(`area_centi`), 0) FROM `paper_ballots` GROUP BY `round_id`, `state`;
--> statement-breakpoint
-- From here on every write to the marks and the ballots moves the running counts in the same
-- transaction, whoever writes: the count, a confirmed correction, an archive import, another client.
CREATE TRIGGER `paper_tally_mark_added` AFTER INSERT ON `paper_marks`
BEGIN
  INSERT INTO `paper_tally` (`vote_id`, `choice`, `headcount`, `area_centi`) VALUES (NEW.`vote_id`, NEW.`choice`, 1, NEW.`area_centi`)
  ON CONFLICT (`vote_id`, `choice`) DO UPDATE SET `headcount` = `headcount` + 1, `area_centi` = `area_centi` + excluded.`area_centi`;
END;
--> statement-breakpoint
CREATE TRIGGER `paper_tally_mark_removed` AFTER DELETE ON `paper_marks`
BEGIN
  UPDATE `paper_tally` SET `headcount` = `headcount` - 1, `area_centi` = `area_centi` - OLD.`area_centi`
  WHERE `vote_id` = OLD.`vote_id` AND `choice` = OLD.`choice`;
END;
--> statement-breakpoint
CREATE TRIGGER `paper_tally_mark_changed` AFTER UPDATE OF `vote_id`, `choice`, `area_centi` ON `paper_marks`
BEGIN
  UPDATE `paper_tally` SET `headcount` = `headcount` - 1, `area_centi` = `area_centi` - OLD.`area_centi`
  WHERE `vote_id` = OLD.`vote_id` AND `choice` = OLD.`choice`;
  INSERT INTO `paper_tally` (`vote_id`, `choice`, `headcount`, `area_centi`) VALUES (NEW.`vote_id`, NEW.`choice`, 1, NEW.`area_centi`)
  ON CONFLICT (`vote_id`, `choice`) DO UPDATE SET `headcount` = `headcount` + 1, `area_centi` = `area_centi` + excluded.`area_centi`;
END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballot_tally_added` AFTER INSERT ON `paper_ballots`
BEGIN
  INSERT INTO `paper_ballot_tally` (`round_id`, `state`, `headcount`, `area_centi`) VALUES (NEW.`round_id`, NEW.`state`, 1, NEW.`area_centi`)
  ON CONFLICT (`round_id`, `state`) DO UPDATE SET `headcount` = `headcount` + 1, `area_centi` = `area_centi` + excluded.`area_centi`;
END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballot_tally_removed` AFTER DELETE ON `paper_ballots`
BEGIN
  UPDATE `paper_ballot_tally` SET `headcount` = `headcount` - 1, `area_centi` = `area_centi` - OLD.`area_centi`
  WHERE `round_id` = OLD.`round_id` AND `state` = OLD.`state`;
END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballot_tally_changed` AFTER UPDATE OF `round_id`, `state`, `area_centi` ON `paper_ballots`
BEGIN
  UPDATE `paper_ballot_tally` SET `headcount` = `headcount` - 1, `area_centi` = `area_centi` - OLD.`area_centi`
  WHERE `round_id` = OLD.`round_id` AND `state` = OLD.`state`;
  INSERT INTO `paper_ballot_tally` (`round_id`, `state`, `headcount`, `area_centi`) VALUES (NEW.`round_id`, NEW.`state`, 1, NEW.`area_centi`)
  ON CONFLICT (`round_id`, `state`) DO UPDATE SET `headcount` = `headcount` + 1, `area_centi` = `area_centi` + excluded.`area_centi`;
END;
