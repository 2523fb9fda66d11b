-- Ballots, entered counts and locked results are append-only, like the audit log:
-- a correction is a recorded re-vote, never an edit.
CREATE TRIGGER `ballots_no_update` BEFORE UPDATE ON `ballots`
BEGIN
  SELECT RAISE(ABORT, 'ballots are append-only: 选票不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `ballots_no_delete` BEFORE DELETE ON `ballots`
BEGIN
  SELECT RAISE(ABORT, 'ballots are append-only: 选票不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_counts_no_update` BEFORE UPDATE ON `vote_counts`
BEGIN
  SELECT RAISE(ABORT, 'vote counts are append-only: 计票记录不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_counts_no_delete` BEFORE DELETE ON `vote_counts`
BEGIN
  SELECT RAISE(ABORT, 'vote counts are append-only: 计票记录不可删除');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_results_no_update` BEFORE UPDATE ON `vote_results`
BEGIN
  SELECT RAISE(ABORT, 'results are append-only: 表决结果不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `vote_results_no_delete` BEFORE DELETE ON `vote_results`
BEGIN
  SELECT RAISE(ABORT, 'results are append-only: 表决结果不可删除');
END;
--> statement-breakpoint
-- A ballot may only go into an open vote, whatever wrote it.
CREATE TRIGGER `ballots_only_when_open` BEFORE INSERT ON `ballots`
WHEN (SELECT status FROM votes WHERE id = NEW.vote_id) IS NOT 'open'
BEGIN
  SELECT RAISE(ABORT, 'vote is not open: 表决未开放');
END;
