CREATE TABLE `csv_import_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`edition_id` integer NOT NULL,
	`organiser_id` integer,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`total` integer NOT NULL,
	`state` text DEFAULT 'running' NOT NULL,
	`created` integer,
	`skipped` integer,
	`started_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `editions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `csv_import_jobs_edition_idx` ON `csv_import_jobs` (`edition_id`,`started_at`);