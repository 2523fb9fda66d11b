CREATE TABLE `unit_owners` (
	`household_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	PRIMARY KEY(`household_id`, `person_id`),
	FOREIGN KEY (`household_id`) REFERENCES `households`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `unit_owners_person` ON `unit_owners` (`person_id`);