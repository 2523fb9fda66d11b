CREATE TABLE `paper_ballots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`round_id` integer NOT NULL,
	`serial` text NOT NULL,
	`check_code` text NOT NULL,
	`voter_key` text,
	`label` text,
	`building` text,
	`units_json` text NOT NULL,
	`position` integer,
	`area_centi` integer NOT NULL,
	`state` text DEFAULT 'uncounted' NOT NULL,
	`invalid_reason` text,
	`counted_at` text,
	`counted_by` text,
	FOREIGN KEY (`round_id`) REFERENCES `paper_rounds`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE UNIQUE INDEX `paper_ballots_serial` ON `paper_ballots` (`round_id`,`serial`);--> statement-breakpoint
CREATE INDEX `paper_ballots_state` ON `paper_ballots` (`round_id`,`state`);--> statement-breakpoint
CREATE TABLE `paper_corrections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ballot_id` integer NOT NULL,
	`asked_by` text NOT NULL,
	`asked_at` text NOT NULL,
	`reason` text NOT NULL,
	`marks_json` text,
	`invalid_reason` text,
	`from_text` text NOT NULL,
	`to_text` text NOT NULL,
	`confirmed_by` text,
	`confirmed_at` text,
	FOREIGN KEY (`ballot_id`) REFERENCES `paper_ballots`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `paper_corrections_ballot` ON `paper_corrections` (`ballot_id`);--> statement-breakpoint
CREATE TABLE `paper_marks` (
	`ballot_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`choice` text NOT NULL,
	`area_centi` integer NOT NULL,
	PRIMARY KEY(`ballot_id`, `vote_id`),
	FOREIGN KEY (`ballot_id`) REFERENCES `paper_ballots`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `paper_marks_tally` ON `paper_marks` (`vote_id`,`choice`,`area_centi`);--> statement-breakpoint
CREATE TABLE `paper_register` (
	`round_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`position` integer NOT NULL,
	`label` text NOT NULL,
	`building` text,
	`units_json` text NOT NULL,
	`area_centi` integer NOT NULL,
	`issued_at` text,
	`issued_how` text,
	`issued_by` text,
	`returned_at` text,
	`returned_signature` blob,
	`returned_on_paper` integer DEFAULT false NOT NULL,
	`returned_box` text,
	PRIMARY KEY(`round_id`, `voter_key`),
	FOREIGN KEY (`round_id`) REFERENCES `paper_rounds`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `paper_register_position` ON `paper_register` (`round_id`,`position`);--> statement-breakpoint
CREATE INDEX `paper_register_counts` ON `paper_register` (`round_id`,`issued_at`,`returned_at`,`area_centi`);--> statement-breakpoint
CREATE TABLE `paper_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`meeting_id` integer NOT NULL,
	`title` text NOT NULL,
	`opens_on` text NOT NULL,
	`deadline` text NOT NULL,
	`return_to` text NOT NULL,
	`marking_rules` text NOT NULL,
	`secret` integer NOT NULL,
	`voter_basis` text NOT NULL,
	`entitled_headcount` integer DEFAULT 0 NOT NULL,
	`entitled_area_centi` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_at` text NOT NULL,
	`closed_at` text,
	`count_started_at` text,
	`tellers_json` text NOT NULL,
	`scrutineers_json` text NOT NULL,
	`sealed_at` text,
	`posted_on` text,
	`posted_until` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `paper_rounds_meeting` ON `paper_rounds` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `paper_seals` (
	`round_id` integer PRIMARY KEY NOT NULL,
	`key_id` integer NOT NULL,
	`canonical` text NOT NULL,
	`digest` text NOT NULL,
	`signature` text NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`round_id`) REFERENCES `paper_rounds`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`key_id`) REFERENCES `council_keys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paper_seals_digest` ON `paper_seals` (`digest`);--> statement-breakpoint
CREATE TABLE `paper_signatures` (
	`round_id` integer NOT NULL,
	`role` text NOT NULL,
	`name` text NOT NULL,
	`image` blob NOT NULL,
	`signed_at` text NOT NULL,
	PRIMARY KEY(`round_id`, `role`, `name`),
	FOREIGN KEY (`round_id`) REFERENCES `paper_rounds`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
ALTER TABLE `votes` ADD `paper_round_id` integer;--> statement-breakpoint
-- A round's ballots are printed when it opens and never removed; once the count record is sealed
-- nothing it counted can change, whatever writes it.
CREATE TRIGGER `paper_ballots_only_when_open` BEFORE INSERT ON `paper_ballots`
WHEN (SELECT status FROM paper_rounds WHERE id = NEW.round_id) IS NOT 'open'
BEGIN
  SELECT RAISE(ABORT, 'the round is not open: 书面表决已截止，不能再增加表决票');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballots_sealed` BEFORE UPDATE ON `paper_ballots`
WHEN (SELECT status FROM paper_rounds WHERE id = OLD.round_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，表决票不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_ballots_no_delete` BEFORE DELETE ON `paper_ballots`
BEGIN
  SELECT RAISE(ABORT, 'ballots are kept: 表决票记录不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_marks_sealed_insert` BEFORE INSERT ON `paper_marks`
WHEN (SELECT r.status FROM paper_ballots b JOIN paper_rounds r ON r.id = b.round_id WHERE b.id = NEW.ballot_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，不能再计票');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_marks_sealed_update` BEFORE UPDATE ON `paper_marks`
WHEN (SELECT r.status FROM paper_ballots b JOIN paper_rounds r ON r.id = b.round_id WHERE b.id = OLD.ballot_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，计票结果不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_marks_sealed_delete` BEFORE DELETE ON `paper_marks`
WHEN (SELECT r.status FROM paper_ballots b JOIN paper_rounds r ON r.id = b.round_id WHERE b.id = OLD.ballot_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，计票结果不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_register_sealed` BEFORE UPDATE ON `paper_register`
WHEN (SELECT status FROM paper_rounds WHERE id = OLD.round_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，登记册不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_register_no_delete` BEFORE DELETE ON `paper_register`
BEGIN
  SELECT RAISE(ABORT, 'the register is kept: 发放回收登记不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_corrections_sealed` BEFORE UPDATE ON `paper_corrections`
WHEN (SELECT r.status FROM paper_ballots b JOIN paper_rounds r ON r.id = b.round_id WHERE b.id = OLD.ballot_id) = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，更正记录不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_corrections_no_delete` BEFORE DELETE ON `paper_corrections`
BEGIN
  SELECT RAISE(ABORT, 'corrections are kept: 更正记录不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_signatures_no_update` BEFORE UPDATE ON `paper_signatures`
BEGIN
  SELECT RAISE(ABORT, 'a signature is final: 计票记录上的签字不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_signatures_no_delete` BEFORE DELETE ON `paper_signatures`
BEGIN
  SELECT RAISE(ABORT, 'a signature is final: 计票记录上的签字不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_seals_no_update` BEFORE UPDATE ON `paper_seals`
BEGIN
  SELECT RAISE(ABORT, 'a seal is final: 计票记录的封存不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_seals_no_delete` BEFORE DELETE ON `paper_seals`
BEGIN
  SELECT RAISE(ABORT, 'a seal is final: 计票记录的封存不可删除');
END;
--> statement-breakpoint
-- A sealed round keeps what it was; only its 公示 dates may still be written.
CREATE TRIGGER `paper_rounds_sealed` BEFORE UPDATE OF `meeting_id`, `title`, `opens_on`, `deadline`, `return_to`, `marking_rules`, `secret`, `voter_basis`, `status`, `opened_at`, `closed_at`, `count_started_at`, `tellers_json`, `scrutineers_json`, `sealed_at` ON `paper_rounds`
WHEN OLD.`status` = 'sealed'
BEGIN
  SELECT RAISE(ABORT, 'the count is sealed: 计票记录已封存，书面表决不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `paper_rounds_no_delete` BEFORE DELETE ON `paper_rounds`
BEGIN
  SELECT RAISE(ABORT, 'a written vote is kept: 书面表决记录不可删除');
END;
