ALTER TABLE `editions` ADD `personal_data_purged_at` integer;--> statement-breakpoint
ALTER TABLE `organisations` ADD `retention_months` integer DEFAULT 12 NOT NULL;