CREATE TABLE `audit_heads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`council_id` integer NOT NULL,
	`key_fingerprint` text NOT NULL,
	`reason` text NOT NULL,
	`signed_at` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_heads_seq` ON `audit_heads` (`seq`);--> statement-breakpoint
-- Signed heads are append-only, like the log they anchor: a head once signed is never changed or removed.
CREATE TRIGGER `audit_heads_no_update` BEFORE UPDATE ON `audit_heads`
BEGIN
  SELECT RAISE(ABORT, 'audit_heads is append-only: 签署的链头不可修改');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_heads_no_delete` BEFORE DELETE ON `audit_heads`
BEGIN
  SELECT RAISE(ABORT, 'audit_heads is append-only: 签署的链头不可删除');
END;
