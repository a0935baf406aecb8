CREATE TABLE `import_upload_chunks` (
	`upload_id` text NOT NULL,
	`seq` integer NOT NULL,
	`data` blob NOT NULL,
	PRIMARY KEY(`upload_id`, `seq`),
	FOREIGN KEY (`upload_id`) REFERENCES `import_uploads`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `import_uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`organiser_id` integer NOT NULL,
	`file_name` text NOT NULL,
	`byte_size` integer NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`detail` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`organiser_id`) REFERENCES `organisers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_uploads_organiser_idx` ON `import_uploads` (`organiser_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `import_uploads_expiry_idx` ON `import_uploads` (`expires_at`);--> statement-breakpoint
CREATE TABLE `rate_limit_counters` (
	`key` text PRIMARY KEY NOT NULL,
	`hits` integer DEFAULT 0 NOT NULL,
	`window_ends_at` integer NOT NULL,
	`last_hit_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_counters_window_idx` ON `rate_limit_counters` (`window_ends_at`);